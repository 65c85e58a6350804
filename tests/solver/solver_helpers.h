#pragma once
// Shared by the solver tests: compile a source text to elaborated Core IR and
// verify it.
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "model/check/check.h"
#include "model/diagnostics/source.h"
#include "model/rules/rule_set.h"
#include "solver/bmc.h"

namespace ownmodel::testing {

/// Checks `text` under the default rule set minus `disabled` (a selector like "S1").
inline CheckResult compile(const std::string& text, const std::vector<std::string>& disabled = {}) {
  RuleSet rules;
  for (const std::string& d : disabled) {
    auto problem = rules.disable(d);
    EXPECT_FALSE(problem.has_value()) << *problem;
  }
  return check_source(SourceFile("test.mojo", text), rules);
}

inline ir::SlotId slot_named(const ir::Function& f, const std::string& name) {
  for (ir::SlotId k = 0; k < f.slots.size(); ++k)
    if (f.slots[k].name == name) return k;
  ADD_FAILURE() << "no slot " << name;
  return 0;
}

struct Verified {
  CheckResult checked;
  solver::VerifyResult result;
};

/// Compiles `text` (minus `disabled`) and verifies it at `bound`. The timeout
/// is generous: a query answers in well under a second alone, but the suite
/// runs tests side by side, and an unknown would be a flaky failure.
inline Verified verify_text(const std::string& text, unsigned bound = 3,
                            const std::vector<std::string>& disabled = {}) {
  Verified v;
  v.checked = compile(text, disabled);
  EXPECT_TRUE(v.checked.elaborated.has_value());
  if (!v.checked.elaborated) return v;
  solver::VerifyOptions o;
  o.bound = bound;
  o.timeout_ms = 60000;
  v.result = solver::verify(*v.checked.elaborated, o);
  return v;
}

/// The result for outcome kind `k`.
inline const solver::KindResult& kind(const solver::VerifyResult& r, Rule k) {
  for (const solver::KindResult& x : r.kinds)
    if (x.kind == k) return x;
  throw std::runtime_error("no such kind");
}

}  // namespace ownmodel::testing
