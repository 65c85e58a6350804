// UnsafePointer rules (E-Alloc, E-Free, E-Ptr-Init, E-Ptr-Take) and every
// unsafe fault kind: misuse is a fault marked `unsafe`, never silently fine.
#include <gtest/gtest.h>

#include "fixtures.h"

namespace ownmodel::testing {
namespace {

using run::StopKind;

struct Unsafe {
  ModuleBuilder mb;
  ir::TypeId ptr_int = ir::none;
  FnBuilder fb{"main"};
  ir::SlotId p = ir::none, q = ir::none, x = ir::none, t = ir::none;
  Unsafe() {
    ptr_int = mb.uptr_of(mb.Int());
    p = fb.local("p", ptr_int);
    q = fb.local("q", ptr_int);
    x = fb.local("x", mb.Int());
    t = fb.temp(mb.Int());
  }
  run::Outcome run() {
    mb.m.entry = mb.add_function(std::move(fb.f));
    return run_module(mb.m, true);
  }
};

void expect_unsafe_fault(const run::Outcome& o, Rule kind, Rule rule) {
  ASSERT_EQ(o.stop.kind, StopKind::Faulted) << o.stop.message;
  EXPECT_EQ(o.stop.fault->kind, kind) << o.stop.message;
  EXPECT_EQ(o.stop.fault->rule, rule) << o.stop.message;
  EXPECT_TRUE(o.stop.fault->unsafe);
  EXPECT_FALSE(o.checker_unsound);
}

TEST(EAlloc, AllocInitTakeFree) {
  Unsafe u;
  u.fb.add(ir::Alloc{P(u.p), u.mb.Int(), CI(2)});
  u.fb.add(cnst(P(u.t), CI(40)));
  u.fb.add(ir::PtrInit{P(u.p), P(u.t), false});
  u.fb.add(op(P(u.q), ir::OpKind::PtrOffset, {O(P(u.p)), CI(1)}));
  u.fb.add(cnst(P(u.t), CI(2)));
  u.fb.add(ir::PtrInit{P(u.q), P(u.t), true});
  u.fb.add(ir::PtrTake{P(u.x), P(u.p)});
  u.fb.add(print({O(P(u.x)), O(elem(P(u.p), 1))}));
  u.fb.add(destroy(pointee(P(u.q))));
  u.fb.add(ir::Free{P(u.p)});
  const auto o = u.run();
  ASSERT_EQ(o.stop.kind, StopKind::Finished) << o.stop.message;
  EXPECT_EQ(o.output, "40 2\n");
}

TEST(EAlloc, NegativeCountAborts) {
  Unsafe u;
  u.fb.add(ir::Alloc{P(u.p), u.mb.Int(), CI(-1)});
  EXPECT_EQ(u.run().stop.kind, StopKind::Aborted);
}

TEST(EAlloc, HeapLimitIsABound) {
  Unsafe u;
  u.fb.add(ir::Alloc{P(u.p), u.mb.Int(), CI(1'000'000'000)});
  EXPECT_EQ(u.run().stop.kind, StopKind::HeapLimit);
}

TEST(EFree, DoubleFree) {
  Unsafe u;
  u.fb.add(ir::Alloc{P(u.p), u.mb.Int(), CI(1)});
  u.fb.add(ir::Free{P(u.p)});
  u.fb.add(ir::Free{P(u.p)});
  expect_unsafe_fault(u.run(), Rule::F_Double_Free, Rule::E_Free);
}

TEST(EFree, InvalidFreeOfAStackPointer) {
  Unsafe u;
  u.fb.add(cnst(P(u.x), CI(5)));
  u.fb.add(ir::Borrow{P(u.p), P(u.x), ir::BorrowKind::Addr});
  u.fb.add(ir::Free{P(u.p)});
  expect_unsafe_fault(u.run(), Rule::F_Invalid_Free, Rule::E_Free);
}

TEST(EFree, InvalidFreeOfAnInteriorPointer) {
  Unsafe u;
  u.fb.add(ir::Alloc{P(u.p), u.mb.Int(), CI(2)});
  u.fb.add(op(P(u.q), ir::OpKind::PtrOffset, {O(P(u.p)), CI(1)}));
  u.fb.add(ir::Free{P(u.q)});
  expect_unsafe_fault(u.run(), Rule::F_Invalid_Free, Rule::E_Free);
}

TEST(EFree, FreeWithContentsForgetsThem) {
  Unsafe u;
  const auto sp = u.mb.uptr_of(u.mb.Str());
  const auto ps = u.fb.local("ps", sp);
  const auto s = u.fb.local("s", u.mb.Str());
  u.fb.add(ir::Alloc{P(ps), u.mb.Str(), CI(1)});
  u.fb.add(cnst(P(s), CS("heap")));
  u.fb.add(ir::PtrInit{P(ps), P(s), false});
  u.fb.add(ir::Free{P(ps)});
  expect_unsafe_fault(u.run(), Rule::F_Leak, Rule::E_Free);
}

TEST(EPtrInit, UseAfterFree) {
  Unsafe u;
  u.fb.add(ir::Alloc{P(u.p), u.mb.Int(), CI(1)});
  u.fb.add(ir::Free{P(u.p)});
  u.fb.add(cnst(P(u.t), CI(1)));
  u.fb.add(ir::PtrInit{P(u.p), P(u.t), true});
  expect_unsafe_fault(u.run(), Rule::F_Use_After_Free, Rule::E_Ptr_Init);
}

TEST(EPtrInit, OutOfBounds) {
  Unsafe u;
  u.fb.add(ir::Alloc{P(u.p), u.mb.Int(), CI(1)});
  u.fb.add(op(P(u.q), ir::OpKind::PtrOffset, {O(P(u.p)), CI(1)}));
  u.fb.add(cnst(P(u.t), CI(1)));
  u.fb.add(ir::PtrInit{P(u.q), P(u.t), true});
  expect_unsafe_fault(u.run(), Rule::F_Out_Of_Bounds, Rule::E_Ptr_Init);
}

TEST(EPtrInit, InitOverAnOwningValueForgetsIt) {
  Unsafe u;
  const auto lt = u.mb.list_of(u.mb.Int());
  const auto lp = u.mb.uptr_of(lt);
  const auto pl = u.fb.local("pl", lp);
  const auto xs = u.fb.local("xs", lt);
  const auto ys = u.fb.local("ys", lt);
  u.fb.add(ir::Alloc{P(pl), lt, CI(1)});
  u.fb.add(ir::ListNew{P(xs), u.mb.Int(), {}});
  u.fb.add(ir::PtrInit{P(pl), P(xs), false});
  u.fb.add(ir::ListNew{P(ys), u.mb.Int(), {}});
  u.fb.add(ir::PtrInit{P(pl), P(ys), false});
  expect_unsafe_fault(u.run(), Rule::F_Leak, Rule::E_Ptr_Init);
}

TEST(EPtrTake, TakeFromRawMemoryFaults) {
  Unsafe u;
  u.fb.add(ir::Alloc{P(u.p), u.mb.Int(), CI(1)});
  u.fb.add(ir::PtrTake{P(u.x), P(u.p)});
  expect_unsafe_fault(u.run(), Rule::F_Uninit, Rule::E_Ptr_Take);
}

TEST(EPtrTake, MovesAStructOutOnce) {
  ModuleBuilder mb;
  const Balloon b = add_balloon(mb);
  const auto bp = mb.uptr_of(b.type);
  FnBuilder fb("main");
  const auto p = fb.local("p", bp);
  const auto v = fb.local("v", b.type);
  const auto w = fb.local("w", b.type);
  const auto t = fb.temp(mb.Str());
  fb.add(ir::Alloc{P(p), b.type, CI(1)});
  make_balloon(fb, b, v, t, "kept");
  fb.add(ir::PtrInit{P(p), P(v), false});
  fb.add(ir::PtrTake{P(w), P(p)});
  fb.add(ir::Free{P(p)});
  fb.add(destroy(P(w)));
  mb.m.entry = mb.add_function(std::move(fb.f));
  const auto o = run_module(mb.m, true);
  ASSERT_EQ(o.stop.kind, StopKind::Finished) << o.stop.message;
  EXPECT_EQ(o.output, "Destroyed a kept balloon\n");
  EXPECT_EQ(event_strings(o), (std::vector<std::string>{"init Balloon@main.v", "move Balloon@heap0[0]<-main.v",
                                                        "move Balloon@main.w<-heap0[0]", "del Balloon@main.w"}));
}

TEST(Dangling, PointerToADeadFrameLocal) {
  // A callee returns UnsafePointer(to=local): its frame is popped, the pointer dangles.
  ModuleBuilder mb;
  const auto pt = mb.uptr_of(mb.Int());
  FnBuilder g("escape");
  const auto loc = g.local("x", mb.Int());
  const auto r = g.result(pt);
  g.add(cnst(P(loc), CI(1)));
  g.add(ir::Borrow{P(r), P(loc), ir::BorrowKind::Addr});
  const auto escape = mb.add_function(std::move(g.f));
  FnBuilder fb("main");
  const auto p = fb.local("p", pt);
  fb.add(call(escape, {out(P(p))}));
  fb.add(print({O(pointee(P(p)))}));
  mb.m.entry = mb.add_function(std::move(fb.f));
  const auto o = run_module(mb.m, true);
  ASSERT_EQ(o.stop.kind, StopKind::Faulted) << o.stop.message;
  EXPECT_EQ(o.stop.fault->kind, Rule::F_Dangling);
  EXPECT_TRUE(o.stop.fault->unsafe);
}

TEST(Dangling, ReferenceToADeadFrameLocalIsSafeFault) {
  ModuleBuilder mb;
  FnBuilder g("escape");
  const auto loc = g.local("x", mb.Int());
  const auto r = g.slot("$ret", mb.Int(), ir::SlotKind::Result, ir::Holding::ImmRef);
  g.f.result = r;
  g.f.result_type = mb.Int();
  g.f.result_is_ref = true;
  g.add(cnst(P(loc), CI(1)));
  g.add(ir::Borrow{P(r), P(loc), ir::BorrowKind::Imm});
  const auto escape = mb.add_function(std::move(g.f));
  FnBuilder fb("main");
  const auto rr = fb.ref_local("r", mb.Int());
  fb.add(call(escape, {out(P(rr))}));
  fb.add(print({O(deref(P(rr)))}));
  mb.m.entry = mb.add_function(std::move(fb.f));
  const auto o = run_module(mb.m, true);
  ASSERT_EQ(o.stop.kind, StopKind::Faulted) << o.stop.message;
  EXPECT_EQ(o.stop.fault->kind, Rule::F_Dangling);
  EXPECT_FALSE(o.stop.fault->unsafe);
  EXPECT_TRUE(o.checker_unsound);  // S10b's job
}

}  // namespace
}  // namespace ownmodel::testing
