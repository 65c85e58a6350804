// Each step rule of docs/semantics.md §7.2: one test where it applies and one
// where its premise fails (a fault, or the rule not applying).
#include <gtest/gtest.h>

#include "fixtures.h"

namespace ownmodel::testing {
namespace {

using run::StopKind;

ir::FunctionId add_main(ModuleBuilder& mb, FnBuilder& fb) {
  fb.f.name = "main";
  const auto id = mb.add_function(std::move(fb.f));
  mb.m.entry = id;
  return id;
}

void expect_fault(const run::Outcome& o, Rule kind, Rule rule) {
  ASSERT_EQ(o.stop.kind, StopKind::Faulted) << o.stop.message;
  ASSERT_TRUE(o.stop.fault);
  EXPECT_EQ(o.stop.fault->kind, kind) << o.stop.message;
  EXPECT_EQ(o.stop.fault->rule, rule) << o.stop.message;
}

/* --- E-Assign ---------------------------------------------------------------- */

TEST(EAssign, ConstantsAndOperators) {
  ModuleBuilder mb;
  FnBuilder fb("main");
  const auto x = fb.local("x", mb.Int());
  const auto y = fb.local("y", mb.Int());
  const auto s = fb.local("s", mb.Str());
  const auto b = fb.local("b", mb.Bool());
  fb.add(cnst(P(x), CI(-7)));
  fb.add(op(P(y), ir::OpKind::FloorDiv, {O(P(x)), CI(2)}));
  fb.add(op(P(x), ir::OpKind::Mod, {O(P(x)), CI(3)}));
  fb.add(op(P(s), ir::OpKind::ToString, {O(P(y))}));
  fb.add(op(P(s), ir::OpKind::Concat, {O(P(s)), CS("!")}));
  fb.add(op(P(b), ir::OpKind::Lt, {O(P(y)), O(P(x))}));
  fb.add(print({O(P(y)), O(P(x)), O(P(s)), O(P(b))}));
  fb.add(destroy(P(s)));
  add_main(mb, fb);
  const auto o = run_module(mb.m);
  ASSERT_EQ(o.stop.kind, StopKind::Finished) << o.stop.message;
  EXPECT_EQ(o.output, "-4 2 -4! True\n");
}

TEST(EAssign, OverwritingAListIsALeak) {
  ModuleBuilder mb;
  const auto li = mb.list_of(mb.Int());
  FnBuilder fb("main");
  const auto xs = fb.local("xs", li);
  fb.add(ir::ListNew{P(xs), mb.Int(), {}});
  fb.add(cnst(P(xs), CI(1)));  // ill-typed on purpose: overwriting the List forgets its buffer
  add_main(mb, fb);
  const auto o = run_module(mb.m);
  expect_fault(o, Rule::F_Leak, Rule::E_Assign);
  EXPECT_EQ(o.stop.fault->span.line, 2u);
}

TEST(EAssign, UninitializedOperandFaults) {
  ModuleBuilder mb;
  FnBuilder fb("main");
  const auto x = fb.local("x", mb.Int());
  const auto y = fb.local("y", mb.Int());
  fb.add(op(P(y), ir::OpKind::Add, {O(P(x)), CI(1)}));
  add_main(mb, fb);
  expect_fault(run_module(mb.m), Rule::F_Uninit, Rule::E_Assign);
}

TEST(EAssign, DivisionByZeroAborts) {
  ModuleBuilder mb;
  FnBuilder fb("main");
  const auto x = fb.local("x", mb.Int());
  fb.add(op(P(x), ir::OpKind::FloorDiv, {CI(1), CI(0)}));
  add_main(mb, fb);
  const auto o = run_module(mb.m);
  EXPECT_EQ(o.stop.kind, StopKind::Aborted);
}

/* --- E-Copy ------------------------------------------------------------------ */

TEST(ECopy, SynthesizedCopyEmitsOneEventAndCopiesFields) {
  ModuleBuilder mb;
  const Balloon b = add_balloon(mb, false);
  FnBuilder fb("main");
  const auto a = fb.local("a", b.type);
  const auto c = fb.local("c", b.type);
  const auto t = fb.temp(mb.Str());
  make_balloon(fb, b, a, t, "red");
  fb.add(copy(P(c), P(a)));
  fb.add(print({O(field(P(c), 0))}));
  fb.add(destroy(P(a)));
  fb.add(destroy(P(c)));
  add_main(mb, fb);
  const auto o = run_module(mb.m, true);
  ASSERT_EQ(o.stop.kind, StopKind::Finished) << o.stop.message;
  EXPECT_EQ(o.output, "red\n");
  EXPECT_EQ(event_strings(o), (std::vector<std::string>{"init Balloon@main.a", "copy Balloon@main.c<-main.a",
                                                        "del Balloon@main.a", "del Balloon@main.c"}));
}

ir::Module foo_with_copy_init(bool build_with_init) {
  ModuleBuilder mb;
  const auto foo = mb.add_struct({"Foo", {{"n", mb.Int()}}});
  FnBuilder ci("Foo.__init__copy", ir::FunctionKind::CopyInit, foo);
  const auto self = ci.param("self", foo, ast::Convention::Out);
  const auto src = ci.param("copy", foo, ast::Convention::Default, ir::Holding::ImmRef);
  ci.add(print({CS("copying value")}));
  ci.add(copy(field(P(self), 0), field(deref(P(src)), 0)));
  mb.m.types[foo].copy_init = mb.add_function(std::move(ci.f));
  FnBuilder ini("Foo.__init__", ir::FunctionKind::Init, foo);
  const auto s2 = ini.param("self", foo, ast::Convention::Out);
  ini.add(cnst(field(P(s2), 0), CI(3)));
  const auto init = mb.add_function(std::move(ini.f));
  FnBuilder fb("main");
  const auto a = fb.local("a", foo);
  const auto c = fb.local("c", foo);
  // Without the initializer the fields are set but the logical bit is not (Fieldwise).
  if (build_with_init) fb.add(call(init, {out(P(a))}));
  else fb.add(cnst(field(P(a), 0), CI(3)));
  fb.add(copy(P(c), P(a)));
  fb.add(print({O(field(P(c), 0))}));
  fb.add(destroy(P(a))).add(destroy(P(c)));
  add_main(mb, fb);
  return std::move(mb.m);
}

TEST(ECopy, UserCopyInitializerRunsAsAFrame) {
  const auto m = foo_with_copy_init(true);
  const auto o = run_module(m, true);
  ASSERT_EQ(o.stop.kind, StopKind::Finished) << o.stop.message;
  EXPECT_EQ(o.output, "copying value\n3\n");
  EXPECT_EQ(event_strings(o), (std::vector<std::string>{"init Foo@main.a", "copy Foo@main.c<-main.a",
                                                        "del Foo@main.a", "del Foo@main.c"}));
}

TEST(ECopy, CopyOfAFieldwiseValueFaults) {
  const auto m = foo_with_copy_init(false);
  expect_fault(run_module(m), Rule::F_Uninit, Rule::E_Copy);
}

TEST(ECopy, ListCopyIsDeep) {
  ModuleBuilder mb;
  const auto li = mb.list_of(mb.Int());
  FnBuilder fb("main");
  const auto xs = fb.local("xs", li);
  const auto ys = fb.local("ys", li);
  const auto t = fb.temp(mb.Int());
  const auto u = fb.temp(mb.Int());
  fb.add(cnst(P(t), CI(1))).add(cnst(P(u), CI(2)));
  fb.add(ir::ListNew{P(xs), mb.Int(), {P(t), P(u)}});
  fb.add(copy(P(ys), P(xs)));
  fb.add(ir::Store{elem(P(ys), 0), ir::Const{std::int64_t{9}}});
  fb.add(print({O(P(xs)), O(P(ys))}));
  fb.add(destroy(P(xs))).add(destroy(P(ys)));
  add_main(mb, fb);
  const auto o = run_module(mb.m, true);
  ASSERT_EQ(o.stop.kind, StopKind::Finished) << o.stop.message;
  EXPECT_EQ(o.output, "[1, 2] [9, 2]\n");
}

TEST(ECopy, CopyIntoAnInitializedStructIsALeak) {
  ModuleBuilder mb;
  const Balloon b = add_balloon(mb, false);
  FnBuilder fb("main");
  const auto a = fb.local("a", b.type);
  const auto t = fb.temp(mb.Str());
  make_balloon(fb, b, a, t, "red");
  fb.add(copy(P(a), P(a)));
  add_main(mb, fb);
  expect_fault(run_module(mb.m), Rule::F_Leak, Rule::E_Copy);
}

TEST(ECopy, NonCopyableTypeIsAPremiseForAcceptedPrograms) {
  ModuleBuilder mb;
  const Balloon b = add_balloon(mb, false, /*copyable=*/false);
  FnBuilder fb("main");
  const auto a = fb.local("a", b.type);
  const auto c = fb.local("c", b.type);
  const auto t = fb.temp(mb.Str());
  make_balloon(fb, b, a, t, "red");
  fb.add(copy(P(c), P(a)));
  fb.add(destroy(P(a))).add(destroy(P(c)));
  add_main(mb, fb);
  const auto accepted = run_module(mb.m, true);
  expect_fault(accepted, Rule::E_Copy, Rule::E_Copy);
  EXPECT_TRUE(accepted.checker_unsound);
  // Unchecked: a bit-for-bit copy; strings are inline, so nothing breaks here.
  const auto unchecked = run_module(mb.m, false);
  EXPECT_EQ(unchecked.stop.kind, StopKind::Finished) << unchecked.stop.message;
}

TEST(ECopy, BitCopyOfAListDoubleFrees) {
  ModuleBuilder mb;
  const auto elem_t = mb.add_struct({"Tok", {{"s", mb.Str()}}, false});
  const auto li = mb.list_of(elem_t);
  FnBuilder fb("main");
  const auto xs = fb.local("xs", li);
  const auto ys = fb.local("ys", li);
  fb.add(ir::ListNew{P(xs), elem_t, {}});
  fb.add(copy(P(ys), P(xs)));  // List[Tok] is not Copyable: S5a disabled
  fb.add(destroy(P(xs))).add(destroy(P(ys)));
  add_main(mb, fb);
  expect_fault(run_module(mb.m), Rule::F_Double_Free, Rule::E_Destroy);
}

/* --- E-Move ------------------------------------------------------------------ */

TEST(EMove, UserMoveInitializerPrintsOnce) {
  // Appendix I.1: one `moving` for `return foo^` through an in-place var argument.
  ModuleBuilder mb;
  const auto foo = mb.add_struct({"Foo", {}, false});
  FnBuilder mi("Foo.__init__move", ir::FunctionKind::MoveInit, foo);
  mi.param("self", foo, ast::Convention::Out);
  mi.param("move", foo, ast::Convention::Deinit);
  mi.add(print({CS("moving")}));
  mb.m.types[foo].move_init = mb.add_function(std::move(mi.f));
  FnBuilder ini("Foo.__init__", ir::FunctionKind::Init, foo);
  ini.param("self", foo, ast::Convention::Out);
  const auto init = mb.add_function(std::move(ini.f));
  FnBuilder rf("return_foo");
  const auto pf = rf.param("foo", foo, ast::Convention::Var);
  const auto ret = rf.result(foo);
  rf.add(move(P(ret), P(pf)));
  const auto return_foo = mb.add_function(std::move(rf.f));
  FnBuilder fb("main");
  const auto f = fb.local("foo", foo);
  const auto res = fb.local("res", foo);
  fb.add(call(init, {out(P(f))}));
  fb.add(call(return_foo, {own(P(f)), out(P(res))}));
  fb.add(destroy(P(res)));
  add_main(mb, fb);
  const auto o = run_module(mb.m, true);
  ASSERT_EQ(o.stop.kind, StopKind::Finished) << o.stop.message;
  EXPECT_EQ(o.output, "moving\n");
  EXPECT_EQ(event_strings(o), (std::vector<std::string>{"init Foo@main.foo", "move Foo@main.res<-main.foo",
                                                        "del Foo@main.res"}));
}

TEST(EMove, UseAfterMoveFaults) {
  ModuleBuilder mb;
  const Balloon b = add_balloon(mb);
  FnBuilder fb("main");
  const auto a = fb.local("a", b.type);
  const auto c = fb.local("c", b.type);
  const auto d = fb.local("d", b.type);
  const auto t = fb.temp(mb.Str());
  make_balloon(fb, b, a, t, "red");
  fb.add(move(P(c), P(a)));
  fb.add(move(P(d), P(a)));
  add_main(mb, fb);
  const auto o = run_module(mb.m, true);
  expect_fault(o, Rule::F_Uninit, Rule::E_Move);
  EXPECT_TRUE(o.checker_unsound);
  EXPECT_EQ(o.stop.fault->span.line, 4u);
  EXPECT_NE(run::render_unsound(*o.stop.fault).find("checker unsound at rule E-Move"), std::string::npos);
}

/* --- E-Borrow ---------------------------------------------------------------- */

TEST(EBorrow, ReferenceReadsTheReferent) {
  ModuleBuilder mb;
  FnBuilder fb("main");
  const auto s = fb.local("s", mb.Str());
  const auto r = fb.ref_local("r", mb.Str(), true);
  fb.add(cnst(P(s), CS("abc")));
  fb.add(ir::Borrow{P(r), P(s), ir::BorrowKind::Mut});
  fb.add(ir::Store{deref(P(r)), ir::Const{std::string("xyz")}});
  fb.add(print({O(deref(P(r))), O(P(s))}));
  fb.add(destroy(P(s)));
  add_main(mb, fb);
  const auto o = run_module(mb.m, true);
  ASSERT_EQ(o.stop.kind, StopKind::Finished) << o.stop.message;
  EXPECT_EQ(o.output, "xyz xyz\n");
}

TEST(EBorrow, BorrowOfUninitializedFaults) {
  ModuleBuilder mb;
  FnBuilder fb("main");
  const auto s = fb.local("s", mb.Str());
  const auto r = fb.ref_local("r", mb.Str());
  fb.add(ir::Borrow{P(r), P(s), ir::BorrowKind::Imm});
  add_main(mb, fb);
  expect_fault(run_module(mb.m), Rule::F_Uninit, Rule::E_Borrow);
}

/* --- E-Destroy ---------------------------------------------------------------- */

TEST(EDestroy, BalloonAsapDocumentedOutput) {
  // docs/semantics.md §5.1 D.1, elaborated by hand.
  ModuleBuilder mb;
  const Balloon b = add_balloon(mb);
  FnBuilder fb("main");
  const auto a = fb.local("a", b.type);
  const auto bb = fb.local("b", b.type);
  const auto t1 = fb.temp(mb.Str());
  const auto t2 = fb.temp(mb.Str());
  const auto t5 = fb.temp(mb.Str());
  make_balloon(fb, b, a, t1, "red");
  make_balloon(fb, b, bb, t2, "blue");
  fb.add(print({CS("a"), O(field(P(a), 0)), CS("balloon")}));
  fb.add(destroy(P(a)));
  make_balloon(fb, b, a, t5, "green");
  fb.add(destroy(P(a)));
  fb.add(print({CS("a"), O(field(P(bb), 0)), CS("balloon")}));
  fb.add(destroy(P(bb)));
  add_main(mb, fb);
  const auto o = run_module(mb.m, true);
  ASSERT_EQ(o.stop.kind, StopKind::Finished) << o.stop.message;
  EXPECT_EQ(o.output,
            "a red balloon\nDestroyed a red balloon\nDestroyed a green balloon\na blue balloon\n"
            "Destroyed a blue balloon\n");
  EXPECT_EQ(event_strings(o),
            (std::vector<std::string>{"init Balloon@main.a", "init Balloon@main.b", "del Balloon@main.a",
                                      "init Balloon@main.a", "del Balloon@main.a", "del Balloon@main.b"}));
}

TEST(EDestroy, StructWithoutDeinitDestroysFieldsInOrder) {
  ModuleBuilder mb;
  const Balloon b = add_balloon(mb);
  const auto pair = mb.add_struct({"Pair", {{"x", b.type}, {"n", mb.Int()}, {"y", b.type}}});
  FnBuilder fb("main");
  const auto p = fb.local("p", pair);
  const auto t1 = fb.temp(mb.Str());
  const auto t2 = fb.temp(mb.Str());
  FnBuilder ini("Pair.__init__", ir::FunctionKind::Init, pair);
  const auto self = ini.param("self", pair, ast::Convention::Out);
  const auto x = ini.param("x", b.type, ast::Convention::Var);
  const auto y = ini.param("y", b.type, ast::Convention::Var);
  ini.add(move(field(P(self), 0), P(x)));
  ini.add(cnst(field(P(self), 1), CI(4)));
  ini.add(move(field(P(self), 2), P(y)));
  const auto pinit = mb.add_function(std::move(ini.f));
  const auto bx = fb.local("bx", b.type);
  const auto by = fb.local("by", b.type);
  make_balloon(fb, b, bx, t1, "first");
  make_balloon(fb, b, by, t2, "second");
  fb.add(call(pinit, {out(P(p)), own(P(bx)), own(P(by))}));
  fb.add(destroy(P(p)));
  add_main(mb, fb);
  const auto o = run_module(mb.m, true);
  ASSERT_EQ(o.stop.kind, StopKind::Finished) << o.stop.message;
  EXPECT_EQ(o.output, "Destroyed a first balloon\nDestroyed a second balloon\n");
  EXPECT_EQ(event_strings(o).at(3), "move Balloon@main.p.x<-main.bx");
  EXPECT_EQ(event_strings(o).back(), "del Balloon@main.p.y");
}

TEST(EDestroy, DoubleDestroyFaults) {
  ModuleBuilder mb;
  const Balloon b = add_balloon(mb);
  FnBuilder fb("main");
  const auto a = fb.local("a", b.type);
  const auto t = fb.temp(mb.Str());
  make_balloon(fb, b, a, t, "red");
  fb.add(destroy(P(a)));
  fb.add(destroy(P(a)));
  add_main(mb, fb);
  const auto o = run_module(mb.m);
  expect_fault(o, Rule::F_Uninit, Rule::E_Destroy);
  EXPECT_EQ(o.output, "Destroyed a red balloon\n");
}

TEST(EDestroy, LinearValueAbandoned) {
  ModuleBuilder mb;
  const auto lin = mb.add_struct({"Buffer", {{"s", mb.Str()}}, false, true, /*deinitable=*/false});
  FnBuilder ini("Buffer.__init__", ir::FunctionKind::Init, lin);
  const auto self = ini.param("self", lin, ast::Convention::Out);
  ini.add(cnst(field(P(self), 0), CS("data")));
  const auto init = mb.add_function(std::move(ini.f));
  // A named destructor consumes it properly.
  FnBuilder disc("Buffer.discard");
  disc.f.display_name = "discard";
  disc.f.self_type = lin;
  const auto ds = disc.param("self", lin, ast::Convention::Deinit);
  disc.add(destroy(field(P(ds), 0)));
  const auto discard = mb.add_function(std::move(disc.f));
  FnBuilder fb("main");
  const auto x = fb.local("buffer", lin);
  const auto y = fb.local("other", lin);
  fb.add(call(init, {out(P(x))}));
  fb.add(call(discard, {own(P(x))}));
  fb.add(call(init, {out(P(y))}));
  fb.add(destroy(P(y)));
  add_main(mb, fb);
  const auto o = run_module(mb.m);
  expect_fault(o, Rule::F_Linear_Abandoned, Rule::E_Destroy);
  EXPECT_EQ(event_strings(o), (std::vector<std::string>{"init Buffer@main.buffer", "del Buffer@main.buffer discard",
                                                        "init Buffer@main.other"}));
}

/* --- E-Store-Through-Ref -------------------------------------------------------- */

TEST(EStoreThroughRef, DestroysTheOldPointeeThenMovesIn) {
  ModuleBuilder mb;
  const Balloon b = add_balloon(mb);
  const auto bt = mb.box_of(b.type);
  FnBuilder fb("main");
  const auto p = fb.local("p", bt);
  const auto v = fb.local("v", b.type);
  const auto w = fb.temp(b.type);
  const auto t1 = fb.temp(mb.Str());
  const auto t2 = fb.temp(mb.Str());
  make_balloon(fb, b, v, t1, "old");
  fb.add(ir::BoxNew{P(p), P(v)});
  make_balloon(fb, b, w, t2, "new");
  fb.add(ir::Store{pointee(P(p)), ir::StoreMove{P(w)}});
  fb.add(print({O(field(pointee(P(p)), 0))}));
  fb.add(destroy(P(p)));
  add_main(mb, fb);
  const auto o = run_module(mb.m, true);
  ASSERT_EQ(o.stop.kind, StopKind::Finished) << o.stop.message;
  EXPECT_EQ(o.output, "Destroyed a old balloon\nnew\nDestroyed a new balloon\n");
}

TEST(EStoreThroughRef, StoreIntoRawMemoryFaultsUnsafe) {
  ModuleBuilder mb;
  const auto pt = mb.uptr_of(mb.Int());
  FnBuilder fb("main");
  const auto p = fb.local("p", pt);
  fb.add(ir::Alloc{P(p), mb.Int(), CI(1)});
  fb.add(ir::Store{pointee(P(p)), ir::Const{std::int64_t{5}}});
  add_main(mb, fb);
  const auto o = run_module(mb.m, true);
  expect_fault(o, Rule::F_Uninit, Rule::E_Store_Through_Ref);
  EXPECT_TRUE(o.stop.fault->unsafe);
  EXPECT_FALSE(o.checker_unsound);  // unsafe faults are outside the checker's promise
}

/* --- E-Call / E-Return ----------------------------------------------------------- */

TEST(ECall, ReferenceMutAndValArguments) {
  ModuleBuilder mb;
  FnBuilder g("bump");
  const auto x = g.param("x", mb.Int(), ast::Convention::Mut, ir::Holding::MutRef);
  const auto k = g.param("k", mb.Int(), ast::Convention::Default);
  const auto s = g.param("s", mb.Str(), ast::Convention::Default, ir::Holding::ImmRef);
  g.add(ir::Store{deref(P(x)), ir::OpApp{ir::OpKind::Add, {O(deref(P(x))), O(P(k))}}});
  g.add(print({O(deref(P(s))), O(deref(P(x)))}));
  const auto bump = mb.add_function(std::move(g.f));
  FnBuilder fb("main");
  const auto n = fb.local("n", mb.Int());
  const auto s1 = fb.local("s", mb.Str());
  fb.add(cnst(P(n), CI(40))).add(cnst(P(s1), CS("n is")));
  fb.add(call(bump, {mref(P(n)), val(CI(2)), ref(P(s1))}));
  fb.add(destroy(P(s1)));
  fb.add(print({O(P(n))}));
  add_main(mb, fb);
  const auto o = run_module(mb.m, true);
  ASSERT_EQ(o.stop.kind, StopKind::Finished) << o.stop.message;
  EXPECT_EQ(o.output, "n is 42\n42\n");
}

TEST(ECall, UninitializedArgumentFaults) {
  ModuleBuilder mb;
  FnBuilder g("take");
  const auto s = g.param("s", mb.Str(), ast::Convention::Var);
  g.add(destroy(P(s)));
  const auto take = mb.add_function(std::move(g.f));
  FnBuilder fb("main");
  const auto m1 = fb.local("message", mb.Str());
  fb.add(cnst(P(m1), CS("hi")));
  fb.add(call(take, {own(P(m1))}));
  fb.add(call(take, {own(P(m1))}));  // appendix A.7 with S1 disabled
  add_main(mb, fb);
  const auto o = run_module(mb.m);
  expect_fault(o, Rule::F_Uninit, Rule::E_Call);
  EXPECT_EQ(o.stop.fault->span.line, 3u);
}

TEST(ECall, OutDestinationHoldingAValueIsALeak) {
  ModuleBuilder mb;
  const Balloon b = add_balloon(mb);
  FnBuilder fb("main");
  const auto a = fb.local("a", b.type);
  const auto t = fb.temp(mb.Str());
  make_balloon(fb, b, a, t, "red");
  make_balloon(fb, b, a, t, "green");
  add_main(mb, fb);
  expect_fault(run_module(mb.m), Rule::F_Leak, Rule::E_Call);
}

TEST(EReturn, ReturnsAResult) {
  ModuleBuilder mb;
  FnBuilder g("twice");
  const auto x = g.param("x", mb.Int(), ast::Convention::Default);
  const auto r = g.result(mb.Int());
  g.add(op(P(r), ir::OpKind::Mul, {O(P(x)), CI(2)}));
  const auto twice = mb.add_function(std::move(g.f));
  FnBuilder fb("main");
  const auto y = fb.local("y", mb.Int());
  fb.add(call(twice, {val(CI(21)), out(P(y))}));
  fb.add(print({O(P(y))}));
  add_main(mb, fb);
  const auto o = run_module(mb.m, true);
  ASSERT_EQ(o.stop.kind, StopKind::Finished) << o.stop.message;
  EXPECT_EQ(o.output, "42\n");
}

TEST(EReturn, ForgottenLocalIsALeak) {
  ModuleBuilder mb;
  FnBuilder g("forget");
  const auto s = g.local("s", mb.Str());
  g.add(cnst(P(s), CS("lost")));
  const auto forget = mb.add_function(std::move(g.f));
  FnBuilder fb("main");
  fb.add(call(forget, {}));
  add_main(mb, fb);
  const auto o = run_module(mb.m, true);
  expect_fault(o, Rule::F_Leak, Rule::E_Return);
  EXPECT_TRUE(o.checker_unsound);
}

TEST(EReturn, MutArgumentNotRestored) {
  ModuleBuilder mb;
  FnBuilder g("steal");
  const auto x = g.param("x", mb.Str(), ast::Convention::Mut, ir::Holding::MutRef);
  g.add(destroy(deref(P(x))));
  const auto steal = mb.add_function(std::move(g.f));
  FnBuilder fb("main");
  const auto s = fb.local("s", mb.Str());
  fb.add(cnst(P(s), CS("x")));
  fb.add(call(steal, {mref(P(s))}));
  add_main(mb, fb);
  expect_fault(run_module(mb.m), Rule::F_Uninit, Rule::E_Return);
}

/* --- E-Raise / E-Catch ------------------------------------------------------------- */

struct RaiseModule {
  ModuleBuilder mb;
  ir::FunctionId fail = ir::none;
};

RaiseModule raise_module(bool leak_local) {
  RaiseModule r;
  auto& mb = r.mb;
  FnBuilder g("fail");
  g.f.raises = true;
  const auto e = g.temp(mb.Err());
  const auto s = g.local("s", mb.Str());
  g.add(cnst(P(s), CS("local")));
  if (!leak_local) g.add(destroy(P(s)));
  g.add(op(P(e), ir::OpKind::MakeError, {CS("boom")}));
  g.term(ir::Raise{P(e)});
  r.fail = mb.add_function(std::move(g.f));
  return r;
}

TEST(ERaise, CaughtByTheCaller) {
  auto r = raise_module(false);
  auto& mb = r.mb;
  FnBuilder fb("main");
  const auto err = fb.error_slot(mb.Err());
  const auto handler = fb.block("except");
  const auto after = fb.block("after");
  fb.add(call(r.fail, {}, handler));
  fb.term(ir::Goto{after});
  fb.at(handler).add(print({CS("caught"), O(P(err))})).add(destroy(P(err))).term(ir::Goto{after});
  fb.at(after).add(print({CS("end")}));
  add_main(mb, fb);
  const auto o = run_module(mb.m, true);
  ASSERT_EQ(o.stop.kind, StopKind::Finished) << o.stop.message;
  EXPECT_EQ(o.output, "caught boom\nend\n");
}

TEST(ERaise, UncaughtErrorEndsTheRunRaised) {
  auto r = raise_module(false);
  FnBuilder fb("main");
  fb.f.raises = true;
  const auto err = fb.error_slot(r.mb.Err());
  const auto unwind = fb.block("unwind");
  fb.add(call(r.fail, {}, unwind));
  fb.at(unwind).term(ir::Raise{P(err)});
  add_main(r.mb, fb);
  const auto o = run_module(r.mb.m, true);
  EXPECT_EQ(o.stop.kind, StopKind::Raised);
  EXPECT_EQ(o.stop.message, "boom");
}

TEST(ERaise, LiveLocalAtRaiseIsALeak) {
  auto r = raise_module(true);
  FnBuilder fb("main");
  fb.error_slot(r.mb.Err());
  const auto unwind = fb.block("unwind");
  fb.add(call(r.fail, {}, unwind));
  add_main(r.mb, fb);
  expect_fault(run_module(r.mb.m), Rule::F_Leak, Rule::E_Raise);
}

TEST(ECatch, ACallWithoutUnwindBlockIsMalformedIR) {
  auto r = raise_module(false);
  FnBuilder fb("main");
  fb.add(call(r.fail, {}));
  add_main(r.mb, fb);
  const auto o = run_module(r.mb.m);
  EXPECT_EQ(o.stop.kind, StopKind::Internal) << o.stop.message;
}

/* --- E-Goto / E-Branch ------------------------------------------------------------- */

ir::Module counting_loop(std::int64_t n_iter) {
  ModuleBuilder mb;
  FnBuilder fb("main");
  const auto i = fb.local("i", mb.Int());
  const auto c = fb.temp(mb.Bool());
  const auto head = fb.block("while.head");
  const auto body = fb.block("while.body");
  const auto exit = fb.block("while.exit");
  fb.add(cnst(P(i), CI(0))).term(ir::Goto{head});
  fb.at(head).add(op(P(c), ir::OpKind::Lt, {O(P(i)), CI(n_iter)})).term(ir::Branch{O(P(c)), body, exit});
  fb.at(body).add(print({O(P(i))})).add(op(P(i), ir::OpKind::Add, {O(P(i)), CI(1)})).term(ir::Goto{head});
  fb.at(exit).add(print({CS("done")}));
  add_main(mb, fb);
  return std::move(mb.m);
}

TEST(EGotoBranch, LoopRunsAndExits) {
  const auto m = counting_loop(3);
  const auto o = run_module(m, true);
  ASSERT_EQ(o.stop.kind, StopKind::Finished) << o.stop.message;
  EXPECT_EQ(o.output, "0\n1\n2\ndone\n");
}

TEST(EGotoBranch, BranchOnUninitializedFaults) {
  ModuleBuilder mb;
  FnBuilder fb("main");
  const auto c = fb.local("c", mb.Bool());
  const auto t = fb.block("t");
  fb.term(ir::Branch{O(P(c)), t, t});
  add_main(mb, fb);
  expect_fault(run_module(mb.m), Rule::F_Uninit, Rule::E_Branch);
}

TEST(EGotoBranch, OracleForcesABranch) {
  const auto m = counting_loop(3);
  run::MapOracle oracle;
  oracle.forced_branches[1] = false;  // leave the loop at the second test
  const auto o = run_module(m, true, &oracle);
  ASSERT_EQ(o.stop.kind, StopKind::Finished) << o.stop.message;
  EXPECT_EQ(o.output, "0\ndone\n");
}

TEST(EGotoBranch, InfiniteLoopHitsTheStepLimit) {
  ModuleBuilder mb;
  FnBuilder fb("main");
  const auto l = fb.block("loop");
  fb.term(ir::Goto{l});
  fb.at(l).term(ir::Goto{l});
  add_main(mb, fb);
  run::Limits limits;
  limits.max_steps = 1000;
  const auto o = run_module(mb.m, true, nullptr, limits);
  EXPECT_EQ(o.stop.kind, StopKind::StepLimit);
  EXPECT_EQ(o.steps, 1000u);
}

/* --- E-Print ------------------------------------------------------------------------ */

TEST(EPrint, MojoFormatting) {
  ModuleBuilder mb;
  const auto lb = mb.list_of(mb.Bool());
  FnBuilder fb("main");
  const auto xs = fb.local("xs", lb);
  const auto t = fb.temp(mb.Bool());
  fb.add(cnst(P(t), CB(true)));
  fb.add(ir::ListNew{P(xs), mb.Bool(), {P(t)}});
  fb.add(ir::Print{{CI(-3), CB(false), CS("s"), O(P(xs))}, CS(", "), CS("|")});
  fb.add(ir::Print{{}, CS(" "), CS("\n")});
  fb.add(destroy(P(xs)));
  add_main(mb, fb);
  const auto o = run_module(mb.m, true);
  ASSERT_EQ(o.stop.kind, StopKind::Finished) << o.stop.message;
  EXPECT_EQ(o.output, "-3, False, s, [True]|\n");
}

TEST(EPrint, UninitializedArgumentFaults) {
  ModuleBuilder mb;
  FnBuilder fb("main");
  const auto s = fb.local("s", mb.Str());
  fb.add(print({O(P(s))}));
  add_main(mb, fb);
  expect_fault(run_module(mb.m), Rule::F_Uninit, Rule::E_Print);
}

/* --- E-Box-New, E-List-New, E-List-Append -------------------------------------------- */

TEST(EBoxNew, OwnsItsCellAndDestroysThePointee) {
  ModuleBuilder mb;
  const Balloon b = add_balloon(mb);
  const auto bt = mb.box_of(b.type);
  FnBuilder fb("main");
  const auto p = fb.local("p", bt);
  const auto q = fb.local("q", bt);
  const auto v = fb.local("v", b.type);
  const auto t = fb.temp(mb.Str());
  make_balloon(fb, b, v, t, "boxed");
  fb.add(ir::BoxNew{P(p), P(v)});
  fb.add(move(P(q), P(p)));
  fb.add(print({O(field(pointee(P(q)), 0))}));
  fb.add(destroy(P(q)));
  add_main(mb, fb);
  const auto o = run_module(mb.m, true);
  ASSERT_EQ(o.stop.kind, StopKind::Finished) << o.stop.message;
  EXPECT_EQ(o.output, "boxed\nDestroyed a boxed balloon\n");
  EXPECT_EQ(event_strings(o), (std::vector<std::string>{"init Balloon@main.v", "move Balloon@heap0[0]<-main.v",
                                                        "del Balloon@heap0[0]"}));
}

TEST(EBoxNew, UninitializedSourceFaults) {
  ModuleBuilder mb;
  const auto bt = mb.box_of(mb.Str());
  FnBuilder fb("main");
  const auto p = fb.local("p", bt);
  const auto v = fb.local("v", mb.Str());
  fb.add(ir::BoxNew{P(p), P(v)});
  add_main(mb, fb);
  expect_fault(run_module(mb.m), Rule::F_Uninit, Rule::E_Box_New);
}

TEST(EListNew, ElementsAreMovedIn) {
  ModuleBuilder mb;
  const Balloon b = add_balloon(mb);
  const auto lt = mb.list_of(b.type);
  FnBuilder fb("main");
  const auto xs = fb.local("xs", lt);
  const auto a = fb.temp(b.type);
  const auto c = fb.temp(b.type);
  const auto t = fb.temp(mb.Str());
  make_balloon(fb, b, a, t, "one");
  make_balloon(fb, b, c, t, "two");
  fb.add(ir::ListNew{P(xs), b.type, {P(a), P(c)}});
  fb.add(destroy(P(xs)));
  add_main(mb, fb);
  const auto o = run_module(mb.m, true);
  ASSERT_EQ(o.stop.kind, StopKind::Finished) << o.stop.message;
  EXPECT_EQ(o.output, "Destroyed a one balloon\nDestroyed a two balloon\n");
}

TEST(EListNew, UninitializedElementFaults) {
  ModuleBuilder mb;
  const auto lt = mb.list_of(mb.Str());
  FnBuilder fb("main");
  const auto xs = fb.local("xs", lt);
  const auto a = fb.temp(mb.Str());
  fb.add(ir::ListNew{P(xs), mb.Str(), {P(a)}});
  add_main(mb, fb);
  expect_fault(run_module(mb.m), Rule::F_Uninit, Rule::E_List_New);
}

TEST(EListAppend, GrowsByMovingEveryElement) {
  ModuleBuilder mb;
  const auto lt = mb.list_of(mb.Int());
  FnBuilder fb("main");
  const auto xs = fb.local("xs", lt);
  const auto t = fb.temp(mb.Int());
  const auto n = fb.temp(mb.Int());
  fb.add(ir::ListNew{P(xs), mb.Int(), {}});
  for (int k = 1; k <= 5; ++k) fb.add(cnst(P(t), CI(k))).add(ir::ListAppend{P(xs), P(t)});
  fb.add(op(P(n), ir::OpKind::Len, {O(P(xs))}));
  fb.add(print({O(P(xs)), O(P(n))}));
  fb.add(destroy(P(xs)));
  add_main(mb, fb);
  const auto o = run_module(mb.m, true);
  ASSERT_EQ(o.stop.kind, StopKind::Finished) << o.stop.message;
  EXPECT_EQ(o.output, "[1, 2, 3, 4, 5] 5\n");
}

TEST(EListAppend, ReferenceIntoTheOldBufferDangles) {
  // Appendix J.1 with S11 disabled: a full buffer of 3, an element reference, an append.
  ModuleBuilder mb;
  const auto lt = mb.list_of(mb.Int());
  FnBuilder fb("main");
  const auto xs = fb.local("list", lt);
  const auto el = fb.ref_local("elem", mb.Int());
  const auto a = fb.temp(mb.Int());
  const auto b = fb.temp(mb.Int());
  const auto c = fb.temp(mb.Int());
  const auto d = fb.temp(mb.Int());
  fb.add(cnst(P(a), CI(1))).add(cnst(P(b), CI(2))).add(cnst(P(c), CI(3)));
  fb.add(ir::ListNew{P(xs), mb.Int(), {P(a), P(b), P(c)}});
  fb.add(ir::Borrow{P(el), elem(P(xs), 0), ir::BorrowKind::Imm});
  fb.add(cnst(P(d), CI(4))).add(ir::ListAppend{P(xs), P(d)});
  fb.add(print({O(deref(P(el)))}));
  add_main(mb, fb);
  const auto o = run_module(mb.m, true);
  expect_fault(o, Rule::F_Dangling, Rule::E_Print);
  EXPECT_FALSE(o.stop.fault->unsafe);
  EXPECT_TRUE(o.checker_unsound);
}

TEST(EListAppend, AppendOfUninitializedFaults) {
  ModuleBuilder mb;
  const auto lt = mb.list_of(mb.Int());
  FnBuilder fb("main");
  const auto xs = fb.local("xs", lt);
  const auto t = fb.temp(mb.Int());
  fb.add(ir::ListNew{P(xs), mb.Int(), {}});
  fb.add(ir::ListAppend{P(xs), P(t)});
  add_main(mb, fb);
  expect_fault(run_module(mb.m), Rule::F_Uninit, Rule::E_List_Append);
}

TEST(EListAppend, IndexOutOfRangeAborts) {
  ModuleBuilder mb;
  const auto lt = mb.list_of(mb.Int());
  FnBuilder fb("main");
  const auto xs = fb.local("xs", lt);
  fb.add(ir::ListNew{P(xs), mb.Int(), {}});
  fb.add(print({O(elem(P(xs), 0))}));
  add_main(mb, fb);
  EXPECT_EQ(run_module(mb.m).stop.kind, StopKind::Aborted);
}

/* --- E-Exit ------------------------------------------------------------------------- */

TEST(EExit, ForgottenListAtExitIsASafeLeak) {
  ModuleBuilder mb;
  const auto lt = mb.list_of(mb.Int());
  FnBuilder fb("main");
  const auto xs = fb.local("xs", lt);
  fb.add(ir::ListNew{P(xs), mb.Int(), {}});
  add_main(mb, fb);
  const auto o = run_module(mb.m, true);
  expect_fault(o, Rule::F_Leak, Rule::E_Exit);
  EXPECT_FALSE(o.stop.fault->unsafe);
  EXPECT_TRUE(o.checker_unsound);
}

TEST(EExit, UnfreedAllocIsAnUnsafeLeakWithItsSite) {
  // Appendix G.1 as documented: prints 110, then leaks its allocation.
  ModuleBuilder mb;
  const auto pt = mb.uptr_of(mb.Int());
  FnBuilder fb("main");
  const auto p = fb.local("ptr", pt);
  const auto t = fb.temp(mb.Int());
  fb.add(ir::Alloc{P(p), mb.Int(), CI(1)});
  fb.add(cnst(P(t), CI(100)));
  fb.add(ir::PtrInit{P(p), P(t), true});
  fb.add(ir::Store{pointee(P(p)), ir::OpApp{ir::OpKind::Add, {O(pointee(P(p))), CI(10)}}});
  fb.add(print({O(pointee(P(p)))}));
  add_main(mb, fb);
  const auto o = run_module(mb.m, true);
  expect_fault(o, Rule::F_Leak, Rule::E_Exit);
  EXPECT_EQ(o.output, "110\n");
  EXPECT_TRUE(o.stop.fault->unsafe);
  EXPECT_EQ(o.stop.fault->message, "1 heap block(s) still live at the end of the run");
  EXPECT_FALSE(o.checker_unsound);
  EXPECT_EQ(o.stop.fault->span.line, 1u);  // the allocation site
  ASSERT_EQ(o.stop.fault->evidence.size(), 1u);
  EXPECT_NE(o.stop.fault->evidence[0].find("alloc of 1 x Int"), std::string::npos);
}

TEST(EExit, CleanExitFinishes) {
  ModuleBuilder mb;
  FnBuilder fb("main");
  add_main(mb, fb);
  const auto o = run_module(mb.m, true);
  EXPECT_EQ(o.stop.kind, StopKind::Finished);
  EXPECT_EQ(o.steps, 1u);
}

}  // namespace
}  // namespace ownmodel::testing
