// Elaboration (docs/semantics.md §5) on hand-built Core IR: the exact
// destroy points, in block order, for the worked examples D.1, D.3–D.6 and
// for branches, loops, references, fields, reassignment and error edges.
// `trace` shows each block as "label: L<line>… destroy <place> [Dn] | <terminator>".

#include <gtest/gtest.h>

#include "flow_builder.h"

namespace ownmodel::flowtest {
namespace {

std::string elaborated(ModuleBuilder& mb, FunctionId f, const RuleSet& rules = RuleSet()) {
  flow::elaborate(mb.m, rules);
  return trace(mb.m, mb.m.functions[f]);
}

/* --- D.1 (Balloon) --------------------------------------------------------------- */

// @fieldwise_init
// struct Balloon:
//     var color: String
//     def __deinit__(deinit self):                                # 5
//         print("Destroyed a", self.color, "balloon")             # 6
// def main():
//     var a = Balloon("red")                                      # 9
//     var b = Balloon("blue")                                     # 10
//     print("a", a.color, "balloon")                              # 11
//     a = Balloon("green")                                        # 12
//     print("a", b.color, "balloon")                              # 13
struct BalloonModule {
  ModuleBuilder mb;
  TypeId Balloon;
  FunctionId init, deinit, main;

  BalloonModule() {
    Balloon = mb.structure("Balloon", {{"color", mb.Str}});
    {
      FunctionBuilder fb("Balloon.__init__", FunctionKind::Init);
      const SlotId self = fb.param("self", Balloon, Convention::Out, 1);
      const SlotId color = fb.param("color", mb.Str, Convention::Var, 1);
      fb.f.synthesized = true;
      const BlockId b = fb.block("entry");
      fb.add(b, Move{P(self, {0}), P(color)}, 1);
      fb.ret(b, 1);
      init = mb.add(std::move(fb));
    }
    {
      FunctionBuilder fb("Balloon.__deinit__", FunctionKind::Deinit);
      const SlotId self = fb.param("self", Balloon, Convention::Deinit, 5);
      const SlotId u1 = fb.temp("$u1", mb.Str, 6), u2 = fb.temp("$u2", mb.Str, 6);
      const BlockId b = fb.block("entry");
      fb.add(b, AssignConst{P(u1, {}, 6), K("Destroyed a")}, 6);
      fb.add(b, AssignConst{P(u2, {}, 6), K("balloon")}, 6);
      fb.add(b, print_node({O(P(u1, {}, 6)), O(P(self, {0}, 6)), O(P(u2, {}, 6))}), 6);
      fb.ret(b, 5);
      deinit = mb.add(std::move(fb));
    }
    mb.m.types[Balloon].deinit = deinit;
    FunctionBuilder fb("main");
    const SlotId a = fb.local("a", Balloon, 9), b = fb.local("b", Balloon, 10);
    std::vector<SlotId> t;
    const std::uint32_t lines[] = {9, 10, 11, 11, 12, 13, 13};
    for (int i = 0; i < 7; ++i) t.push_back(fb.temp(fmt::format("$t{}", i + 1), mb.Str, lines[i]));
    const BlockId e = fb.block("entry");
    auto construct = [&](SlotId dst, SlotId tmp, const char* color, std::uint32_t line) {
      fb.add(e, AssignConst{P(tmp, {}, line), K(color)}, line);
      fb.add(e, Call{init, {A(ArgMode::Own, P(tmp, {}, line), line), A(ArgMode::Out, P(dst, {}, line), line)}},
             line);
    };
    auto print_color = [&](SlotId of, SlotId t1, SlotId t2, std::uint32_t line) {
      fb.add(e, AssignConst{P(t1, {}, line), K("a")}, line);
      fb.add(e, AssignConst{P(t2, {}, line), K("balloon")}, line);
      fb.add(e, print_node({O(P(t1, {}, line)), O(P(of, {0}, line)), O(P(t2, {}, line))}), line);
    };
    construct(a, t[0], "red", 9);
    construct(b, t[1], "blue", 10);
    print_color(a, t[2], t[3], 11);
    construct(a, t[4], "green", 12);
    print_color(b, t[5], t[6], 13);
    fb.ret(e, 8);
    main = mb.add(std::move(fb));
  }
};

TEST(FlowElaborate, WorkedExampleD1Balloon) {
  BalloonModule bm;
  EXPECT_EQ(describe(check(bm.mb.m)),
            "W1@12 assignment to 'a' was never used; assign to '_' instead?\n");
  flow::elaborate(bm.mb.m, RuleSet());
  EXPECT_EQ(trace(bm.mb.m, bm.mb.m.functions[bm.main]),
            "*entry: L9 L9 L10 L10 L11 L11 L11 destroy a [D1] destroy $t3 [D1] destroy $t4 [D1] "
            "L12 L12 destroy a [D1] L13 L13 L13 destroy b [D1] destroy $t6 [D1] destroy $t7 [D1] "
            "| return\n");
  EXPECT_EQ(trace(bm.mb.m, bm.mb.m.functions[bm.deinit]),
            "*entry: L6 L6 L6 destroy $u1 [D1] destroy $u2 [D1] destroy self.color [D5] | return\n");
  EXPECT_EQ(trace(bm.mb.m, bm.mb.m.functions[bm.init]), "*entry: L1:move(color) | return\n");
}

// With deinit_fields = Asap the field dies at its own last use in the body.
TEST(FlowElaborate, DeinitFieldsAsap) {
  BalloonModule bm;
  RuleSet rules;
  rules.deinit_fields = DeinitFields::Asap;
  flow::elaborate(bm.mb.m, rules);
  EXPECT_EQ(trace(bm.mb.m, bm.mb.m.functions[bm.deinit]),
            "*entry: L6 L6 L6 destroy self.color [D5] destroy $u1 [D1] destroy $u2 [D1] | return\n");
}

/* --- D.3 (default destructor runs for an unused value) -------------------------------- */

TEST(FlowElaborate, WorkedExampleD3UnusedValue) {
  ModuleBuilder mb;
  const TypeId Contact = mb.structure("Contact", {{"name", mb.Str}, {"email", mb.Str}});
  const FunctionId init = mb.stub("Contact.__init__", {{mb.Str, Convention::Var}, {mb.Str, Convention::Var}});
  FunctionBuilder fb("main");
  const SlotId me = fb.local("me", Contact, 2);
  const SlotId t1 = fb.temp("$t1", mb.Str, 2), t2 = fb.temp("$t2", mb.Str, 2);
  const BlockId b = fb.block("entry");
  fb.add(b, AssignConst{P(t1, {}, 2), K("Alice")}, 2);
  fb.add(b, AssignConst{P(t2, {}, 2), K("alice@example.com")}, 2);
  fb.add(b, Call{init, {A(ArgMode::Own, P(t1), 2), A(ArgMode::Own, P(t2), 2), A(ArgMode::Out, P(me, {}, 2), 2)}}, 2);
  fb.ret(b, 1);
  const FunctionId main = mb.add(std::move(fb));
  EXPECT_EQ(elaborated(mb, main), "*entry: L2 L2 L2 destroy me [D1] | return\n");
}

/* --- D.4 (field lifetimes) -------------------------------------------------------------- */

// def main():
//     var balloons = Balloons("red", 5)   # 7
//     print(balloons.color)               # 8
//     balloons.color = "blue"             # 9
//     print(balloons.color)               # 10
TEST(FlowElaborate, WorkedExampleD4FieldLifetimes) {
  ModuleBuilder mb;
  const TypeId Balloons = mb.structure("Balloons", {{"color", mb.Str}, {"count", mb.Int}});
  const FunctionId init = mb.stub("Balloons.__init__", {{mb.Str, Convention::Var}, {mb.Int, Convention::Default}});
  FunctionBuilder fb("main");
  const SlotId bl = fb.local("balloons", Balloons, 7);
  const SlotId t1 = fb.temp("$t1", mb.Str, 7), t2 = fb.temp("$t2", mb.Int, 7);
  const BlockId b = fb.block("entry");
  fb.add(b, AssignConst{P(t1, {}, 7), K("red")}, 7);
  fb.add(b, AssignConst{P(t2, {}, 7), K(5)}, 7);
  fb.add(b, Call{init, {A(ArgMode::Own, P(t1), 7), A(ArgMode::Val, P(t2), 7), A(ArgMode::Out, P(bl, {}, 7), 7)}}, 7);
  fb.add(b, print_node({O(P(bl, {0}, 8))}), 8);
  fb.add(b, AssignConst{P(bl, {0}, 9), K("blue")}, 9);
  fb.add(b, print_node({O(P(bl, {0}, 10))}), 10);
  fb.ret(b, 6);
  const FunctionId main = mb.add(std::move(fb));
  EXPECT_EQ(describe(check(mb.m)), "");
  EXPECT_EQ(elaborated(mb, main),
            "*entry: L7 L7 L7 L8 destroy balloons.color [D5] L9 L10 destroy balloons [D1] | return\n");
}

/* --- D.5 (partial move and re-initialization) -------------------------------------------- */

TEST(FlowElaborate, WorkedExampleD5PartialMove) {
  ModuleBuilder mb;
  const TypeId Balloons = mb.structure("Balloons", {{"color", mb.Str}, {"count", mb.Int}});
  const FunctionId init = mb.stub("Balloons.__init__", {{mb.Str, Convention::Var}, {mb.Int, Convention::Default}});
  FunctionId consume, use;
  {  // def consume(var arg: String): pass
    FunctionBuilder fb("consume");
    fb.param("arg", mb.Str, Convention::Var, 12);
    fb.ret(fb.block("entry"), 12);
    consume = mb.add(std::move(fb));
  }
  {  // def use(arg: Balloons): print(arg.count, arg.color, "balloons.")
    FunctionBuilder fb("use");
    const SlotId arg = fb.param("arg", Balloons, Convention::Default, 14);
    const SlotId u1 = fb.temp("$u1", mb.Str, 15);
    const BlockId b = fb.block("entry");
    fb.add(b, AssignConst{P(u1, {}, 15), K("balloons.")}, 15);
    fb.add(b, print_node({O(D(arg, {1}, 15)), O(D(arg, {0}, 15)), O(P(u1, {}, 15))}), 15);
    fb.ret(b, 14);
    use = mb.add(std::move(fb));
  }
  FunctionBuilder fb("consume_and_use");
  const SlotId bl = fb.local("balloons", Balloons, 2);
  const SlotId t1 = fb.temp("$t1", mb.Str, 2), t2 = fb.temp("$t2", mb.Int, 2);
  const BlockId b = fb.block("entry");
  fb.add(b, AssignConst{P(t1, {}, 2), K("blue")}, 2);
  fb.add(b, AssignConst{P(t2, {}, 2), K(8)}, 2);
  fb.add(b, Call{init, {A(ArgMode::Own, P(t1), 2), A(ArgMode::Val, P(t2), 2), A(ArgMode::Out, P(bl, {}, 2), 2)}}, 2);
  fb.add(b, Call{consume, {A(ArgMode::Own, P(bl, {0}, 3), 3)}}, 3);
  fb.add(b, AssignConst{P(bl, {0}, 4), K("orange")}, 4);
  fb.add(b, Call{use, {A(ArgMode::Ref, P(bl, {}, 5), 5)}}, 5);
  fb.ret(b, 1);
  const FunctionId main = mb.add(std::move(fb));
  EXPECT_EQ(describe(check(mb.m)), "");
  flow::elaborate(mb.m, RuleSet());
  EXPECT_EQ(trace(mb.m, mb.m.functions[main]), "*entry: L2 L2 L2 L3 L4 L5 destroy balloons [D1] | return\n");
  EXPECT_EQ(trace(mb.m, mb.m.functions[consume]), "*entry: destroy arg [D1] | return\n");
  EXPECT_EQ(trace(mb.m, mb.m.functions[use]), "*entry: L15 L15 destroy $u1 [D1] | return\n");
}

/* --- D.6 (explicit lifetime extension with `_ = t`) ---------------------------------------- */

// s = "abc" (2); print(s) (3); t = "xyz" (4); print(t) (5); _ = t (6)
TEST(FlowElaborate, WorkedExampleD6Discard) {
  ModuleBuilder mb;
  FunctionBuilder fb("main");
  const SlotId s = fb.local("s", mb.Str, 2), t = fb.local("t", mb.Str, 4);
  const SlotId d = fb.ref("$d", mb.Str, {P(t)}, false, 6, Holding::ImmRef, SlotKind::Temp);
  const BlockId b = fb.block("entry");
  fb.add(b, AssignConst{P(s, {}, 2), K("abc")}, 2);
  fb.add(b, print_node({O(P(s, {}, 3))}), 3);
  fb.add(b, AssignConst{P(t, {}, 4), K("xyz")}, 4);
  fb.add(b, print_node({O(P(t, {}, 5))}), 5);
  fb.add(b, Borrow{P(d, {}, 6), P(t, {}, 6), BorrowKind::Imm}, 6);
  fb.ret(b, 1);
  const FunctionId main = mb.add(std::move(fb));
  EXPECT_EQ(describe(check(mb.m)), "");
  EXPECT_EQ(elaborated(mb, main), "*entry: L2 L3 destroy s [D1] L4 L5 L6 destroy t [D1] | return\n");
}

/* --- D2: branches, critical edges, loops ---------------------------------------------------- */

// var x = "s" (2); if c (3): print(x) (4) [else: pass]
FunctionBuilder branch_use(ModuleBuilder& mb, bool with_else) {
  FunctionBuilder fb("main");
  const SlotId c = fb.param("c", mb.Bool, Convention::Default, 1, true);
  const SlotId x = fb.local("x", mb.Str, 2);
  const BlockId entry = fb.block("entry"), then = fb.block("then");
  const BlockId els = with_else ? fb.block("else") : none;
  const BlockId join = fb.block("join");
  fb.add(entry, AssignConst{P(x, {}, 2), K("s")}, 2);
  fb.branch(entry, P(c, {}, 3), then, with_else ? els : join, 3);
  fb.add(then, print_node({O(P(x, {}, 4))}), 4);
  fb.go(then, join);
  if (with_else) fb.go(els, join);
  fb.ret(join, 1);
  return fb;
}

TEST(FlowElaborate, BranchNotUsingValueDestroysItAtItsStart) {
  ModuleBuilder mb;
  const FunctionId main = mb.add(branch_use(mb, true));
  EXPECT_EQ(elaborated(mb, main),
            "*entry: L2 | branch then else\n"
            "then: L4 destroy x [D1] | goto join\n"
            "else: destroy x [D2] | goto join\n"
            "join: | return\n");
}

TEST(FlowElaborate, CriticalEdgeIsSplit) {
  ModuleBuilder mb;
  const FunctionId main = mb.add(branch_use(mb, false));
  EXPECT_EQ(elaborated(mb, main),
            "*entry: L2 | branch then edge\n"
            "then: L4 destroy x [D1] | goto join\n"
            "join: | return\n"
            "edge: destroy x [D2] | goto join\n");
}

// var x = "s" (2); while c (3): var y = "t" (4); print(x, y) (5)
TEST(FlowElaborate, LoopValueDiesOnExitEdgeBodyValueInIteration) {
  ModuleBuilder mb;
  FunctionBuilder fb("main");
  const SlotId c = fb.param("c", mb.Bool, Convention::Default, 1, true);
  const SlotId x = fb.local("x", mb.Str, 2), y = fb.local("y", mb.Str, 4);
  const BlockId entry = fb.block("entry"), head = fb.block("head"), body = fb.block("body"),
                exit = fb.block("exit");
  fb.add(entry, AssignConst{P(x, {}, 2), K("s")}, 2);
  fb.go(entry, head);
  fb.branch(head, P(c, {}, 3), body, exit, 3);
  fb.add(body, AssignConst{P(y, {}, 4), K("t")}, 4);
  fb.add(body, print_node({O(P(x, {}, 5)), O(P(y, {}, 5))}), 5);
  fb.go(body, head);
  fb.ret(exit, 1);
  const FunctionId main = mb.add(std::move(fb));
  EXPECT_EQ(describe(check(mb.m)), "");
  EXPECT_EQ(elaborated(mb, main),
            "*entry: L2 | goto head\n"
            "head: | branch body exit\n"
            "body: L4 L5 destroy y [D1] | goto head\n"
            "exit: destroy x [D2] | return\n");
}

// Elaboration is total: `take(x^)` in a loop body is rejected (S1), and the
// maybe-initialized x still gets its destroy on the exit edge.
TEST(FlowElaborate, RejectedProgramIsStillElaborated) {
  ModuleBuilder mb;
  const FunctionId take = mb.stub("take_text", {{mb.Str, Convention::Var}});
  FunctionBuilder fb("main");
  const SlotId c = fb.param("c", mb.Bool, Convention::Default, 1, true);
  const SlotId x = fb.local("x", mb.Str, 2);
  const BlockId entry = fb.block("entry"), head = fb.block("head"), body = fb.block("body"),
                exit = fb.block("exit");
  fb.add(entry, AssignConst{P(x, {}, 2), K("s")}, 2);
  fb.go(entry, head);
  fb.branch(head, P(c, {}, 3), body, exit, 3);
  fb.add(body, Call{take, {A(ArgMode::Own, P(x, {}, 4), 4)}}, 4);
  fb.go(body, head);
  fb.ret(exit, 1);
  const FunctionId main = mb.add(std::move(fb));
  EXPECT_EQ(describe(check(mb.m)), "S1@4 use of uninitialized value 'x' [note@4 value transferred here]\n");
  EXPECT_EQ(elaborated(mb, main),
            "*entry: L2 | goto head\n"
            "head: | branch body exit\n"
            "body: L4 | goto head\n"
            "exit: destroy x [D2] | return\n");
}

/* --- D8 references, D7 copies --------------------------------------------------------------- */

// var s = "abc" (2); ref r = s (3); print(r) (4); var t = "x" (5); print(t) (6)
TEST(FlowElaborate, ReferenceUseExtendsReferent) {
  ModuleBuilder mb;
  FunctionBuilder fb("main");
  const SlotId s = fb.local("s", mb.Str, 2), t = fb.local("t", mb.Str, 5);
  const SlotId r = fb.ref("r", mb.Str, {P(s)}, false, 3);
  const BlockId b = fb.block("entry");
  fb.add(b, AssignConst{P(s, {}, 2), K("abc")}, 2);
  fb.add(b, Borrow{P(r, {}, 3), P(s, {}, 3), BorrowKind::Imm}, 3);
  fb.add(b, print_node({O(D(r, {}, 4))}), 4);
  fb.add(b, AssignConst{P(t, {}, 5), K("x")}, 5);
  fb.add(b, print_node({O(P(t, {}, 6))}), 6);
  fb.ret(b, 1);
  const FunctionId main = mb.add(std::move(fb));
  EXPECT_EQ(elaborated(mb, main), "*entry: L2 L3 L4 destroy s [D1] L5 L6 destroy t [D1] | return\n");
}

// var a = "x" (2); var b = a (3); print(b) (4) [; print(a) (5)]
FunctionBuilder copy_prog(ModuleBuilder& mb, bool use_after, CopyOrigin origin = CopyOrigin::Implicit) {
  FunctionBuilder fb("main");
  const SlotId a = fb.local("a", mb.Str, 2), b = fb.local("b", mb.Str, 3);
  const BlockId e = fb.block("entry");
  fb.add(e, AssignConst{P(a, {}, 2), K("x")}, 2);
  fb.add(e, Copy{P(b, {}, 3), P(a, {}, 3), origin}, 3);
  fb.add(e, print_node({O(P(b, {}, 4))}), 4);
  if (use_after) fb.add(e, print_node({O(P(a, {}, 5))}), 5);
  fb.ret(e, 1);
  return fb;
}

TEST(FlowElaborate, ImplicitCopyAtLastUseBecomesMove) {
  ModuleBuilder mb;
  const FunctionId main = mb.add(copy_prog(mb, false));
  EXPECT_EQ(elaborated(mb, main), "*entry: L2 L3:move(a) L4 destroy b [D1] | return\n");
}

TEST(FlowElaborate, CopyOfValueUsedLaterStaysACopy) {
  ModuleBuilder mb;
  const FunctionId main = mb.add(copy_prog(mb, true));
  EXPECT_EQ(elaborated(mb, main),
            "*entry: L2 L3:copy(a) L4 destroy b [D1] L5 destroy a [D1] | return\n");
}

TEST(FlowElaborate, ExplicitCopyStaysACopy) {
  ModuleBuilder mb;
  const FunctionId main = mb.add(copy_prog(mb, false, CopyOrigin::Explicit));
  EXPECT_EQ(elaborated(mb, main),
            "*entry: L2 L3:copy(a) destroy a [D1] L4 destroy b [D1] | return\n");
}

/* --- D3 / D5: mut parameters, Fieldwise values -------------------------------------------- */

// def reset(mut s: String): s = "new"      — the caller's old value dies at entry.
TEST(FlowElaborate, OverwrittenMutArgumentDiesAtEntry) {
  ModuleBuilder mb;
  FunctionBuilder fb("reset");
  const SlotId s = fb.param("s", mb.Str, Convention::Mut, 1);
  const BlockId b = fb.block("entry");
  fb.add(b, AssignConst{D(s, {}, 2), K("new")}, 2);
  fb.ret(b, 1);
  const FunctionId f = mb.add(std::move(fb));
  EXPECT_EQ(describe(check(mb.m)), "");
  EXPECT_EQ(elaborated(mb, f), "*entry: destroy (*s) [D1] L2 | return\n");
}

// var me: Named2; me.name = "x" (3); print(me.name) (4)   — never logically built.
TEST(FlowElaborate, FieldwiseValueDiesFieldByField) {
  ModuleBuilder mb;
  const TypeId Named2 = mb.structure("Named2", {{"name", mb.Str}, {"age", mb.Int}});
  FunctionBuilder fb("main");
  const SlotId me = fb.local("me", Named2, 2);
  const BlockId b = fb.block("entry");
  fb.add(b, AssignConst{P(me, {0}, 3), K("x")}, 3);
  fb.add(b, print_node({O(P(me, {0}, 4))}), 4);
  fb.ret(b, 1);
  const FunctionId main = mb.add(std::move(fb));
  EXPECT_EQ(describe(check(mb.m)), "");
  EXPECT_EQ(elaborated(mb, main), "*entry: L3 L4 destroy me.name [D5] | return\n");
}

/* --- D2 on error edges ------------------------------------------------------------------------- */

// var x = "s" (2); try: may_fail() (3); print(x) (4) [; may_fail() (5)] except: pass
FunctionBuilder try_prog(ModuleBuilder& mb, FunctionId may_fail, bool two_calls) {
  FunctionBuilder fb("main");
  const SlotId x = fb.local("x", mb.Str, 2);
  fb.error(mb.Err);
  const BlockId entry = fb.block("entry"), mid = fb.block("mid"), handler = fb.block("handler"),
                end = fb.block("end");
  fb.add(entry, AssignConst{P(x, {}, 2), K("s")}, 2);
  fb.add(entry, Call{may_fail, {}, handler}, 3);
  fb.go(entry, mid);
  fb.add(mid, print_node({O(P(x, {}, 4))}), 4);
  if (two_calls) fb.add(mid, Call{may_fail, {}, handler}, 5);
  fb.go(mid, end);
  fb.go(handler, end);
  fb.ret(end, 1);
  return fb;
}

TEST(FlowElaborate, UnwindEdgeDestroysWhatTheHandlerDoesNotUse) {
  ModuleBuilder mb;
  const FunctionId may_fail = mb.stub("may_fail", {}, true);
  const FunctionId main = mb.add(try_prog(mb, may_fail, false));
  EXPECT_EQ(elaborated(mb, main),
            "*entry: L2 L3:unwind(handler) | goto mid\n"
            "mid: L4 destroy x [D1] | goto end\n"
            "handler: destroy x [D2] destroy $err [D2] | goto end\n"
            "end: | return\n");
}

TEST(FlowElaborate, SharedHandlerGetsOneLandingBlockPerCall) {
  ModuleBuilder mb;
  const FunctionId may_fail = mb.stub("may_fail", {}, true);
  const FunctionId main = mb.add(try_prog(mb, may_fail, true));
  EXPECT_EQ(elaborated(mb, main),
            "*entry: L2 L3:unwind(landing) | goto mid\n"
            "mid: L4 destroy x [D1] L5:unwind(landing) | goto end\n"
            "handler: | goto end\n"
            "end: | return\n"
            "landing: destroy x [D2] destroy $err [D2] | goto handler\n"
            "landing: destroy $err [D2] | goto handler\n");
}

// def __init__(out self, name: String) raises:
//     self.name = name (3); may_fail() (4); self.tag = "t" (5)
TEST(FlowElaborate, ErrorExitOfInitDestroysTheFieldsSetSoFar) {
  ModuleBuilder mb;
  const TypeId Named2 = mb.structure("Named2", {{"name", mb.Str}, {"tag", mb.Str}});
  const FunctionId may_fail = mb.stub("may_fail", {}, true);
  FunctionBuilder fb("Named2.__init__", FunctionKind::Init);
  const SlotId self = fb.param("self", Named2, Convention::Out, 2);
  const SlotId name = fb.param("name", mb.Str, Convention::Default, 2);
  fb.f.raises = true;
  const SlotId err = fb.error(mb.Err);
  const BlockId entry = fb.block("entry"), rest = fb.block("rest"), fail = fb.block("fail");
  fb.add(entry, Copy{P(self, {0}, 3), D(name, {}, 3), CopyOrigin::Implicit}, 3);
  fb.add(entry, Call{may_fail, {}, fail}, 4);
  fb.go(entry, rest);
  fb.add(rest, AssignConst{P(self, {1}, 5), K("t")}, 5);
  fb.ret(rest, 2);
  fb.term(fail, Raise{P(err)}, 4);
  const FunctionId f = mb.add(std::move(fb));
  EXPECT_EQ(describe(check(mb.m)), "");
  EXPECT_EQ(elaborated(mb, f),
            "*entry: L3:copy((*name)) L4:unwind(fail) | goto rest\n"
            "rest: L5 | return\n"
            "fail: destroy self.name [D5] | raise\n");
}

// A parameter never used dies at entry; when the entry block is a loop head,
// a new entry block holds the destroy.
TEST(FlowElaborate, EntryDeathWithLoopToEntryGetsNewEntryBlock) {
  ModuleBuilder mb;
  FunctionBuilder fb("spin");
  fb.param("s", mb.Str, Convention::Var, 1);
  const SlotId c = fb.param("c", mb.Bool, Convention::Default, 1, true);
  const BlockId head = fb.block("head"), exit = fb.block("exit");
  fb.branch(head, P(c, {}, 2), head, exit, 2);
  fb.ret(exit, 1);
  const FunctionId f = mb.add(std::move(fb));
  EXPECT_EQ(elaborated(mb, f),
            "head: | branch head exit\n"
            "exit: | return\n"
            "*entry: destroy s [D1] | goto head\n");
}

}  // namespace
}  // namespace ownmodel::flowtest
