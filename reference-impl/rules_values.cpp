// Step rules over values (docs/semantics.md §7.2): E-Assign, E-Copy, E-Move,
// E-Borrow, E-Destroy, E-Store-Through-Ref, and the lifecycle expansions
// (copy_T, move_T, destroy_T) they share with pending items.
#include <fmt/format.h>

#include "model/syntax/overloaded.h"
#include "reference-impl/machine_impl.h"

namespace ownmodel::run::detail {
namespace {

std::int64_t wrap_add(std::int64_t a, std::int64_t b) {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) + static_cast<std::uint64_t>(b));
}
std::int64_t wrap_sub(std::int64_t a, std::int64_t b) {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) - static_cast<std::uint64_t>(b));
}
std::int64_t wrap_mul(std::int64_t a, std::int64_t b) {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) * static_cast<std::uint64_t>(b));
}

std::int64_t as_int(Ctx& c, const Value& v) {
  if (const auto* i = std::get_if<IntV>(&v)) return i->v;
  c.stop(StopKind::Internal, "operand is not an Int");
}
bool as_bool(Ctx& c, const Value& v) {
  if (const auto* b = std::get_if<BoolV>(&v)) return b->v;
  c.stop(StopKind::Internal, "operand is not a Bool");
}

/// ⟦op(o…)⟧ (§6): Int with 64-bit wrap-around, // and % toward -inf.
Value eval_op(Ctx& c, const ir::OpApp& app) {
  std::vector<Value> v;
  v.reserve(app.operands.size());
  for (const ir::Operand& o : app.operands) v.push_back(read_operand(c, o));
  auto arg = [&](std::size_t i) -> const Value& {
    if (i >= v.size()) c.stop(StopKind::Internal, "operator has too few operands");
    return v[i];
  };
  using K = ir::OpKind;
  switch (app.op) {
    case K::Add: return IntV{wrap_add(as_int(c, arg(0)), as_int(c, arg(1)))};
    case K::Sub: return IntV{wrap_sub(as_int(c, arg(0)), as_int(c, arg(1)))};
    case K::Mul: return IntV{wrap_mul(as_int(c, arg(0)), as_int(c, arg(1)))};
    case K::Neg: return IntV{wrap_sub(0, as_int(c, arg(0)))};
    case K::FloorDiv:
    case K::Mod: {
      const std::int64_t a = as_int(c, arg(0)), b = as_int(c, arg(1));
      if (b == 0) c.stop(StopKind::Aborted, "division by zero");
      if (a == INT64_MIN && b == -1) return IntV{app.op == K::FloorDiv ? INT64_MIN : 0};
      std::int64_t q = a / b, r = a % b;
      if (r != 0 && ((r < 0) != (b < 0))) {
        --q;
        r += b;
      }
      return IntV{app.op == K::FloorDiv ? q : r};
    }
    case K::Eq:
    case K::Ne: {
      const bool eq = arg(0) == arg(1);
      return BoolV{app.op == K::Eq ? eq : !eq};
    }
    case K::Lt: return BoolV{as_int(c, arg(0)) < as_int(c, arg(1))};
    case K::Le: return BoolV{as_int(c, arg(0)) <= as_int(c, arg(1))};
    case K::Gt: return BoolV{as_int(c, arg(0)) > as_int(c, arg(1))};
    case K::Ge: return BoolV{as_int(c, arg(0)) >= as_int(c, arg(1))};
    case K::Not: return BoolV{!as_bool(c, arg(0))};
    case K::Concat: {
      const auto* a = std::get_if<StrV>(&arg(0));
      const auto* b = std::get_if<StrV>(&arg(1));
      if (!a || !b) c.stop(StopKind::Internal, "concat of non-strings");
      return StrV{a->v + b->v};
    }
    case K::Len: {
      if (const auto* l = std::get_if<ListV>(&arg(0))) return IntV{l->len};
      if (const auto* s = std::get_if<StrV>(&arg(0))) return IntV{static_cast<std::int64_t>(s->v.size())};
      c.stop(StopKind::Internal, "len of a value that is not a List or String");
    }
    case K::ToString:
      return std::visit(Overloaded{
                            [](const IntV& i) -> Value { return StrV{std::to_string(i.v)}; },
                            [](const BoolV& b) -> Value { return StrV{b.v ? "True" : "False"}; },
                            [](const StrV& s) -> Value { return s; },
                            [](const ErrV& e) -> Value { return StrV{e.msg}; },
                            [&](const auto&) -> Value { c.stop(StopKind::Internal, "String() of this type"); },
                        },
                        arg(0));
    case K::MakeError: {
      if (const auto* s = std::get_if<StrV>(&arg(0))) return ErrV{s->v};
      c.stop(StopKind::Internal, "Error() of a non-string");
    }
    case K::PtrOffset: {
      const auto* p = std::get_if<PtrV>(&arg(0));
      if (!p) c.stop(StopKind::Internal, "pointer offset of a non-pointer");
      PtrV q = *p;
      q.offset = wrap_add(q.offset, as_int(c, arg(1)));
      return q;
    }
  }
  c.stop(StopKind::Internal, "unknown operator");
}

void require_whole(Ctx& c, const Loc& l, std::string_view what) {
  const Tree& t = c.peek(l);
  if (!whole_init(t))
    c.fault(Rule::F_Uninit, fmt::format("{} {} is not initialized", what, c.name(l)), false,
            {"missing: " + first_missing(c.m, c.s, l, t)});
}

void require_writable(Ctx& c, const Loc& l) {
  if (!writable(c.m, c.peek(l)))
    c.fault(Rule::F_Leak, fmt::format("{} is overwritten while it holds a value with a pending destruction",
                                      c.name(l)),
            false, {"forgotten: " + render_tree(c.m, c.s, c.peek(l))});
}

void check_live(Ctx& c, const Loc& l) {
  const Root& r = c.s.roots.at(l.root);
  if (r.status == RootStatus::Live) return;
  c.fault(Rule::F_Dangling, fmt::format("{} is no longer alive", c.name(l)), false,
          {fmt::format("ended at step {} by {}", r.ended_step, spec_name(r.ended_rule))});
}

bool user_struct(const ir::TypeInfo& t) { return t.kind == ir::TypeKind::Struct && !t.trivial; }

Pending pending(Pending::Kind k, Loc dst, Loc src, const Ctx& c) {
  Pending p;
  p.kind = k;
  p.dst = std::move(dst);
  p.src = std::move(src);
  p.span = c.span;
  p.unsafe = c.unsafe;
  return p;
}

}  // namespace

/* --- lifecycle expansions over locations ------------------------------------ */

void do_copy(Ctx& c, const Loc& dst, const Loc& src) {
  check_live(c, src);
  check_live(c, dst);
  require_whole(c, src, "copy source");
  require_writable(c, dst);
  const Tree st = c.peek(src);
  const ir::TypeInfo& info = c.type(st.type);
  if (user_struct(info)) {
    c.premise(info.copyable, fmt::format("type {} has a copy initializer", info.name));
    if (info.copyable) {
      emit(c, EventKind::Copy, st.type, dst, &src);
      if (info.copy_init != ir::none) {
        push_frame(c, info.copy_init, {ArgBinding{ir::ArgMode::Out, dst, {}}, ArgBinding{ir::ArgMode::Ref, src, {}}},
                   true);
        return;
      }
      Tree& d = c.tree(dst);
      d.init = true;
      std::vector<Pending> items;
      for (std::uint32_t f = 0; f < info.fields.size(); ++f)
        items.push_back(pending(Pending::Kind::Copy, child(dst, f), child(src, f), c));
      push_pending(c.top(), std::move(items));
      return;
    }
  }
  if (info.kind == ir::TypeKind::OwnedPointer || info.kind == ir::TypeKind::List) {
    const bool box = info.kind == ir::TypeKind::OwnedPointer;
    const HeapBlockId b = box ? std::get<BoxV>(st.value).block : std::get<ListV>(st.value).block;
    const std::int64_t n = box ? 1 : std::get<ListV>(st.value).len;
    if (!c.s.blocks.at(b).live)
      c.fault(Rule::F_Dangling, fmt::format("copy of {} whose heap{} was released", c.name(src), b));
    c.premise(info.copyable, fmt::format("type {} is copyable", info.name));
    if (info.copyable) {
      const HeapBlockId nb = new_block(c, box ? BlockKind::Box : BlockKind::Buffer, info.element, n);
      c.tree(dst) = box ? leaf(st.type, BoxV{nb}) : leaf(st.type, ListV{nb, n});
      std::vector<Pending> items;
      for (std::int64_t i = 0; i < n; ++i)
        items.push_back(pending(Pending::Kind::Copy, root_loc(c.s.blocks[nb].cells[static_cast<std::size_t>(i)]),
                                root_loc(c.s.blocks[b].cells[static_cast<std::size_t>(i)]), c));
      push_pending(c.top(), std::move(items));
      return;
    }
  }
  // Built-in non-heap values, trivial structs, and (rules disabled) a
  // bit-for-bit copy that makes two owners of one block.
  c.tree(dst) = st;
}

void do_move(Ctx& c, const Loc& dst, const Loc& src) {
  check_live(c, src);
  check_live(c, dst);
  require_whole(c, src, "move source");
  require_writable(c, dst);
  const ir::TypeId t = c.peek(src).type;
  const ir::TypeInfo& info = c.type(t);
  if (user_struct(info)) {
    c.premise(info.movable, fmt::format("type {} is movable", info.name));
    if (info.movable) {
      emit(c, EventKind::Move, t, dst, &src);
      if (info.move_init != ir::none) {
        push_frame(c, info.move_init, {ArgBinding{ir::ArgMode::Out, dst, {}}, ArgBinding{ir::ArgMode::Own, src, {}}},
                   true);
        return;
      }
      c.tree(dst).init = true;
      c.tree(src).init = false;
      note_uninit(c, src);
      std::vector<Pending> items;
      for (std::uint32_t f = 0; f < info.fields.size(); ++f)
        items.push_back(pending(Pending::Kind::Move, child(dst, f), child(src, f), c));
      push_pending(c.top(), std::move(items));
      return;
    }
  }
  // Relocation: built-in values, trivial structs, non-movable bit moves.
  Tree moved = std::move(c.tree(src));
  c.tree(src) = fresh_tree(c.m, t);
  note_uninit(c, src);
  c.tree(dst) = std::move(moved);
}

void do_destroy(Ctx& c, const Loc& at, std::optional<Rule> placed_by) {
  check_live(c, at);
  const Tree& t = c.peek(at);
  if (!whole_init(t))
    c.fault(Rule::F_Uninit,
            fmt::format("destruction of {}, which is not (wholly) initialized", c.name(at)), false,
            {"missing: " + first_missing(c.m, c.s, at, t)});
  const ir::TypeInfo& info = c.type(t.type);
  if (!info.deinitable)
    c.fault(Rule::F_Linear_Abandoned,
            fmt::format("implicit destruction of {} of linear type {}", c.name(at), info.name), false,
            {placed_by ? fmt::format("the destroy was placed by {}", spec_name(*placed_by))
                       : std::string("destroyed as part of its owner"),
             info.explicit_destroy_message.empty() ? std::string("@explicit_destroy without a message")
                                                   : "@explicit_destroy: " + info.explicit_destroy_message});
  note_uninit(c, at);
  if (user_struct(info)) {
    emit(c, EventKind::Del, t.type, at);
    if (info.deinit != ir::none) {
      push_frame(c, info.deinit, {ArgBinding{ir::ArgMode::Own, at, {}}}, true);
      return;
    }
    // No __deinit__: the struct is gone, then its non-trivial fields in order.
    Tree& d = c.tree(at);
    d.init = false;
    std::vector<Pending> items;
    for (std::uint32_t f = 0; f < info.fields.size(); ++f) {
      const ir::TypeInfo& ft = c.type(info.fields[f].type);
      if (ft.trivial) d.fields[f] = fresh_tree(c.m, info.fields[f].type);
      else items.push_back(pending(Pending::Kind::Destroy, child(at, f), {}, c));
    }
    push_pending(c.top(), std::move(items));
    return;
  }
  if (info.kind == ir::TypeKind::OwnedPointer || info.kind == ir::TypeKind::List) {
    const bool box = info.kind == ir::TypeKind::OwnedPointer;
    const HeapBlockId b = box ? std::get<BoxV>(t.value).block : std::get<ListV>(t.value).block;
    const std::int64_t n = box ? 1 : std::get<ListV>(t.value).len;
    const HeapBlock& block = c.s.blocks.at(b);
    if (!block.live)
      c.fault(Rule::F_Double_Free, fmt::format("destruction of {} whose heap{} was already released", c.name(at), b),
              false, {fmt::format("released at step {} by {}", block.released_step, spec_name(block.released_rule))});
    std::vector<Pending> items;
    if (!c.type(info.element).trivial)
      for (std::int64_t i = 0; i < n; ++i)
        items.push_back(pending(Pending::Kind::Destroy, root_loc(block.cells[static_cast<std::size_t>(i)]), {}, c));
    items.push_back(pending(Pending::Kind::Release, at, {}, c));
    push_pending(c.top(), std::move(items));
    return;
  }
  c.tree(at) = fresh_tree(c.m, t.type);
}

void do_release(Ctx& c, const Loc& owner) {
  const Value& v = read_leaf(c, owner, "owner");
  HeapBlockId b = none;
  if (const auto* box = std::get_if<BoxV>(&v)) b = box->block;
  else if (const auto* list = std::get_if<ListV>(&v)) b = list->block;
  else c.stop(StopKind::Internal, "release of a value that owns no block");
  const HeapBlock& block = c.s.blocks.at(b);
  if (!block.live)
    c.fault(Rule::F_Double_Free, fmt::format("heap{} released twice", b), false,
            {fmt::format("first released at step {} by {}", block.released_step, spec_name(block.released_rule))});
  for (RootId r : block.cells)
    if (!ended(c.m, c.s.roots[r].tree))
      c.fault(Rule::F_Leak, fmt::format("heap{} released while {} still holds a value", b, c.name(root_loc(r))),
              false, {render_tree(c.m, c.s, c.s.roots[r].tree)});
  release_block(c, b, false);
  c.tree(owner) = fresh_tree(c.m, c.peek(owner).type);
}

/* --- the rules ---------------------------------------------------------------- */

// E-Assign: `π := const c | op(o…)`; operands Init, π writable (F-Uninit, F-Leak).
void step_E_Assign(Ctx& c, const ir::Instr& i) {
  Value v;
  const ir::Place* dst = nullptr;
  if (const auto* k = std::get_if<ir::AssignConst>(&i.node)) {
    v = read_operand(c, ir::Operand{k->value});
    dst = &k->dst;
  } else {
    const auto& a = std::get<ir::AssignOp>(i.node);
    v = eval_op(c, a.app);
    dst = &a.dst;
  }
  const Loc l = resolve(c, *dst);
  require_writable(c, l);
  c.tree(l) = leaf(place_type(c, *dst), std::move(v));
  advance(c);
}

// E-Copy: `π := copy π'`; π' whole_init, π writable; runs copy_T (a user copy
// initializer is a frame; synthesized and built-in copies are pending items).
void step_E_Copy(Ctx& c, const ir::Copy& i) {
  const Loc src = resolve(c, i.src);
  const Loc dst = resolve(c, i.dst);
  advance(c);  // before a pushed initializer frame, whose return does not advance
  do_copy(c, dst, src);
}

// E-Move: `π := move π'`; π' whole_init (else use after move), π writable; runs move_T.
void step_E_Move(Ctx& c, const ir::Move& i) {
  const Loc src = resolve(c, i.src);
  const Loc dst = resolve(c, i.dst);
  advance(c);
  do_move(c, dst, src);
}

// E-Borrow: `π := borrow[mut] π'` / `π := addr π'`; π' whole_init; π gets ref(ℓ', m) or ptr.
void step_E_Borrow(Ctx& c, const ir::Borrow& i) {
  const Loc src = resolve(c, i.src);
  require_whole(c, src, "borrowed place");
  const Loc dst = resolve(c, i.dst);
  Value v;
  if (i.kind == ir::BorrowKind::Addr) {
    PtrV p;
    const Root& r = c.s.roots[src.root];
    if (r.heap && src.path.empty()) {
      p.block = r.block;
      p.offset = r.index;
    } else {
      p.loc = src;
    }
    p.tracked = true;
    v = p;
  } else {
    v = RefV{src, i.kind == ir::BorrowKind::Mut};
  }
  c.tree(dst) = leaf(place_type(c, i.dst), std::move(v));
  advance(c);
}

// E-Destroy: `destroy π`; π whole_init (F-Uninit), its type Deinitable
// (F-Linear-Abandoned); runs destroy_T: `del`, the user __deinit__ frame, fields.
void step_E_Destroy(Ctx& c, const ir::Destroy& i) {
  const Loc at = resolve(c, i.place);
  advance(c);
  do_destroy(c, at, i.rule);
}

// E-Store-Through-Ref: `store π ← rhs`; π whole_init (no initializing raw
// memory), rhs operands Init; pending [destroy π ; π := rhs] (D4).
void step_E_Store_Through_Ref(Ctx& c, const ir::Store& i) {
  std::optional<Pending> init;
  std::visit(Overloaded{
                 [&](const ir::StoreCopy& s) {
                   Loc src = resolve(c, s.src);
                   require_whole(c, src, "store source");
                   init = pending(Pending::Kind::Copy, {}, std::move(src), c);
                 },
                 [&](const ir::StoreMove& s) {
                   Loc src = resolve(c, s.src);
                   require_whole(c, src, "store source");
                   init = pending(Pending::Kind::Move, {}, std::move(src), c);
                 },
                 [&](const ir::Const& k) {
                   init = pending(Pending::Kind::Assign, {}, {}, c);
                   init->value = read_operand(c, ir::Operand{k});
                 },
                 [&](const ir::OpApp& app) {
                   init = pending(Pending::Kind::Assign, {}, {}, c);
                   init->value = eval_op(c, app);
                 },
             },
             i.source);
  const Loc dst = resolve(c, i.dst);
  const Tree& t = c.peek(dst);
  if (!whole_init(t))
    c.fault(Rule::F_Uninit,
            fmt::format("store through a reference into {}, which holds no initialized value", c.name(dst)),
            false, {"missing: " + first_missing(c.m, c.s, dst, t)});
  init->dst = dst;
  std::vector<Pending> items{pending(Pending::Kind::Destroy, dst, {}, c), std::move(*init)};
  advance(c);
  push_pending(c.top(), std::move(items));
}

void step_pending(Ctx& c, const Pending& p) {
  switch (p.kind) {
    case Pending::Kind::Copy: do_copy(c, p.dst, p.src); break;
    case Pending::Kind::Move: do_move(c, p.dst, p.src); break;
    case Pending::Kind::Destroy: do_destroy(c, p.dst); break;
    case Pending::Kind::Release: do_release(c, p.dst); break;
    case Pending::Kind::ReleaseBlock: {
      const HeapBlock& b = c.s.blocks.at(p.block);
      if (!b.live) c.fault(Rule::F_Double_Free, fmt::format("heap{} released twice", p.block));
      for (RootId r : b.cells)
        if (!ended(c.m, c.s.roots[r].tree))
          c.fault(Rule::F_Leak, fmt::format("heap{} released while {} still holds a value", p.block,
                                            c.name(root_loc(r))));
      release_block(c, p.block, false);
      break;
    }
    case Pending::Kind::Assign: {
      check_live(c, p.dst);
      require_writable(c, p.dst);
      const ir::TypeId t = c.peek(p.dst).type;
      c.tree(p.dst) = leaf(t, p.value);
      break;
    }
  }
}

}  // namespace ownmodel::run::detail
