// The cross-check of DESIGN.md §6: for generated programs with symbolic Bool
// inputs, the set of fault kinds the interpreter reaches over all input
// combinations equals the set Z3 reports reachable at the same bound (the
// generated loops run twice, so bound 3 covers every path).
#include <set>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "program_gen_heap.h"
#include "program_gen_unsafe.h"
#include "reference-impl/machine.h"
#include "solver/bmc.h"
#include "solver_helpers.h"

namespace ownmodel::solver {
namespace {

std::set<Rule> interpreter_outcomes(const ir::Module& m) {
  std::set<Rule> out;
  for (int bits = 0; bits < 8; ++bits) {
    run::MapOracle oracle;
    oracle.arguments["a"] = run::InputValue{(bits & 1) != 0};
    oracle.arguments["b"] = run::InputValue{(bits & 2) != 0};
    oracle.arguments["c"] = run::InputValue{(bits & 4) != 0};
    run::Program p;
    p.module = &m;
    p.oracle = &oracle;
    p.limits.max_steps = 100000;
    const run::Outcome o = run::run_program(p);
    RC_ASSERT(o.stop.kind != run::StopKind::StepLimit);
    RC_ASSERT(o.stop.kind != run::StopKind::Internal);
    if (o.stop.kind == run::StopKind::Faulted) out.insert(o.stop.fault->kind);
  }
  return out;
}

/// With `allow_unknown`, a kind whose query timed out is left out of the
/// comparison (unknown is never a verdict); every decided kind must agree.
void cross_check(const std::string& text, bool allow_unknown = false, unsigned timeout_ms = 10000) {
  RC_LOG() << text;
  const CheckResult checked = testing::compile(text);
  RC_PRE(checked.elaborated.has_value());
  const std::set<Rule> concrete = interpreter_outcomes(*checked.elaborated);
  VerifyOptions o;
  o.bound = 3;
  o.timeout_ms = timeout_ms;
  const VerifyResult r = verify(*checked.elaborated, o);
  RC_ASSERT(r.supported);
  std::set<Rule> symbolic;
  std::set<Rule> concrete_decided = concrete;
  bool unknown = false;
  for (const KindResult& k : r.kinds) {
    if (k.status == Reach::Unknown) {
      RC_ASSERT(allow_unknown);
      unknown = true;
      concrete_decided.erase(k.kind);
    }
    if (k.status == Reach::Reachable) symbolic.insert(k.kind);
  }
  RC_CLASSIFY(unknown, "some kind unknown (timeout)");
  RC_ASSERT(r.bound_hit != Reach::Reachable);
  if (!allow_unknown) RC_ASSERT(r.bound_hit == Reach::Unreachable);
  RC_CLASSIFY(!concrete.empty(), "some fault");
  RC_CLASSIFY(concrete.size() > 1, "several faults");
  for (Rule k : concrete) RC_TAG(std::string(spec_name(k)));
  RC_ASSERT(concrete_decided == symbolic);
}

RC_GTEST_PROP(SolverCrossCheck, ReachableOutcomesEqualInterpreterOutcomes, ()) {
  const auto seed = *rc::gen::arbitrary<std::uint32_t>();
  const int statements = *rc::gen::inRange(4, 13);
  cross_check(testing::generate_unsafe_program(seed, statements));
}

// The same over List / OwnedPointer programs (E-Box-New, E-List-New,
// E-List-Append with reallocation, len, element access, destruction).
RC_GTEST_PROP(SolverCrossCheck, HeapOwnerOutcomesEqualInterpreterOutcomes, ()) {
  const auto seed = *rc::gen::arbitrary<std::uint32_t>();
  const int statements = *rc::gen::inRange(4, 11);
  cross_check(testing::generate_heap_program(seed, statements), true, 3000);
}

}  // namespace
}  // namespace ownmodel::solver
