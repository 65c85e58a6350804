// RapidCheck properties over generated accepted programs (issue 4): runs are
// deterministic; a fault-free run of an accepted program matches every
// initialization with exactly one destruction and ends with an empty heap
// (E-Exit checks it); no step premise is violated (no "checker unsound").
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "builder.h"
#include "campaigns/classify.h"
#include "model/check/check.h"
#include "model/diagnostics/source.h"
#include "program_gen.h"

namespace ownmodel::testing {
namespace {

struct Checked {
  CheckResult result;
};

Checked check_text(const std::string& text) {
  const SourceFile source("generated.mojo", text);
  return Checked{check_source(source, RuleSet{})};
}

run::Outcome run_checked(const CheckResult& r) {
  run::Program p;
  p.module = &*r.elaborated;
  p.accepted = r.accepted;
  return run::run_program(p);
}

using campaigns::lifecycle_imbalance;

TEST(Generated, ProgramsAreMostlyAccepted) {
  int accepted = 0;
  for (std::uint32_t seed = 0; seed < 50; ++seed) accepted += check_text(generate_program(seed)).result.accepted;
  // The generator only writes legal uses; a rejection is a checker disagreement.
  EXPECT_GE(accepted, 40) << "sample:\n" << generate_program(0);
}

RC_GTEST_PROP(Generated, AcceptedRunsAreCleanBalancedAndDeterministic, ()) {
  const auto seed = *rc::gen::arbitrary<std::uint32_t>();
  const int size = *rc::gen::inRange(1, 25);
  const std::string text = generate_program(seed, size);
  const Checked c = check_text(text);
  RC_CLASSIFY(c.result.accepted, "accepted");
  if (!c.result.accepted || !c.result.elaborated) return;
  const run::Outcome a = run_checked(c.result);
  RC_LOG() << text << "\n" << a.stop.message << "\n";
  RC_ASSERT(a.stop.kind == run::StopKind::Finished);
  RC_ASSERT(!a.checker_unsound);
  RC_ASSERT(lifecycle_imbalance(a.events).empty());
  const run::Outcome b = run_checked(c.result);
  RC_ASSERT(a.output == b.output);
  RC_ASSERT(a.steps == b.steps);
  RC_ASSERT(event_strings(a) == event_strings(b));
}

TEST(Generated, BalanceCheckerCatchesAMissingDestruction) {
  std::vector<run::Event> events(1);
  events[0].kind = run::EventKind::Init;
  events[0].object = "main.a";
  EXPECT_FALSE(lifecycle_imbalance(events).empty());
  run::Event del = events[0];
  del.kind = run::EventKind::Del;
  events.push_back(del);
  EXPECT_TRUE(lifecycle_imbalance(events).empty());
}

}  // namespace
}  // namespace ownmodel::testing
