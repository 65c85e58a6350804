// Per encoded step rule: a concrete pre/post pair satisfies the encoding's
// relation, a mutated post-state does not, and a pre-state violating the
// premise gives the rule's fault. The concrete states are built directly
// from the IR (slots of a compiled `main`, locations chosen here), not taken
// from the interpreter.
#include <memory>

#include <gtest/gtest.h>

#include "solver/rules.h"
#include "solver_helpers.h"

namespace ownmodel::solver {
namespace {

const char* kProgram = R"(from std.memory import UnsafePointer, alloc

def show(x: String):
    print(x)

def main(c: Bool):
    var n = 1
    var m = 2
    var s = "x"
    var t = "y"
    var p = alloc[Int](1)
    show(s)
    print(n, m, s, t, c)
    p.free()
    var xs: List[Int] = [1]
    var bp = OwnedPointer(3)
    xs.append(n)
    print(len(xs), bp[])
)";

class RuleEncoding : public ::testing::Test {
 protected:
  void SetUp() override {
    checked = testing::compile(kProgram);
    ASSERT_TRUE(checked.elaborated.has_value());
    m = &*checked.elaborated;
    fn = &m->functions[m->entry];
    e = std::make_unique<Enc>(ctx, *m);
    frame.fn = fn;
    frame.id = m->entry;
    for (ir::SlotId k = 0; k < fn->slots.size(); ++k) {
      frame.slot_loc.push_back(ctx.int_val(static_cast<int64_t>(kStackBase + 4 * k)));
      frame.own_roots.push_back(k);
    }
  }
  std::int64_t loc(const std::string& name) { return kStackBase + 4 * testing::slot_named(*fn, name); }
  ir::Place place(const std::string& name) {
    ir::Place p;
    p.slot = testing::slot_named(*fn, name);
    return p;
  }
  ir::Place deref_ptr(const std::string& name) {
    ir::Place p = place(name);
    p.path.push_back(ir::Proj{ir::ProjKind::Pointee, 0, ir::none, 0});
    return p;
  }
  z3::expr n(std::int64_t v) { return ctx.int_val(static_cast<int64_t>(v)); }
  void set(SymState& s, std::int64_t l, int status, std::int64_t v = 0, std::int64_t aux = 0) {
    s.st = z3::store(s.st, n(l), n(status));
    s.val = z3::store(s.val, n(l), n(v));
    s.aux = z3::store(s.aux, n(l), n(aux));
  }
  bool sat(const z3::expr& x) {
    z3::solver s(ctx);
    s.add(x);
    return s.check() == z3::sat;
  }
  void expect_step(const Effect& eff, const SymState& post, const SymState& mutated) {
    EXPECT_TRUE(sat(relation(ctx, eff, post))) << "the expected post-state does not satisfy " << spec_name(eff.rule);
    EXPECT_FALSE(sat(relation(ctx, eff, mutated))) << "a mutated post-state satisfies " << spec_name(eff.rule);
  }
  void expect_fault(const Effect& eff, Rule kind) {
    EXPECT_TRUE(sat(faults_with(ctx, eff, kind))) << spec_name(eff.rule) << " should fault with " << spec_name(kind);
    EXPECT_FALSE(sat(eff.ok(ctx))) << spec_name(eff.rule) << " should not step";
  }
  /// A Manual block of one Int cell, as E-Alloc leaves it.
  void live_block(SymState& s, std::int64_t b, int cell_status, std::int64_t cell_value = 0) {
    s.bst = z3::store(s.bst, n(b), n(kLive));
    s.bsize = z3::store(s.bsize, n(b), n(1));
    s.bkind = z3::store(s.bkind, n(b), n(kManual));
    set(s, b, cell_status, cell_value);
  }

  z3::context ctx;
  CheckResult checked;
  const ir::Module* m = nullptr;
  const ir::Function* fn = nullptr;
  std::unique_ptr<Enc> e;
  FrameEnv frame;
  const std::int64_t B = kHeapBase;
};

TEST_F(RuleEncoding, Assign) {
  ir::Instr i{ir::AssignConst{place("n"), ir::Const{std::int64_t{5}}}, {}};
  SymState pre = initial_state(ctx);
  set(pre, loc("n"), kInit, 1);
  SymState post = pre, bad = pre;
  set(post, loc("n"), kInit, 5);
  set(bad, loc("n"), kInit, 6);
  expect_step(encode_E_Assign(*e, frame, pre, i), post, bad);
  // An operand not initialized: F-Uninit.
  ir::Instr add{ir::AssignOp{place("n"), ir::OpApp{ir::OpKind::Add, {ir::Operand{place("m")}, ir::Operand{ir::Const{std::int64_t{1}}}}}}, {}};
  expect_fault(encode_E_Assign(*e, frame, pre, add), Rule::F_Uninit);
}

TEST_F(RuleEncoding, Copy) {
  SymState pre = initial_state(ctx);
  set(pre, loc("n"), kInit, 7);
  SymState post = pre, bad = pre;
  set(post, loc("m"), kInit, 7);
  set(bad, loc("m"), kInit, 8);
  expect_step(encode_E_Copy(*e, frame, pre, ir::Copy{place("m"), place("n"), ir::CopyOrigin::Explicit}), post, bad);
  expect_fault(encode_E_Copy(*e, frame, pre, ir::Copy{place("n"), place("m"), ir::CopyOrigin::Explicit}),
               Rule::F_Uninit);
}

TEST_F(RuleEncoding, Move) {
  SymState pre = initial_state(ctx);
  set(pre, loc("s"), kInit, 42);
  SymState post = pre;
  set(post, loc("t"), kInit, 42);
  set(post, loc("s"), kUninit, 42);
  SymState bad = post;
  set(bad, loc("s"), kInit, 42);  // the source still initialized
  expect_step(encode_E_Move(*e, frame, pre, ir::Move{place("t"), place("s")}), post, bad);
  // Use after move.
  expect_fault(encode_E_Move(*e, frame, post, ir::Move{place("t"), place("s")}), Rule::F_Uninit);
}

TEST_F(RuleEncoding, Borrow) {
  SymState pre = initial_state(ctx);
  set(pre, loc("n"), kInit, 3);
  SymState post = pre, bad = pre;
  set(post, loc("p"), kInit, loc("n"), 0);
  set(bad, loc("p"), kInit, loc("m"), 0);
  expect_step(encode_E_Borrow(*e, frame, pre, ir::Borrow{place("p"), place("n"), ir::BorrowKind::Addr}), post, bad);
  expect_fault(encode_E_Borrow(*e, frame, pre, ir::Borrow{place("p"), place("m"), ir::BorrowKind::Addr}),
               Rule::F_Uninit);
}

TEST_F(RuleEncoding, Destroy) {
  SymState pre = initial_state(ctx);
  set(pre, loc("s"), kInit, 9);
  SymState post = pre, bad = pre;
  set(post, loc("s"), kUninit, 9);
  expect_step(encode_E_Destroy(*e, frame, pre, ir::Destroy{place("s"), Rule::D1, false}), post, bad);
  expect_fault(encode_E_Destroy(*e, frame, post, ir::Destroy{place("s"), Rule::D1, false}), Rule::F_Uninit);
}

TEST_F(RuleEncoding, StoreThroughPointer) {
  SymState pre = initial_state(ctx);
  live_block(pre, B, kInit, 1);
  set(pre, loc("p"), kInit, B, 0);
  ir::Store st{deref_ptr("p"), ir::Const{std::int64_t{5}}};
  SymState post = pre, bad = pre;
  set(post, B, kInit, 5);
  set(bad, B, kInit, 1);
  expect_step(encode_E_Store_Through_Ref(*e, frame, pre, st), post, bad);
  SymState raw = initial_state(ctx);
  live_block(raw, B, kUninit);
  set(raw, loc("p"), kInit, B, 0);
  expect_fault(encode_E_Store_Through_Ref(*e, frame, raw, st), Rule::F_Uninit);
}

TEST_F(RuleEncoding, Alloc) {
  SymState pre = initial_state(ctx);
  ir::Alloc a{place("p"), m->int_type, ir::Operand{ir::Const{std::int64_t{1}}}};
  SymState post = pre;
  post.bst = z3::store(post.bst, n(B), n(kLive));
  post.bsize = z3::store(post.bsize, n(B), n(1));
  post.bkind = z3::store(post.bkind, n(B), n(kManual));
  set(post, loc("p"), kInit, B, 0);
  SymState bad = post;
  bad.bsize = z3::store(bad.bsize, n(B), n(2));
  expect_step(encode_E_Alloc(*e, frame, pre, a, B), post, bad);
}

TEST_F(RuleEncoding, Free) {
  SymState pre = initial_state(ctx);
  live_block(pre, B, kUninit);
  set(pre, loc("p"), kInit, B, 0);
  SymState post = pre, bad = pre;
  post.bst = z3::store(post.bst, n(B), n(kFreedByFree));
  expect_step(encode_E_Free(*e, frame, pre, ir::Free{place("p")}), post, bad);
  expect_fault(encode_E_Free(*e, frame, post, ir::Free{place("p")}), Rule::F_Double_Free);
  // A pointer to a stack location: F-Invalid-Free.
  SymState stack = initial_state(ctx);
  set(stack, loc("n"), kInit, 1);
  set(stack, loc("p"), kInit, loc("n"), 0);
  expect_fault(encode_E_Free(*e, frame, stack, ir::Free{place("p")}), Rule::F_Invalid_Free);
  // Use after free: reading the pointee.
  ir::Print pr{{ir::Operand{deref_ptr("p")}}, ir::Operand{ir::Const{std::string(" ")}},
               ir::Operand{ir::Const{std::string("\n")}}};
  expect_fault(encode_E_Print(*e, frame, post, pr), Rule::F_Use_After_Free);
}

TEST_F(RuleEncoding, PtrInitAndTake) {
  SymState pre = initial_state(ctx);
  live_block(pre, B, kUninit);
  set(pre, loc("p"), kInit, B, 0);
  set(pre, loc("n"), kInit, 11);
  SymState post = pre, bad = pre;
  set(post, B, kInit, 11);
  set(bad, B, kInit, 12);
  expect_step(encode_E_Ptr_Init(*e, frame, pre, ir::PtrInit{place("p"), place("n"), true}), post, bad);
  SymState taken = post, bad2 = post;
  set(taken, loc("m"), kInit, 11);
  set(taken, B, kUninit, 11);
  set(bad2, loc("m"), kInit, 11);  // the cell still initialized
  expect_step(encode_E_Ptr_Take(*e, frame, post, ir::PtrTake{place("m"), place("p")}), taken, bad2);
  expect_fault(encode_E_Ptr_Take(*e, frame, taken, ir::PtrTake{place("m"), place("p")}), Rule::F_Uninit);
}

TEST_F(RuleEncoding, BranchPrintGoto) {
  SymState pre = initial_state(ctx);
  set(pre, loc("c"), kInit, 1);
  SymState bad = pre;
  set(bad, loc("c"), kInit, 0);
  z3::expr cond = ctx.bool_val(false);
  const Effect b = encode_E_Branch(*e, frame, pre, ir::Branch{ir::Operand{place("c")}, 0, 0}, cond);
  expect_step(b, pre, bad);
  EXPECT_TRUE(sat(cond));
  EXPECT_FALSE(sat(!cond));
  ir::Print pr{{ir::Operand{place("c")}}, ir::Operand{ir::Const{std::string(" ")}},
               ir::Operand{ir::Const{std::string("\n")}}};
  expect_step(encode_E_Print(*e, frame, pre, pr), pre, bad);
  expect_fault(encode_E_Print(*e, frame, initial_state(ctx), pr), Rule::F_Uninit);
  expect_step(encode_E_Goto(pre), pre, bad);
}

TEST_F(RuleEncoding, CallAndReturn) {
  const ir::Call* call = nullptr;
  for (const ir::BasicBlock& b : fn->blocks)
    for (const ir::Instr& i : b.instrs)
      if (const auto* c = std::get_if<ir::Call>(&i.node)) call = c;
  ASSERT_NE(call, nullptr);
  const ir::Function& show = m->functions[call->callee];
  FrameEnv callee;
  callee.fn = &show;
  callee.id = call->callee;
  for (ir::SlotId k = 0; k < show.slots.size(); ++k) {
    callee.slot_loc.push_back(n(1000 + k));
    callee.own_roots.push_back(k);
  }
  SymState pre = initial_state(ctx);
  set(pre, loc("s"), kInit, 5);
  const std::int64_t x = 1000 + testing::slot_named(show, "x");
  SymState post = pre, bad = pre;
  for (ir::SlotId k = 0; k < show.slots.size(); ++k) set(post, 1000 + k, kUninit);
  set(post, x, kInit, loc("s"));
  set(bad, x, kInit, loc("t"));
  FrameEnv bound = callee;
  expect_step(encode_E_Call(*e, frame, pre, *call, bound), post, bad);
  FrameEnv bound2 = callee;
  expect_fault(encode_E_Call(*e, frame, initial_state(ctx), *call, bound2), Rule::F_Uninit);
  // E-Return: the callee's roots die.
  SymState after = post;
  for (ir::SlotId k = 0; k < show.slots.size(); ++k) after.st = z3::store(after.st, n(1000 + k), n(kDead));
  expect_step(encode_E_Return(*e, bound, post), after, post);
}

TEST_F(RuleEncoding, ExitLeak) {
  SymState pre = initial_state(ctx);
  live_block(pre, B, kUninit);
  expect_fault(encode_E_Exit(*e, frame, pre, {B}, false), Rule::F_Leak);
  // A String still held at the exit is forgotten.
  SymState held = initial_state(ctx);
  set(held, loc("s"), kInit, 1);
  expect_fault(encode_E_Exit(*e, frame, held, {}, false), Rule::F_Leak);
  SymState clean = initial_state(ctx);
  set(clean, loc("n"), kInit, 1);
  SymState post = clean;
  for (ir::SlotId k = 0; k < fn->slots.size(); ++k) post.st = z3::store(post.st, n(kStackBase + 4 * k), n(kDead));
  expect_step(encode_E_Exit(*e, frame, clean, {}, false), post, clean);
}

/// A Buffer or Box block with `size` cells.
void heap_block(SymState& s, z3::context& ctx, std::int64_t b, std::int64_t size, int kind) {
  s.bst = z3::store(s.bst, ctx.int_val(static_cast<int64_t>(b)), ctx.int_val(kLive));
  s.bsize = z3::store(s.bsize, ctx.int_val(static_cast<int64_t>(b)), ctx.int_val(static_cast<int64_t>(size)));
  s.bkind = z3::store(s.bkind, ctx.int_val(static_cast<int64_t>(b)), ctx.int_val(kind));
}

TEST_F(RuleEncoding, BoxNew) {
  // bp := box_new n: a fresh Box block (the Enc's first, B) holding n's value; n moved out.
  SymState pre = initial_state(ctx);
  set(pre, loc("n"), kInit, 5);
  SymState post = pre;
  heap_block(post, ctx, B, 1, kBox);
  set(post, loc("bp"), kInit, B);
  set(post, B, kInit, 5);
  set(post, loc("n"), kUninit, 5);
  SymState bad = post;
  set(bad, B, kInit, 6);
  expect_step(encode_E_Box_New(*e, frame, pre, ir::BoxNew{place("bp"), place("n")}), post, bad);
  // The value not initialized: F-Uninit.
  expect_fault(encode_E_Box_New(*e, frame, initial_state(ctx), ir::BoxNew{place("bp"), place("n")}), Rule::F_Uninit);
}

TEST_F(RuleEncoding, ListNew) {
  SymState pre = initial_state(ctx);
  set(pre, loc("n"), kInit, 5);
  set(pre, loc("m"), kInit, 6);
  const ir::ListNew i{place("xs"), m->int_type, {place("n"), place("m")}};
  SymState post = pre;
  heap_block(post, ctx, B, 2, kBuffer);
  set(post, loc("xs"), kInit, B, 2);
  set(post, B, kInit, 5);
  set(post, B + 1, kInit, 6);
  set(post, loc("n"), kUninit, 5);
  set(post, loc("m"), kUninit, 6);
  SymState bad = post;
  set(bad, loc("xs"), kInit, B, 3);
  expect_step(encode_E_List_New(*e, frame, pre, i), post, bad);
  // The destination already holds a List: overwriting it forgets it (F-Leak).
  SymState held = pre;
  set(held, loc("xs"), kInit, B + 7 * kHeapStride, 0);
  expect_fault(encode_E_List_New(*e, frame, held, i), Rule::F_Leak);
}

TEST_F(RuleEncoding, ListAppendRoomAndGrow) {
  const std::int64_t old = B + 10 * kHeapStride;
  const ir::ListAppend i{place("xs"), place("n")};
  // Room (capacity 2, length 1): the value goes into cell 1.
  SymState pre = initial_state(ctx);
  heap_block(pre, ctx, old, 2, kBuffer);
  set(pre, old, kInit, 10);
  set(pre, loc("xs"), kInit, old, 1);
  set(pre, loc("n"), kInit, 5);
  SymState post = pre;
  set(post, loc("xs"), kInit, old, 2);
  set(post, old + 1, kInit, 5);
  set(post, loc("n"), kUninit, 5);
  SymState bad = post;
  set(bad, old + 1, kInit, 4);
  expect_step(encode_E_List_Append(*e, frame, pre, i), post, bad);
  // Full (capacity 1): a Buffer of 2 cells (the Enc's next block), the element
  // moved over, the old buffer released by its owner, then the value moved in.
  SymState full = initial_state(ctx);
  heap_block(full, ctx, old, 1, kBuffer);
  set(full, old, kInit, 10);
  set(full, loc("xs"), kInit, old, 1);
  set(full, loc("n"), kInit, 5);
  const Effect grow = encode_E_List_Append(*e, frame, full, i);
  const std::int64_t nb = e->blocks.back();
  SymState grown = full;
  heap_block(grown, ctx, nb, 2, kBuffer);
  grown.bst = z3::store(grown.bst, n(old), n(kReleasedByOwner));
  set(grown, nb, kInit, 10);
  set(grown, old, kUninit, 10);
  set(grown, nb + 1, kInit, 5);
  set(grown, loc("n"), kUninit, 5);
  set(grown, loc("xs"), kInit, nb, 2);
  SymState not_released = grown;
  not_released.bst = z3::store(not_released.bst, n(old), n(kLive));
  expect_step(grow, grown, not_released);
  // The list's buffer already released (a bit-for-bit copy's other owner ended it): F-Dangling.
  SymState dangling = full;
  dangling.bst = z3::store(dangling.bst, n(old), n(kReleasedByOwner));
  expect_fault(encode_E_List_Append(*e, frame, dangling, i), Rule::F_Dangling);
}

TEST_F(RuleEncoding, ListAccessAndDestroy) {
  SymState pre = initial_state(ctx);
  heap_block(pre, ctx, B, 2, kBuffer);
  set(pre, B, kInit, 10);
  set(pre, B + 1, kInit, 11);
  set(pre, loc("xs"), kInit, B, 2);
  // m := copy xs[1]
  ir::Place el = place("xs");
  el.path.push_back(ir::Proj{ir::ProjKind::Element, 0, ir::none, 1});
  SymState post = pre, bad = pre;
  set(post, loc("m"), kInit, 11);
  set(bad, loc("m"), kInit, 10);
  expect_step(encode_E_Copy(*e, frame, pre, ir::Copy{place("m"), el, ir::CopyOrigin::Explicit}), post, bad);
  // n := len(xs)
  ir::Instr len{ir::AssignOp{place("n"), ir::OpApp{ir::OpKind::Len, {ir::Operand{place("xs")}}}}, {}};
  SymState lpost = pre, lbad = pre;
  set(lpost, loc("n"), kInit, 2);
  set(lbad, loc("n"), kInit, 1);
  expect_step(encode_E_Assign(*e, frame, pre, len), lpost, lbad);
  // destroy xs: Int elements need no destruction; the buffer is released, xs Uninit.
  SymState dpost = pre;
  dpost.bst = z3::store(dpost.bst, n(B), n(kReleasedByOwner));
  set(dpost, loc("xs"), kUninit, B, 2);
  SymState dbad = pre;
  set(dbad, loc("xs"), kUninit, B, 2);
  expect_step(encode_E_Destroy(*e, frame, pre, ir::Destroy{place("xs"), Rule::D1, false}), dpost, dbad);
  // Destroying it again (its buffer already released, a double owner): F-Double-Free.
  SymState twice = pre;
  twice.bst = z3::store(twice.bst, n(B), n(kReleasedByOwner));
  expect_fault(encode_E_Destroy(*e, frame, twice, ir::Destroy{place("xs"), Rule::D1, false}), Rule::F_Double_Free);
}

}  // namespace
}  // namespace ownmodel::solver
