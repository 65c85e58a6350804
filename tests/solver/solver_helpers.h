#pragma once
// Shared by the solver tests: compile a source text to elaborated Core IR.
#include <string>

#include <gtest/gtest.h>

#include "model/check/check.h"
#include "model/diagnostics/source.h"
#include "model/rules/rule_set.h"

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

}  // namespace ownmodel::testing
