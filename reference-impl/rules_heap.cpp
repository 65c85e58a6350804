// Heap step rules (docs/semantics.md §7.2): E-Alloc, E-Free, E-Ptr-Init,
// E-Ptr-Take, E-Box-New, E-List-New, E-List-Append. UnsafePointer misuse is a
// fault marked `unsafe`, never silently fine.
#include <algorithm>

#include <fmt/format.h>

#include "reference-impl/machine_impl.h"

namespace ownmodel::run::detail {
namespace {

Pending pend(Pending::Kind k, Loc dst, Loc src, const Ctx& c) {
  Pending p;
  p.kind = k;
  p.dst = std::move(dst);
  p.src = std::move(src);
  p.span = c.span;
  p.unsafe = c.unsafe;
  return p;
}

Loc cell(const Ctx& c, HeapBlockId b, std::int64_t i) {
  return root_loc(c.s.blocks[b].cells[static_cast<std::size_t>(i)]);
}

void need_whole(Ctx& c, const Loc& l, std::string_view what) {
  const Tree& t = c.peek(l);
  if (!whole_init(t))
    c.fault(Rule::F_Uninit, fmt::format("{} {} is not initialized", what, c.name(l)), false,
            {"missing: " + first_missing(c.m, c.s, l, t)});
}

void need_writable(Ctx& c, const Loc& l) {
  if (!writable(c.m, c.peek(l)))
    c.fault(Rule::F_Leak, fmt::format("{} is overwritten while it holds a value with a pending destruction",
                                      c.name(l)),
            false, {"forgotten: " + render_tree(c.m, c.s, c.peek(l))});
}

}  // namespace

// E-Alloc: `π := alloc T, o`; o Init int n ≥ 0 (else abort), π writable; a
// fresh Manual block of n Uninit cells, π := ptr(b, 0, untracked).
void step_E_Alloc(Ctx& c, const ir::Alloc& i) {
  c.unsafe = true;
  const Value n = read_operand(c, i.count);
  const auto* k = std::get_if<IntV>(&n);
  if (!k) c.stop(StopKind::Internal, "alloc count is not an Int");
  const Loc dst = resolve(c, i.dst);
  need_writable(c, dst);
  const HeapBlockId b = new_block(c, BlockKind::Manual, i.element, k->v);
  PtrV p;
  p.block = b;
  c.tree(dst) = leaf(place_type(c, i.dst), p);
  advance(c);
}

// E-Free: `free π`; π holds ptr(b, 0) to a Live Manual block whose cells are
// all ended; b becomes Released(by_free). (The `release` form is a pending item.)
void step_E_Free(Ctx& c, const ir::Free& i) {
  c.unsafe = true;
  const Loc l = resolve(c, i.ptr);
  const Value v = read_leaf(c, l, "pointer");
  const auto* p = std::get_if<PtrV>(&v);
  if (!p) c.stop(StopKind::Internal, "free of a value that is not a pointer");
  if (p->block == none)
    c.fault(Rule::F_Invalid_Free, fmt::format("free() of a pointer to the stack location {}", c.name(p->loc)), true,
            {"UnsafePointer(to=...) points to a variable, not to alloc'ed memory"});
  const HeapBlock& b = c.s.blocks.at(p->block);
  if (!b.live)
    c.fault(Rule::F_Double_Free, fmt::format("free() of heap{}, already released", p->block), true,
            {fmt::format("allocated at {}:{}, released at step {} by {}", b.site.line, b.site.col, b.released_step,
                         spec_name(b.released_rule))});
  if (b.kind != BlockKind::Manual)
    c.fault(Rule::F_Invalid_Free,
            fmt::format("free() of heap{}, the {} of its owner", p->block,
                        b.kind == BlockKind::Box ? "OwnedPointer cell" : "List buffer"),
            true);
  if (p->offset != 0)
    c.fault(Rule::F_Invalid_Free, fmt::format("free() of an interior pointer (offset {}) into heap{}", p->offset,
                                              p->block),
            true);
  for (RootId r : b.cells)
    if (!ended(c.m, c.s.roots[r].tree))
      c.fault(Rule::F_Leak, fmt::format("free() of heap{} while {} still holds a value", p->block,
                                        c.name(root_loc(r))),
              true, {"freed with contents: " + render_tree(c.m, c.s, c.s.roots[r].tree)});
  release_block(c, p->block, true);
  advance(c);
}

// E-Ptr-Init: `ptr_init π ← copy|move π'`; resolve(π[]) writable (else F-Leak,
// unsafe); pending [π[] := copy|move π'].
void step_E_Ptr_Init(Ctx& c, const ir::PtrInit& i) {
  c.unsafe = true;
  const Loc cellp = resolve_pointee(c, i.ptr);
  need_writable(c, cellp);
  const Loc src = resolve(c, i.src);
  advance(c);
  push_pending(c.top(), {pend(i.copy ? Pending::Kind::Copy : Pending::Kind::Move, cellp, src, c)});
}

// E-Ptr-Take: `π := ptr_take π'`; resolve(π'[]) whole_init (else F-Uninit,
// unsafe); pending [π := move π'[]].
void step_E_Ptr_Take(Ctx& c, const ir::PtrTake& i) {
  c.unsafe = true;
  const Loc src = resolve_pointee(c, i.ptr);
  need_whole(c, src, "pointee");
  const Loc dst = resolve(c, i.dst);
  advance(c);
  push_pending(c.top(), {pend(Pending::Kind::Move, dst, src, c)});
}

// E-Box-New: `π := box_new π'`; π' whole_init, π writable; a fresh Box block,
// π := box(b), pending [heap(b, 0) := move π'].
void step_E_Box_New(Ctx& c, const ir::BoxNew& i) {
  const Loc src = resolve(c, i.src);
  need_whole(c, src, "OwnedPointer value");
  const Loc dst = resolve(c, i.dst);
  need_writable(c, dst);
  const ir::TypeId box_type = place_type(c, i.dst);
  const HeapBlockId b = new_block(c, BlockKind::Box, c.type(box_type).element, 1);
  c.tree(dst) = leaf(box_type, BoxV{b});
  advance(c);
  push_pending(c.top(), {pend(Pending::Kind::Move, cell(c, b, 0), src, c)});
}

// E-List-New: `π := list_new [π1 … πn]`; every πi whole_init, π writable; a
// Buffer of n cells (capacity = length), pending moves of the elements.
void step_E_List_New(Ctx& c, const ir::ListNew& i) {
  std::vector<Loc> elems;
  elems.reserve(i.elements.size());
  for (const ir::Place& p : i.elements) {
    elems.push_back(resolve(c, p));
    need_whole(c, elems.back(), "list element");
  }
  const Loc dst = resolve(c, i.dst);
  need_writable(c, dst);
  const ir::TypeId list_type = place_type(c, i.dst);
  const ir::TypeId elem = i.element != ir::none ? i.element : c.type(list_type).element;
  const auto n = static_cast<std::int64_t>(elems.size());
  const HeapBlockId b = new_block(c, BlockKind::Buffer, elem, n);
  c.tree(dst) = leaf(list_type, ListV{b, n});
  std::vector<Pending> items;
  for (std::int64_t k = 0; k < n; ++k)
    items.push_back(pend(Pending::Kind::Move, cell(c, b, k), elems[static_cast<std::size_t>(k)], c));
  advance(c);
  push_pending(c.top(), std::move(items));
}

// E-List-Append: `list_append π ← π'`; π Init list(b, n), π' whole_init; room:
// move into cell n; full: a new Buffer of max(1, 2c) cells, move every element
// in index order, release b (references into it now dangle), then move π'.
void step_E_List_Append(Ctx& c, const ir::ListAppend& i) {
  const Loc l = resolve(c, i.list);
  const Value v = read_leaf(c, l, "list");
  const auto* list = std::get_if<ListV>(&v);
  if (!list) c.stop(StopKind::Internal, "append to a value that is not a List");
  const HeapBlock& b = c.s.blocks.at(list->block);
  if (!b.live)
    c.fault(Rule::F_Dangling, fmt::format("append to {} whose buffer heap{} was released", c.name(l), list->block));
  const Loc src = resolve(c, i.src);
  need_whole(c, src, "appended value");
  const auto cap = static_cast<std::int64_t>(b.cells.size());
  const ir::TypeId list_type = c.peek(l).type;
  std::vector<Pending> items;
  if (list->len < cap) {
    c.tree(l) = leaf(list_type, ListV{list->block, list->len + 1});
    items.push_back(pend(Pending::Kind::Move, cell(c, list->block, list->len), src, c));
  } else {
    const HeapBlockId old = list->block;
    const std::int64_t n = list->len;
    const HeapBlockId nb = new_block(c, BlockKind::Buffer, b.element, std::max<std::int64_t>(1, 2 * cap));
    c.tree(l) = leaf(list_type, ListV{nb, n + 1});
    for (std::int64_t k = 0; k < n; ++k) items.push_back(pend(Pending::Kind::Move, cell(c, nb, k), cell(c, old, k), c));
    Pending rel = pend(Pending::Kind::ReleaseBlock, {}, {}, c);
    rel.block = old;
    items.push_back(std::move(rel));
    items.push_back(pend(Pending::Kind::Move, cell(c, nb, n), src, c));
  }
  advance(c);
  push_pending(c.top(), std::move(items));
}

}  // namespace ownmodel::run::detail
