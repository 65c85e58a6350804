// RapidCheck properties over generated accepted programs (issue 4): runs are
// deterministic; a fault-free run of an accepted program matches every
// initialization with exactly one destruction and ends with an empty heap
// (E-Exit checks it); no step premise is violated (no "checker unsound").
#include <map>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "builder.h"
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

/// Each object's lifetime in the event list: init/copy/move begin one at the
/// destination; del or being a move's source ends it. Returns the first
/// imbalance, or empty.
std::string unbalanced(const std::vector<run::Event>& events) {
  std::map<std::string, int> live;
  for (const run::Event& e : events) {
    switch (e.kind) {
      case run::EventKind::Init:
      case run::EventKind::Copy:
        if (live[e.object]++ != 0) return "initialized twice: " + run::to_string(e);
        break;
      case run::EventKind::Move:
        if (live[e.source]-- != 1) return "move from a dead object: " + run::to_string(e);
        if (live[e.object]++ != 0) return "moved onto a live object: " + run::to_string(e);
        break;
      case run::EventKind::Del:
        if (live[e.object]-- != 1) return "destroyed twice or never built: " + run::to_string(e);
        break;
    }
  }
  for (const auto& [object, n] : live)
    if (n != 0) return "never destroyed: " + object;
  return {};
}

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
  RC_ASSERT(unbalanced(a.events).empty());
  const run::Outcome b = run_checked(c.result);
  RC_ASSERT(a.output == b.output);
  RC_ASSERT(a.steps == b.steps);
  RC_ASSERT(event_strings(a) == event_strings(b));
}

TEST(Generated, BalanceCheckerCatchesAMissingDestruction) {
  std::vector<run::Event> events(1);
  events[0].kind = run::EventKind::Init;
  events[0].object = "main.a";
  EXPECT_FALSE(unbalanced(events).empty());
  run::Event del = events[0];
  del.kind = run::EventKind::Del;
  events.push_back(del);
  EXPECT_TRUE(unbalanced(events).empty());
}

}  // namespace
}  // namespace ownmodel::testing
