// Whole-machine properties: bounds (deep recursion ends in a depth-limit
// result, never a host crash), determinism, the pure step function, entry
// inputs, and change recording for traces.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "fixtures.h"

namespace ownmodel::testing {
namespace {

using run::StopKind;

/// `def down(n: Int): if n > 0: down(n - 1)` with a String local per frame,
/// so every level has lifecycle work; main calls down(depth).
ir::Module recursion(std::int64_t depth) {
  ModuleBuilder mb;
  const auto down = mb.reserve("down");
  FnBuilder g("down");
  const auto n = g.param("n", mb.Int(), ast::Convention::Default);
  const auto s = g.local("s", mb.Str());
  const auto c = g.temp(mb.Bool());
  const auto k = g.temp(mb.Int());
  const auto rec = g.block("rec");
  const auto done = g.block("done");
  g.add(cnst(P(s), CS("frame")));
  g.add(op(P(c), ir::OpKind::Gt, {O(P(n)), CI(0)}));
  g.term(ir::Branch{O(P(c)), rec, done});
  g.at(rec).add(op(P(k), ir::OpKind::Sub, {O(P(n)), CI(1)})).add(call(down, {val(O(P(k)))}));
  g.add(destroy(P(s))).term(ir::Return{});
  g.at(done).add(destroy(P(s))).term(ir::Return{});
  mb.m.functions[down] = std::move(g.f);
  FnBuilder fb("main");
  fb.add(call(down, {val(CI(depth))}));
  fb.add(print({CS("bottom reached")}));
  mb.m.entry = mb.add_function(std::move(fb.f));
  return std::move(mb.m);
}

TEST(Bounds, HundredThousandNestedCallsEndInADepthLimit) {
  const auto m = recursion(100'000);
  const auto o = run_module(m, true);
  EXPECT_EQ(o.stop.kind, StopKind::DepthLimit) << o.stop.message;
  EXPECT_NE(o.stop.message.find("depth limit of 10000 frames"), std::string::npos);
}

TEST(Bounds, HundredThousandNestedCallsFinishWithARaisedBound) {
  const auto m = recursion(100'000);
  run::Limits limits;
  limits.max_frames = 200'000;
  const auto o = run_module(m, true, nullptr, limits);
  ASSERT_EQ(o.stop.kind, StopKind::Finished) << o.stop.message;
  EXPECT_EQ(o.output, "bottom reached\n");
}

TEST(Bounds, StepLimitOnDeepRecursion) {
  const auto m = recursion(100'000);
  run::Limits limits;
  limits.max_frames = 200'000;
  limits.max_steps = 5000;
  EXPECT_EQ(run_module(m, true, nullptr, limits).stop.kind, StopKind::StepLimit);
}

TEST(Step, PureStepReturnsTheRuleAndTheNextState) {
  const auto m = recursion(1);
  run::Program p;
  p.module = &m;
  run::State s = run::initial_state(p);
  ASSERT_FALSE(s.stop);
  std::vector<Rule> rules;
  while (true) {
    auto r = run::step(p, s);
    if (auto* stop = std::get_if<run::Stop>(&r)) FAIL() << stop->message;
    auto& t = std::get<run::Transition>(r);
    rules.push_back(t.rule);
    s = std::move(t.next);
    if (s.stop) break;
  }
  EXPECT_EQ(s.stop->kind, StopKind::Finished);
  EXPECT_EQ(rules.front(), Rule::E_Call);
  EXPECT_EQ(rules.back(), Rule::E_Exit);
  EXPECT_NE(std::find(rules.begin(), rules.end(), Rule::E_Return), rules.end());
  EXPECT_NE(std::find(rules.begin(), rules.end(), Rule::E_Branch), rules.end());
}

TEST(Step, PureStepReportsAFaultAsAValue) {
  ModuleBuilder mb;
  FnBuilder fb("main");
  const auto s = fb.local("s", mb.Str());
  fb.add(print({O(P(s))}));
  mb.m.entry = mb.add_function(std::move(fb.f));
  run::Program p;
  p.module = &mb.m;
  const run::State s0 = run::initial_state(p);
  auto r = run::step(p, s0);
  ASSERT_TRUE(std::holds_alternative<run::Stop>(r));
  const auto& stop = std::get<run::Stop>(r);
  ASSERT_TRUE(stop.fault);
  EXPECT_EQ(stop.fault->kind, Rule::F_Uninit);
  EXPECT_EQ(stop.fault->rule, Rule::E_Print);
  EXPECT_EQ(stop.fault->step, 1u);
  EXPECT_EQ(stop.fault->span.line, 1u);
  EXPECT_EQ(s0.steps, 0u);  // the input state is untouched
}

TEST(Inputs, EntryParametersFromTheOracle) {
  ModuleBuilder mb;
  FnBuilder fb("main");
  const auto n = fb.param("n", mb.Int(), ast::Convention::Default);
  const auto v = fb.param("verbose", mb.Bool(), ast::Convention::Default, ir::Holding::ImmRef);
  fb.add(print({O(P(n)), O(deref(P(v)))}));
  mb.m.entry = mb.add_function(std::move(fb.f));
  run::MapOracle oracle;
  ASSERT_FALSE(run::parse_argument("n=-4", oracle));
  ASSERT_FALSE(run::parse_argument("verbose=True", oracle));
  const auto o = run_module(mb.m, true, &oracle);
  ASSERT_EQ(o.stop.kind, StopKind::Finished) << o.stop.message;
  EXPECT_EQ(o.output, "-4 True\n");

  run::MapOracle missing;
  ASSERT_FALSE(run::parse_argument("n=1", missing));
  const auto bad = run_module(mb.m, true, &missing);
  EXPECT_EQ(bad.stop.kind, StopKind::BadInput);
  EXPECT_NE(bad.stop.message.find("verbose"), std::string::npos);

  run::MapOracle wrong;
  EXPECT_TRUE(run::parse_argument("n=abc", wrong));
  EXPECT_TRUE(run::parse_argument("=1", wrong));
}

TEST(Trace, RecordsTheCellsAStepChanged) {
  ModuleBuilder mb;
  const Balloon b = add_balloon(mb);
  FnBuilder fb("main");
  const auto a = fb.local("a", b.type);
  const auto t = fb.temp(mb.Str());
  make_balloon(fb, b, a, t, "red");
  fb.add(destroy(P(a)));
  mb.m.entry = mb.add_function(std::move(fb.f));
  run::Program p;
  p.module = &mb.m;
  run::State s = run::initial_state(p);
  s.record_changes = true;
  std::vector<std::string> lines;
  while (!s.stop) {
    const std::string what = run::describe_next(p, s);
    const auto r = run::step_in_place(p, s);
    std::string line = std::string(spec_name(r.rule)) + " " + what + " |";
    for (auto root : s.changed)
      line += " " + run::loc_name(mb.m, s, run::Loc{root, {}}) + "=" + run::render_tree(mb.m, s, s.roots[root].tree);
    lines.push_back(line);
  }
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(lines[0].rfind("E-Assign", 0), 0u) << lines[0];
  EXPECT_NE(lines[0].find("main.$t1=\"red\""), std::string::npos) << lines[0];
  EXPECT_EQ(lines[1].rfind("E-Call", 0), 0u) << lines[1];
  EXPECT_NE(lines[1].find("main.a=Balloon{color: uninit}"), std::string::npos) << lines[1];
}

/// Determinism over random straight-line programs of Int/String work.
ir::Module random_program(const std::vector<int>& ops) {
  ModuleBuilder mb;
  FnBuilder fb("main");
  const auto x = fb.local("x", mb.Int());
  const auto s = fb.local("s", mb.Str());
  const auto lt = mb.list_of(mb.Int());
  const auto xs = fb.local("xs", lt);
  fb.add(cnst(P(x), CI(1))).add(cnst(P(s), CS("a"))).add(ir::ListNew{P(xs), mb.Int(), {}});
  for (int k : ops) {
    switch (((k % 5) + 5) % 5) {
      case 0: fb.add(op(P(x), ir::OpKind::Mul, {O(P(x)), CI(k)})); break;
      case 1: fb.add(op(P(s), ir::OpKind::Concat, {O(P(s)), CS("b")})); break;
      case 2: fb.add(print({O(P(x)), O(P(s))})); break;
      case 3: {
        const auto t = fb.temp(mb.Int());
        fb.add(cnst(P(t), CI(k))).add(ir::ListAppend{P(xs), P(t)});
        break;
      }
      default: fb.add(print({O(P(xs))})); break;
    }
  }
  fb.add(destroy(P(s))).add(destroy(P(xs)));
  mb.m.entry = mb.add_function(std::move(fb.f));
  return std::move(mb.m);
}

RC_GTEST_PROP(Determinism, TwoRunsGiveTheSameTrace, (const std::vector<int>& ops)) {
  const auto m = random_program(ops);
  const auto a = run_module(m, true);
  const auto b = run_module(m, true);
  RC_ASSERT(a.stop.kind == StopKind::Finished);
  RC_ASSERT(a.output == b.output);
  RC_ASSERT(a.steps == b.steps);
  RC_ASSERT(event_strings(a) == event_strings(b));
}

}  // namespace
}  // namespace ownmodel::testing
