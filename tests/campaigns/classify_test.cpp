// The four-way oracle, the domain shrinker and the fuzz campaign's failure
// handling, on programs whose verdict and runtime behaviour are known.
#include <filesystem>

#include <gtest/gtest.h>

#include "campaigns/ablate.h"
#include "campaigns/classify.h"
#include "campaigns/enumerate.h"
#include "campaigns/fuzz.h"
#include "generators/shrink.h"
#include "model/syntax/parser.h"
#include "model/syntax/print.h"

namespace ownmodel::campaigns {
namespace {

ast::Module parse_ok(const std::string& text) {
  ParseResult r = parse(SourceFile("test.mojo", text));
  EXPECT_TRUE(r.module.has_value()) << text;
  return r.module.value_or(ast::Module{});
}

RuleSet without(const char* rule) {
  RuleSet r;
  EXPECT_FALSE(r.disable(rule).has_value());
  return r;
}

const char* kUseAfterTransferOnOneBranch =
    "def take(var s: String):\n"
    "    print(s)\n"
    "\n"
    "\n"
    "def main(a: Bool):\n"
    "    var s = String(\"x\")\n"
    "    if a:\n"
    "        take(s^)\n"
    "    print(s)\n";

TEST(Classify, AcceptedSafeProgram) {
  const Classification c = classify(parse_ok("def main(a: Bool):\n    var s = String(\"x\")\n    if a:\n"
                                             "        print(s)\n    print(1)\n"),
                                    RuleSet());
  EXPECT_TRUE(c.accepted);
  EXPECT_EQ(c.quadrant, Quadrant::AcceptedSafe) << c.category();
  EXPECT_EQ(c.runs, 2u);  // a = False, a = True
  EXPECT_FALSE(c.fault);
}

TEST(Classify, RejectedProgramThatFaultsOnlyOnOneInput) {
  const Classification c = classify(parse_ok(kUseAfterTransferOnOneBranch), RuleSet());
  EXPECT_FALSE(c.accepted);
  EXPECT_EQ(c.rejecting_rules, std::vector<std::string>{"S1"});
  ASSERT_EQ(c.quadrant, Quadrant::RejectedFaulting) << c.category();
  EXPECT_EQ(c.fault->kind, Rule::F_Uninit);
  ASSERT_EQ(c.fault_inputs.size(), 1u);
  EXPECT_EQ(c.fault_inputs[0].first, "a");
  EXPECT_EQ(std::get<bool>(c.fault_inputs[0].second), true);
}

TEST(Classify, WeakenedRuleSetAcceptsAFaultingProgram) {
  const Classification c = classify(parse_ok(kUseAfterTransferOnOneBranch), without("S1"));
  EXPECT_TRUE(c.accepted);
  EXPECT_EQ(c.quadrant, Quadrant::AcceptedFaulting);
  EXPECT_EQ(property_failure(c).category, "false-negative F-Uninit");
}

TEST(Classify, ExclusivityRejectionOfAStringIsAFalsePositive) {
  // S9 rejects aliasing a String as mut and read; the machine runs it safely.
  const Classification c = classify(parse_ok("def twice(mut s: String, other: String):\n"
                                             "    s += other\n"
                                             "\n\n"
                                             "def main():\n"
                                             "    var t = String(\"o\")\n"
                                             "    twice(t, t)\n"
                                             "    print(t)\n"),
                                    RuleSet());
  EXPECT_FALSE(c.accepted);
  EXPECT_EQ(c.rejecting_rules, std::vector<std::string>{"S9"});
  EXPECT_EQ(c.quadrant, Quadrant::RejectedSafe) << c.category();
}

TEST(Classify, IllFormedAndNotRunnable) {
  EXPECT_EQ(classify(parse_ok("def main():\n    print(nowhere)\n"), RuleSet()).quadrant, Quadrant::IllFormed);
  EXPECT_EQ(classify(parse_ok("def f(s: String):\n    print(s)\n"), RuleSet()).quadrant, Quadrant::NotRunnable);
  // Found by the fuzz campaign: a function with a result is no entry (its
  // returned value would be reported as leaked by the harness).
  EXPECT_EQ(classify(parse_ok("def p() -> String:\n    return \"\"\n"), RuleSet()).quadrant, Quadrant::NotRunnable);
}

TEST(Classify, AStepBoundIsInconclusiveNeverSafe) {
  ClassifyOptions o;
  o.limits.max_steps = 50;
  const Classification c =
      classify(parse_ok("def main():\n    var i = 0\n    while i < 1000:\n        i += 1\n"), RuleSet(), o);
  EXPECT_EQ(c.quadrant, Quadrant::Inconclusive);
}

TEST(Classify, LifecycleImbalanceIsFound) {
  run::Event init;
  init.kind = run::EventKind::Init;
  init.object = "main.a";
  EXPECT_EQ(lifecycle_imbalance({init}), "never destroyed: main.a");
  run::Event del = init;
  del.kind = run::EventKind::Del;
  EXPECT_EQ(lifecycle_imbalance({init, del}), "");
  EXPECT_NE(lifecycle_imbalance({init, del, del}), "");
}

TEST(FourWay, CountsMergesAndFalsePositiveRate) {
  Classification safe, fp, tp;
  safe.accepted = true;
  safe.quadrant = Quadrant::AcceptedSafe;
  fp.quadrant = Quadrant::RejectedSafe;
  fp.rejecting_rules = {"S9"};
  tp.quadrant = Quadrant::RejectedFaulting;
  tp.rejecting_rules = {"S1", "S9"};
  run::Fault f;
  f.kind = Rule::F_Uninit;
  tp.fault = f;
  FourWayTable a, b;
  a.add(safe);
  a.add(fp);
  b.add(tp);
  b.add(fp);
  a.merge(b);
  EXPECT_EQ(a.total(), 4u);
  EXPECT_EQ(a.rejected_safe, 2u);
  EXPECT_EQ(a.rejected(), 3u);
  EXPECT_NEAR(a.false_positive_percent(), 200.0 / 3.0, 1e-9);
  EXPECT_EQ(a.rejections_by_rule["S9"], 3u);
  EXPECT_EQ(a.rejections_by_rule["S1"], 1u);
  EXPECT_EQ(a.sole_false_positives_by_rule["S9"], 2u);
  EXPECT_EQ(a.faults_by_kind["F-Uninit"], 1u);
  EXPECT_EQ(a.to_json()["rejected_safe"], 2);
}

TEST(Shrink, CandidatesKeepMainAndGetSmaller) {
  const ast::Module m = parse_ok(kUseAfterTransferOnOneBranch);
  const std::vector<ast::Module> candidates = gen::shrink_candidates(m);
  ASSERT_FALSE(candidates.empty());
  for (const ast::Module& c : candidates) {
    EXPECT_NE(c, m);
    EXPECT_NE(print(c).find("def main("), std::string::npos) << print(c);
  }
}

TEST(Shrink, ReducesAFaultToItsCoreKeepingTheCategory) {
  const std::string padded =
      "def take(var s: String):\n"
      "    print(s)\n"
      "\n\n"
      "def unused(x: Int) -> Int:\n"
      "    return x * 2\n"
      "\n\n"
      "def main(a: Bool, b: Bool):\n"
      "    var n = 3 + 4\n"
      "    var s = String(\"long text\")\n"
      "    print(n)\n"
      "    if b:\n"
      "        print(\"b\")\n"
      "    else:\n"
      "        print(\"not b\")\n"
      "    take(s^)\n"
      "    for i in range(2):\n"
      "        print(i)\n"
      "    print(s)\n";
  const RuleSet weak = without("S1");
  auto category = [&](const ast::Module& m) { return classify(m, weak).category(); };
  const ast::Module original = parse_ok(padded);
  const std::string wanted = category(original);
  ASSERT_EQ(wanted, "accepted-faulting F-Uninit");
  gen::ShrinkStats stats;
  const ast::Module small =
      gen::shrink(original, [&](const ast::Module& m) { return category(m) == wanted; }, 5000, &stats);
  EXPECT_EQ(category(small), wanted);
  EXPECT_FALSE(stats.budget_hit);
  EXPECT_LE(gen::program_lines(small), 6u) << print(small);
  EXPECT_LT(gen::program_lines(small), gen::program_lines(original));
  // A local minimum: no single step keeps the failure.
  for (const ast::Module& c : gen::shrink_candidates(small)) EXPECT_NE(category(c), wanted) << print(c);
}

TEST(Fuzz, AFailureIsFoundShrunkSavedAndReplayable) {
  // A generator whose every program faults after a transfer, padded by a
  // random number of prints; under a rule set without S1 each is a false negative.
  const rc::Gen<ast::Module> faulty = rc::gen::map(rc::gen::inRange(0, 6), [](int pad) {
    std::string text = "def take(var s: String):\n    print(s)\n\n\ndef main():\n    var s = String(\"x\")\n";
    for (int k = 0; k < pad; ++k) text += "    print(" + std::to_string(k + 10) + ")\n";
    text += "    take(s^)\n    print(s)\n";
    return parse_ok(text);
  });
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "ownmodel-fuzz-test";
  std::filesystem::remove_all(dir);
  FuzzOptions o;
  o.count = 20;
  o.seed = 7;
  o.rules = without("S1");
  o.jobs = 2;
  o.keep_failures = 2;
  o.out_dir = dir.string();
  const FuzzResult r = fuzz(o, {{"faulty", faulty}});
  EXPECT_EQ(r.cases, 20u);
  EXPECT_EQ(r.failure_count, 20u);
  EXPECT_EQ(r.table.accepted_faulting, 20u);
  ASSERT_EQ(r.failures.size(), 2u);
  const FuzzFailure& f = r.failures[0];
  EXPECT_EQ(f.case_index, 0u);
  EXPECT_EQ(f.category, "false-negative F-Uninit");
  EXPECT_LE(f.shrunk_lines, f.original_lines);
  EXPECT_LE(f.shrunk_lines, 6u) << f.shrunk;  // take, its body, main, the var, the transfer, the use
  ASSERT_FALSE(f.saved.empty());
  EXPECT_TRUE(std::filesystem::exists(f.saved));
  EXPECT_NE(f.replay.find("--case 0"), std::string::npos);
  // The same case regenerates the same program.
  FuzzOptions replay = o;
  replay.only_case = 3;
  replay.out_dir.clear();
  const FuzzResult again = fuzz(replay, {{"faulty", faulty}});
  EXPECT_EQ(again.cases, 1u);
  ASSERT_EQ(again.failures.size(), 1u);
  EXPECT_EQ(again.failures[0].original, print(generate_case({{"faulty", faulty}}, 7, 3).value()));
  std::filesystem::remove_all(dir);
}

TEST(Fuzz, TheDefaultRuleSetHasNoFailureOnTheSamePrograms) {
  const rc::Gen<ast::Module> faulty = rc::gen::just(parse_ok(kUseAfterTransferOnOneBranch));
  FuzzOptions o;
  o.count = 5;
  const FuzzResult r = fuzz(o, {{"faulty", faulty}});
  EXPECT_EQ(r.failure_count, 0u);
  EXPECT_EQ(r.table.rejected_faulting, 5u);
}

}  // namespace
}  // namespace ownmodel::campaigns

namespace ownmodel::campaigns {
namespace {

TEST(Ablate, FindsAndShrinksACounterexampleForANecessaryRule) {
  const rc::Gen<ast::Module> sources = rc::gen::map(rc::gen::inRange(0, 4), [](int pad) {
    std::string text = "def take(var s: String):\n    print(s)\n\n\ndef main(a: Bool):\n    var s = String(\"x\")\n";
    for (int k = 0; k < pad; ++k) text += "    print(" + std::to_string(k) + ")\n";
    text += "    if a:\n        take(s^)\n    print(s)\n";
    return parse_ok(text);
  });
  AblateOptions o;
  o.only = {Rule::S1, Rule::S9};
  o.budget = 10;
  const AblateResult r = ablate(o, [&](Rule) { return std::vector<NamedGenerator>{{"s1", sources}}; });
  ASSERT_EQ(r.rules.size(), 2u);
  const RuleAblation& s1 = r.rules[0];
  EXPECT_EQ(s1.verdict, Necessity::Necessary) << s1.summary();
  ASSERT_TRUE(s1.counterexample);
  EXPECT_EQ(s1.counterexample->fault_kind, Rule::F_Uninit);
  EXPECT_LE(s1.counterexample->lines, 10u) << s1.counterexample->program;
  // Shrinking drops the branch and the input: the transfer then always happens.
  EXPECT_EQ(s1.counterexample->program.find("if a"), std::string::npos) << s1.counterexample->program;
  EXPECT_NE(s1.counterexample->fault.find("print of main.s"), std::string::npos) << s1.counterexample->fault;
  // The same programs say nothing about S9: it rejects none of them.
  EXPECT_EQ(r.rules[1].verdict, Necessity::NoEvidence);
  EXPECT_EQ(r.rules[1].rejected_by_rule, 0u);
}

TEST(Ablate, ARuleWhoseRejectionsRunSafelyIsNotSafetyRelated) {
  const rc::Gen<ast::Module> aliasing = rc::gen::just(parse_ok(
      "def twice(mut s: String, other: String):\n    s += other\n\n\n"
      "def main():\n    var t = String(\"o\")\n    twice(t, t)\n    print(t)\n"));
  AblateOptions o;
  o.only = {Rule::S9};
  o.budget = 5;
  const AblateResult r = ablate(o, [&](Rule) { return std::vector<NamedGenerator>{{"alias", aliasing}}; });
  ASSERT_EQ(r.rules.size(), 1u);
  EXPECT_EQ(r.rules[0].verdict, Necessity::NotSafetyRelated) << r.rules[0].summary();
  EXPECT_EQ(r.rules[0].accepted_weakened, 5u);
}

}  // namespace
}  // namespace ownmodel::campaigns

namespace ownmodel::campaigns {
namespace {

TEST(Enumerate, TheTinySpaceHasNoFalseNegativeAndShardsAddUp) {
  EnumerateOptions o;
  o.space = *enumerate::parse_space("tiny").params;
  o.jobs = 2;
  const EnumerateResult whole = enumerate_space(o);
  EXPECT_EQ(whole.cardinality, "8344");
  EXPECT_EQ(whole.programs, 8344u);
  EXPECT_EQ(whole.table.total(), 8344u);
  EXPECT_EQ(whole.table.accepted_faulting, 0u);
  EXPECT_EQ(whole.failure_count, 0u);
  EXPECT_GT(whole.table.rejected_faulting, 0u);
  EXPECT_GT(whole.table.rejected_safe, 0u);
  // Three shards run alone cover the space exactly once.
  FourWayTable sum;
  std::uint64_t programs = 0;
  for (std::uint64_t k = 0; k < 3; ++k) {
    EnumerateOptions shard = o;
    shard.jobs = 1;
    shard.shard = {k, 3};
    const EnumerateResult r = enumerate_space(shard);
    programs += r.programs;
    sum.merge(r.table);
  }
  EXPECT_EQ(programs, 8344u);
  EXPECT_EQ(sum.to_json(), whole.table.to_json());
}

TEST(Enumerate, AWeakenedRuleSetShowsFalseNegativesWithTheirIndex) {
  EnumerateOptions o;
  o.space = *enumerate::parse_space("tiny").params;
  o.rules = without("S1");
  const EnumerateResult r = enumerate_space(o);
  EXPECT_GT(r.table.accepted_faulting, 0u);
  ASSERT_FALSE(r.failures.empty());
  EXPECT_EQ(r.failures.front().category, "false-negative F-Uninit");
  // The reported index replays to the reported program.
  EnumerateOptions replay = o;
  replay.only_index = enumerate::BigInt(r.failures.front().index);
  const EnumerateResult one = enumerate_space(replay);
  EXPECT_EQ(one.programs, 1u);
  ASSERT_EQ(one.failures.size(), 1u);
  EXPECT_EQ(one.failures[0].program, r.failures.front().program);
}

}  // namespace
}  // namespace ownmodel::campaigns
