// Encodings of the heap rules (docs/semantics.md §7.2): E-Alloc, E-Free,
// E-Ptr-Init, E-Ptr-Take. Written from the spec, independently of reference-impl/.
#include "solver/rules.h"

namespace ownmodel::solver {

namespace {

ir::Place pointee(const ir::Place& p) {
  ir::Place q = p;
  q.path.push_back(ir::Proj{ir::ProjKind::Pointee, 0, ir::none, 0});
  return q;
}

}  // namespace

// E-Alloc: `π := alloc T, o`; o Init int n ≥ 0; π writable; a fresh Live Manual block `block`.
Effect encode_E_Alloc(Enc& e, const FrameEnv& f, const SymState& pre, const ir::Alloc& i, std::int64_t block) {
  Effect eff(pre);
  eff.rule = Rule::E_Alloc;
  const z3::expr n = operand_value(e, f, pre, i.count, eff);
  eff.abort(n < 0);
  eff.cut(n > e.num(kMaxCells));
  const Resolved d = resolve(e, f, pre, i.dst, eff);
  eff.fail(Rule::F_Leak, !writable(e, pre, d.loc, d.type));
  const z3::expr b = e.num(block);
  SymState& s = eff.post;
  s.bst = z3::store(s.bst, b, kLive);
  s.bsize = z3::store(s.bsize, b, n);
  s.bkind = z3::store(s.bkind, b, kManual);
  const std::int64_t w = e.layouts.width(i.element);
  for (std::int64_t c = 0; c < kMaxCells * w; ++c) s.st = z3::store(s.st, e.num(block + c), kUninit);
  s.st = z3::store(s.st, d.loc, kInit);
  s.val = z3::store(s.val, d.loc, b);
  s.aux = z3::store(s.aux, d.loc, e.num(0));
  return eff;
}

// E-Free: `free π`; ptr(b, 0) to a Live Manual block, its cells ended; b := Released(by_free).
Effect encode_E_Free(Enc& e, const FrameEnv& f, const SymState& pre, const ir::Free& i) {
  Effect eff(pre);
  eff.rule = Rule::E_Free;
  const Resolved p = resolve(e, f, pre, i.ptr, eff);
  const ir::TypeInfo& pt = e.m.types.at(p.type);
  if (pt.kind != ir::TypeKind::UnsafePointer) throw Unsupported{"free of " + pt.name};
  eff.fail(Rule::F_Uninit, z3::select(pre.st, p.loc) != kInit);
  const z3::expr b = z3::select(pre.val, p.loc), k = z3::select(pre.aux, p.loc);
  const z3::expr kind = z3::select(pre.bkind, b);
  eff.fail(Rule::F_Invalid_Free, kind == kStackTarget);
  eff.fail(Rule::F_Double_Free, z3::select(pre.bst, b) != kLive);
  eff.fail(Rule::F_Invalid_Free, kind != kManual);
  eff.fail(Rule::F_Invalid_Free, k != 0);
  const std::int64_t w = e.layouts.width(pt.element);
  z3::expr all_ended = e.ctx.bool_val(true);
  for (std::int64_t c = 0; c < kMaxCells; ++c)
    all_ended = all_ended &&
                z3::implies(e.num(c) < z3::select(pre.bsize, b), ended(e, pre, b + e.num(c * w), pt.element));
  eff.fail(Rule::F_Leak, !all_ended);
  eff.post.bst = z3::store(eff.post.bst, b, kFreedByFree);
  return eff;
}

// E-Ptr-Init: `ptr_init π ← copy|move π'`; π[] resolves and is writable; then π[] := copy|move π'.
Effect encode_E_Ptr_Init(Enc& e, const FrameEnv& f, const SymState& pre, const ir::PtrInit& i) {
  Effect eff(pre);
  eff.rule = Rule::E_Ptr_Init;
  const Resolved cell = resolve(e, f, pre, pointee(i.ptr), eff);
  eff.fail(Rule::F_Leak, !writable(e, pre, cell.loc, cell.type));
  const Resolved src = resolve(e, f, pre, i.src, eff);
  if (i.copy) copy_at(e, eff, cell.loc, src.loc, src.type);
  else move_at(e, eff, cell.loc, src.loc, src.type);
  return eff;
}

// E-Ptr-Take: `π := ptr_take π'`; π'[] whole_init; then π := move π'[].
Effect encode_E_Ptr_Take(Enc& e, const FrameEnv& f, const SymState& pre, const ir::PtrTake& i) {
  Effect eff(pre);
  eff.rule = Rule::E_Ptr_Take;
  const Resolved cell = resolve(e, f, pre, pointee(i.ptr), eff);
  eff.fail(Rule::F_Uninit, !whole_init(e, pre, cell.loc, cell.type));
  const Resolved dst = resolve(e, f, pre, i.dst, eff);
  move_at(e, eff, dst.loc, cell.loc, cell.type);
  return eff;
}

}  // namespace ownmodel::solver
