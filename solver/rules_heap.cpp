// Encodings of the heap rules (docs/semantics.md §7.2): E-Alloc, E-Free,
// E-Ptr-Init, E-Ptr-Take, E-Box-New, E-List-New, E-List-Append. Written from the spec, independently of reference-impl/.
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

namespace {

/// heap cell `dst` := move `src` under `g`, or left to the caller in `pending`.
void move_in(Enc& e, Effect& eff, std::vector<PendingMove>* pending, const z3::expr& dst, const z3::expr& src,
             ir::TypeId t, const z3::expr& g) {
  if (pending) pending->push_back(PendingMove{g, dst, src, t, false});
  else move_at_if(e, eff, dst, src, t, g);
}

/// A fresh Live block of `kind` with `n` cells (all Uninit: block ids are never reused).
void new_block(Enc& e, SymState& s, std::int64_t block, const z3::expr& n, int kind) {
  const z3::expr b = e.num(block);
  s.bst = z3::store(s.bst, b, kLive);
  s.bsize = z3::store(s.bsize, b, n);
  s.bkind = z3::store(s.bkind, b, kind);
}

}  // namespace

// E-Box-New: `π := box_new π'`; π' whole_init, π writable; a fresh Live Box block, then heap(b,0) := move π'.
Effect encode_E_Box_New(Enc& e, const FrameEnv& f, const SymState& pre, const ir::BoxNew& i,
                        std::vector<PendingMove>* pending) {
  Effect eff(pre);
  eff.rule = Rule::E_Box_New;
  const Resolved src = resolve(e, f, pre, i.src, eff);
  eff.fail(Rule::F_Uninit, !whole_init(e, pre, src.loc, src.type));
  const Resolved dst = resolve(e, f, pre, i.dst, eff);
  eff.fail(Rule::F_Leak, !writable(e, pre, dst.loc, dst.type));
  const std::int64_t block = e.fresh_block();
  SymState& s = eff.post;
  new_block(e, s, block, e.num(1), kBox);
  s.st = z3::store(s.st, dst.loc, kInit);
  s.val = z3::store(s.val, dst.loc, e.num(block));
  s.aux = z3::store(s.aux, dst.loc, e.num(0));
  move_in(e, eff, pending, e.num(block), src.loc, src.type, e.ctx.bool_val(true));
  return eff;
}

// E-List-New: `π := list_new [π1…πn]`; every πi whole_init, π writable; a Buffer of n cells, moves.
Effect encode_E_List_New(Enc& e, const FrameEnv& f, const SymState& pre, const ir::ListNew& i,
                         std::vector<PendingMove>* pending) {
  Effect eff(pre);
  eff.rule = Rule::E_List_New;
  std::vector<Resolved> elems;
  for (const ir::Place& p : i.elements) {
    elems.push_back(resolve(e, f, pre, p, eff));
    eff.fail(Rule::F_Uninit, !whole_init(e, pre, elems.back().loc, elems.back().type));
  }
  const Resolved dst = resolve(e, f, pre, i.dst, eff);
  eff.fail(Rule::F_Leak, !writable(e, pre, dst.loc, dst.type));
  const auto n = static_cast<std::int64_t>(elems.size());
  if (n > kMaxCells) eff.cut(e.ctx.bool_val(true));
  const ir::TypeId elem = i.element != ir::none ? i.element : e.m.types.at(dst.type).element;
  const std::int64_t block = e.fresh_block();
  SymState& s = eff.post;
  new_block(e, s, block, e.num(n), kBuffer);
  s.st = z3::store(s.st, dst.loc, kInit);
  s.val = z3::store(s.val, dst.loc, e.num(block));
  s.aux = z3::store(s.aux, dst.loc, e.num(n));
  const std::int64_t w = e.layouts.width(elem);
  for (std::int64_t k = 0; k < n && k < kMaxCells; ++k)
    move_in(e, eff, pending, e.num(block + k * w), elems[static_cast<std::size_t>(k)].loc, elem,
            e.ctx.bool_val(true));
  return eff;
}

// E-List-Append: `list_append π ← π'`; room: move into cell n; full: a Buffer of max(1, 2c) cells,
// elements moved over, the old buffer released, then π' moved in.
Effect encode_E_List_Append(Enc& e, const FrameEnv& f, const SymState& pre, const ir::ListAppend& i,
                            std::vector<PendingMove>* pending) {
  Effect eff(pre);
  eff.rule = Rule::E_List_Append;
  const Resolved l = resolve(e, f, pre, i.list, eff);
  const ir::TypeInfo& info = e.m.types.at(l.type);
  if (info.kind != ir::TypeKind::List) throw Unsupported{"append to " + info.name};
  eff.fail(Rule::F_Uninit, z3::select(pre.st, l.loc) != kInit);
  const z3::expr b = z3::select(pre.val, l.loc), n = z3::select(pre.aux, l.loc);
  eff.fail(Rule::F_Dangling, z3::select(pre.bst, b) != kLive);
  const Resolved src = resolve(e, f, pre, i.src, eff);
  eff.fail(Rule::F_Uninit, !whole_init(e, pre, src.loc, src.type));
  const ir::TypeId elem = info.element;
  const z3::expr w = e.num(e.layouts.width(elem));
  const z3::expr cap = z3::select(pre.bsize, b);
  const z3::expr room = n < cap;
  const z3::expr grown = z3::ite(cap == 0, e.num(1), cap * 2);
  eff.cut(!room && grown > e.num(kMaxCells));
  // Room: list(b, n+1), then heap(b, n) := move π'.
  Effect a(pre);
  a.post.aux = z3::store(a.post.aux, l.loc, n + 1);
  move_in(e, a, pending, b + n * w, src.loc, src.type, room);
  // Full: a fresh Buffer b', the elements moved over in order, b released, then heap(b', n) := move π'.
  Effect g(pre);
  const std::int64_t nb = e.fresh_block();
  const z3::expr B = e.num(nb);
  const z3::expr full = !room;
  SymState& s = g.post;
  s.bst = z3::store(s.bst, B, z3::ite(full, e.num(kLive), z3::select(s.bst, B)));
  s.bsize = z3::store(s.bsize, B, z3::ite(full, grown, z3::select(s.bsize, B)));
  s.bkind = z3::store(s.bkind, B, z3::ite(full, e.num(kBuffer), z3::select(s.bkind, B)));
  s.val = z3::store(s.val, l.loc, z3::ite(full, B, b));
  s.aux = z3::store(s.aux, l.loc, z3::ite(full, n + 1, n));
  for (std::int64_t k = 0; k < kMaxCells; ++k)
    move_in(e, g, pending, B + e.num(k) * w, b + e.num(k) * w, elem, full && e.num(k) < n);
  if (pending) pending->push_back(PendingMove{full, b, b, elem, true});
  else release_block_if(e, g, b, elem, full);
  move_in(e, g, pending, B + n * w, src.loc, src.type, full);
  // Both cases' failures are guarded by their case, so they never overlap.
  for (const FaultCase& fc : a.faults) eff.faults.push_back(fc);
  for (const FaultCase& fc : g.faults) eff.faults.push_back(fc);
  eff.post = ite(room, a.post, g.post);
  return eff;
}

}  // namespace ownmodel::solver
