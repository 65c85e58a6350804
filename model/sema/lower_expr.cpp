// Lowering of expressions at sub-expression granularity (docs/semantics.md §6,
// D7, D9): places, reads, owned values built into their destination, operators
// and list literals; and the write helpers that pick `store` for places behind
// a reference (D4).
#include <algorithm>

#include <fmt/format.h>

#include "model/sema/lower_impl.h"
#include "model/syntax/print.h"

namespace ownmodel::sema::detail {

/* --- Writes ---------------------------------------------------------------------- */

void FnLowerer::write_const(const Target& t, ir::Const c, Span span) {
  if (t.store) emit(ir::Store{t.place, std::move(c)}, span);
  else emit(ir::AssignConst{t.place, std::move(c)}, span);
}

void FnLowerer::write_op(const Target& t, ir::OpApp app, Span span) {
  if (t.store) emit(ir::Store{t.place, std::move(app)}, span);
  else emit(ir::AssignOp{t.place, std::move(app)}, span);
}

void FnLowerer::write_copy(const Target& t, const ir::Place& src, ir::CopyOrigin o, Span span) {
  if (t.store && o == ir::CopyOrigin::Implicit) {
    emit(ir::Store{t.place, ir::StoreCopy{src}}, span);
    return;
  }
  const TypeId type = ir::type_of(c_.mod, fn(), src);
  const ir::Place dst = rooted_dst(t, type, span);
  emit(ir::Copy{dst, src, o}, span);
  copy_origins(dst, src);
  finish_store(t, dst, span);
}

void FnLowerer::write_move(const Target& t, const ir::Place& src, Span span) {
  if (t.store) {
    emit(ir::Store{t.place, ir::StoreMove{src}}, span);
    return;
  }
  emit(ir::Move{t.place, src}, span);
  copy_origins(t.place, src);
}

ir::Place FnLowerer::rooted_dst(const Target& t, TypeId type, Span span) {
  if (!t.store) return t.place;
  return ir::Place{new_temp(type, span), {}, span};
}

void FnLowerer::finish_store(const Target& t, const ir::Place& tmp, Span span) {
  if (t.store) emit(ir::Store{t.place, ir::StoreMove{tmp}}, span);
}

// D8: a copy of a pointer with a tracked origin carries the origin too.
void FnLowerer::copy_origins(const ir::Place& dst, const ir::Place& src) {
  if (!src.path.empty() || !dst.path.empty()) return;
  const ir::Slot& s = fn().slots[src.slot];
  if (s.holding != ir::Holding::Value || s.origins.empty()) return;
  if (!c_.is_kind(s.type, ir::TypeKind::UnsafePointer)) return;
  add_origins(dst, std::vector<ir::Place>(s.origins));
}

void FnLowerer::add_origins(const ir::Place& dst, const std::vector<ir::Place>& origins) {
  if (!dst.path.empty()) return;
  ir::Slot& d = fn().slots[dst.slot];
  if (d.holding != ir::Holding::Value) return;
  for (const ir::Place& o : origins) {
    const bool seen = std::any_of(d.origins.begin(), d.origins.end(), [&](const ir::Place& p) {
      return p.slot == o.slot && p.path == o.path;
    });
    if (!seen) d.origins.push_back(o);
  }
}

DestFn FnLowerer::temp_dest(Span span, SlotId* slot_out) {
  auto slot = std::make_shared<SlotId>(none);
  return [this, span, slot, slot_out](TypeId t) {
    if (*slot == none) {
      *slot = new_temp(t == none ? c_.mod.int_type : t, span);
      if (slot_out) *slot_out = *slot;
    }
    return Target{ir::Place{*slot, {}, span}, false};
  };
}

/* --- Places ---------------------------------------------------------------------- */

bool FnLowerer::is_place_expr(const ast::Expr& e) {
  if (const auto* n = std::get_if<ast::Name>(&e.node)) {
    if (lookup(n->id)) return true;
    return !c_.functions.count(n->id) && !c_.structs.count(n->id);
  }
  if (std::holds_alternative<ast::Field>(e.node)) return true;
  if (const auto* i = std::get_if<ast::Index>(&e.node)) {
    if (const auto* n = std::get_if<ast::Name>(&i->base->node)) {
      if (!lookup(n->id) && (n->id == "List" || n->id == "OwnedPointer" ||
                             n->id == "UnsafePointer" || n->id == "alloc" ||
                             c_.structs.count(n->id)))
        return false;
    }
    return true;
  }
  if (const auto* c = std::get_if<ast::Call>(&e.node)) return is_ref_call(*c);
  return false;
}

PlaceRef FnLowerer::lower_place(const ast::Expr& e) {
  PlaceRef r;
  auto bad = [&](TypeId t = none) {
    r.ok = false;
    r.type = t == none ? c_.mod.int_type : t;
    r.place = ir::Place{new_temp(r.type, e.span), {}, e.span};
    r.temp = true;
    return r;
  };
  if (const auto* n = std::get_if<ast::Name>(&e.node)) {
    if (n->id == "_") {
      c_.s0(e.span, "cannot read from discard pattern '_'");
      return bad();
    }
    auto slot = lookup(n->id);
    if (!slot) {
      if (c_.functions.count(n->id) || c_.structs.count(n->id))
        c_.s0(e.span, fmt::format("'{}' cannot be used as a value", n->id));
      else
        c_.s0(e.span, fmt::format("use of unknown declaration '{}'", n->id));
      return bad();
    }
    const ir::Slot& s = fn().slots[*slot];
    r.type = s.type;
    if (s.holding == ir::Holding::Value) {
      r.place = ir::Place{*slot, {}, e.span};
      r.is_mutable = s.is_mutable;
      r.imm_root = !s.is_mutable;
      r.rooted_var = true;
    } else {
      r.place = ir::Place{*slot, {ir::Proj{ir::ProjKind::Deref}}, e.span};
      r.is_mutable = s.holding == ir::Holding::MutRef;
      r.imm_root = !r.is_mutable;
      r.rooted_var = s.kind != ir::SlotKind::RefBinding;
    }
    return r;
  }
  if (const auto* f = std::get_if<ast::Field>(&e.node)) {
    PlaceRef b = lower_place(*f->base);
    if (!b.ok) return b;
    if (!c_.is_kind(b.type, ir::TypeKind::Struct)) {
      c_.s0(e.span, fmt::format("'{}' value has no attribute '{}'", c_.type_name(b.type), f->field));
      return bad();
    }
    const auto& fields = c_.info(b.type).fields;
    auto it = std::find_if(fields.begin(), fields.end(),
                           [&](const ir::FieldInfo& fi) { return fi.name == f->field; });
    if (it == fields.end()) {
      c_.s0(e.span, fmt::format("'{}' value has no attribute '{}'", c_.type_name(b.type), f->field));
      return bad();
    }
    r = b;
    r.place.path.push_back(
        ir::Proj{ir::ProjKind::Field, static_cast<std::uint32_t>(it - fields.begin())});
    r.place.span = e.span;
    r.type = it->type;
    return r;
  }
  if (const auto* i = std::get_if<ast::Index>(&e.node); i && is_place_expr(e)) {
    PlaceRef b = lower_place(*i->base);
    if (!b.ok) return b;
    const ir::TypeKind k = c_.info(b.type).kind;
    const TypeId elem = c_.info(b.type).element;
    ir::Proj proj;
    if (k == ir::TypeKind::List && i->indices.size() == 1) {
      proj.kind = ir::ProjKind::Element;
      index_operand(i->indices[0], proj);
      r = b;
    } else if ((k == ir::TypeKind::OwnedPointer || k == ir::TypeKind::UnsafePointer) &&
               i->indices.empty()) {
      proj.kind = ir::ProjKind::Pointee;
      r = b;
      if (k == ir::TypeKind::UnsafePointer) r.is_mutable = true, r.imm_root = false;
    } else if (k == ir::TypeKind::UnsafePointer && i->indices.size() == 1) {
      proj.kind = ir::ProjKind::Element;
      index_operand(i->indices[0], proj);
      r = b;
      r.is_mutable = true;
      r.imm_root = false;
    } else {
      c_.s0(e.span, fmt::format("'{}' is not subscriptable{}", c_.type_name(b.type),
                                k == ir::TypeKind::List ? " with these indices" : ""));
      return bad();
    }
    r.place.path.push_back(proj);
    r.place.span = e.span;
    r.type = elem;
    r.rooted_var = false;
    r.temp = b.temp;
    return r;
  }
  if (const auto* c = std::get_if<ast::Call>(&e.node); c && is_ref_call(*c)) {
    PlaceRef out;
    out.ok = false;
    lower_call(*c, e.span, nullptr, &out);
    if (!out.ok) return bad(out.type);
    return out;
  }
  // An rvalue: materialize it in a temporary (D9). It is not a mutable place.
  SlotId slot = none;
  const TypeId t = lower_owned(e, none, temp_dest(e.span, &slot));
  if (slot == none || t == none) return bad(t == c_.mod.none_type ? none : t);
  r.place = ir::Place{slot, {}, e.span};
  r.type = t;
  r.temp = true;
  r.is_mutable = false;
  r.ok = !c_.fatal || t != none;
  return r;
}

ir::Operand FnLowerer::index_operand(const ast::Expr& e, ir::Proj& proj) {
  if (const auto* lit = std::get_if<ast::IntLit>(&e.node)) {
    proj.index_const = lit->value;
    return ir::Operand{ir::Const{lit->value}};
  }
  Value v = lower_read(e, c_.mod.int_type);
  if (v.ok) check_assignable(v.type, c_.mod.int_type, e.span);
  if (const auto* c = std::get_if<ir::Const>(&v.op.value)) {
    if (const auto* i = std::get_if<std::int64_t>(&c->value)) proj.index_const = *i;
    return v.op;
  }
  const ir::Place& p = std::get<ir::Place>(v.op.value);
  if (p.path.empty() && fn().slots[p.slot].holding == ir::Holding::Value) {
    proj.index_slot = p.slot;
    return v.op;
  }
  // The index lives in its own slot so the place stays a slot plus projections.
  const SlotId t = new_temp(c_.mod.int_type, e.span);
  emit(ir::Copy{ir::Place{t, {}, e.span}, p, ir::CopyOrigin::Implicit}, e.span);
  proj.index_slot = t;
  return ir::Operand{ir::Place{t, {}, e.span}};
}

/* --- Values ---------------------------------------------------------------------- */

Value FnLowerer::lower_read(const ast::Expr& e, TypeId expected) {
  Value v;
  if (const auto* i = std::get_if<ast::IntLit>(&e.node)) {
    v.op = ir::Operand{ir::Const{i->value}};
    v.type = c_.mod.int_type;
    return v;
  }
  if (const auto* b = std::get_if<ast::BoolLit>(&e.node)) {
    v.op = ir::Operand{ir::Const{b->value}};
    v.type = c_.mod.bool_type;
    return v;
  }
  if (const auto* s = std::get_if<ast::StringLit>(&e.node)) {
    v.op = ir::Operand{ir::Const{s->value}};
    v.type = c_.mod.string_type;
    return v;
  }
  if (const auto* u = std::get_if<ast::Unary>(&e.node); u && u->op == ast::UnaryOp::Neg) {
    if (const auto* i = std::get_if<ast::IntLit>(&u->operand->node)) {
      v.op = ir::Operand{ir::Const{static_cast<std::int64_t>(0ULL - static_cast<std::uint64_t>(i->value))}};
      v.type = c_.mod.int_type;
      return v;
    }
  }
  if (is_place_expr(e)) {
    PlaceRef p = lower_place(e);
    v.op = ir::Operand{p.place};
    v.type = p.ok ? p.type : none;
    v.ok = p.ok;
    return v;
  }
  return materialize_read(e, expected);
}

Value FnLowerer::materialize_read(const ast::Expr& e, TypeId expected) {
  Value v;
  SlotId slot = none;
  const TypeId t = lower_owned(e, expected, temp_dest(e.span, &slot));
  v.type = t;
  v.ok = t != none;
  if (slot == none) {
    // No value was produced (NoneType, or an error): read a placeholder.
    v.op = ir::Operand{ir::Const{std::int64_t{0}}};
    if (t == c_.mod.none_type) v.type = t;
    return v;
  }
  v.op = ir::Operand{ir::Place{slot, {}, e.span}};
  return v;
}

Value FnLowerer::lower_cond(const ast::Expr& e) {
  Value v = lower_read(e, c_.mod.bool_type);
  if (v.ok) check_assignable(v.type, c_.mod.bool_type, e.span);
  return v;
}

ir::Place FnLowerer::owned_place(const ast::Expr& e, TypeId expected, TypeId* type_out) {
  if (const auto* t = std::get_if<ast::Transfer>(&e.node); t && is_place_expr(*t->operand)) {
    PlaceRef p = lower_place(*t->operand);
    bool trivial = false;
    check_transfer(p, e, /*into_new_location=*/true, &trivial);
    *type_out = p.ok ? p.type : none;
    if (!trivial) return p.place;
  }
  SlotId slot = none;
  const TypeId t = lower_owned(e, expected, temp_dest(e.span, &slot));
  *type_out = t;
  if (slot == none) slot = new_temp(t == none ? c_.mod.int_type : t, e.span);
  return ir::Place{slot, {}, e.span};
}

// D7: an owned value demanded from an expression: an rvalue is built in the
// destination; `π^` moves; a place without `^` is an implicit copy (S5a).
TypeId FnLowerer::lower_owned(const ast::Expr& e, TypeId expected, const DestFn& dest) {
  const Span span = e.span;
  if (const auto* i = std::get_if<ast::IntLit>(&e.node)) {
    write_const(dest(c_.mod.int_type), ir::Const{i->value}, span);
    return c_.mod.int_type;
  }
  if (const auto* b = std::get_if<ast::BoolLit>(&e.node)) {
    write_const(dest(c_.mod.bool_type), ir::Const{b->value}, span);
    return c_.mod.bool_type;
  }
  if (const auto* s = std::get_if<ast::StringLit>(&e.node)) {
    write_const(dest(c_.mod.string_type), ir::Const{s->value}, span);
    return c_.mod.string_type;
  }
  if (const auto* l = std::get_if<ast::ListLit>(&e.node)) return lower_list_lit(*l, span, expected, dest);
  if (const auto* u = std::get_if<ast::Unary>(&e.node)) return lower_unary(*u, span, dest);
  if (const auto* b = std::get_if<ast::Binary>(&e.node)) {
    if (b->op == ast::BinaryOp::And || b->op == ast::BinaryOp::Or) return lower_logic(*b, span, dest);
    return lower_binary(*b, span, dest);
  }
  if (const auto* t = std::get_if<ast::Transfer>(&e.node)) {
    if (!is_place_expr(*t->operand)) {
      // W2: `^` on an rvalue does nothing.
      c_.sink.report(Rule::W2, span, "transfer from an owned value has no effect and can be removed");
      return lower_owned(*t->operand, expected, dest);
    }
    PlaceRef p = lower_place(*t->operand);
    if (!p.ok) return none;
    bool trivial = false;
    check_transfer(p, e, /*into_new_location=*/true, &trivial);
    if (trivial) write_copy(dest(p.type), p.place, ir::CopyOrigin::Implicit, span);
    else write_move(dest(p.type), p.place, span);
    return p.type;
  }
  if (is_place_expr(e)) {
    PlaceRef p = lower_place(e);
    if (!p.ok) return none;
    check_implicit_copy(p.type, span);
    write_copy(dest(p.type), p.place, ir::CopyOrigin::Implicit, span);
    return p.type;
  }
  if (const auto* c = std::get_if<ast::Call>(&e.node)) return lower_call(*c, span, &dest, nullptr);
  if (const auto* n = std::get_if<ast::Name>(&e.node)) {
    c_.s0(span, fmt::format("'{}' cannot be used as a value", n->id));
    return none;
  }
  if (std::holds_alternative<ast::Index>(e.node)) {
    c_.s0(span, "a type cannot be used as a value");
    return none;
  }
  c_.s0(span, "expression cannot be used as a value");
  return none;
}

TypeId FnLowerer::lower_unary(const ast::Unary& u, Span span, const DestFn& dest) {
  if (u.op == ast::UnaryOp::Neg) {
    if (const auto* i = std::get_if<ast::IntLit>(&u.operand->node)) {
      write_const(dest(c_.mod.int_type),
                  ir::Const{static_cast<std::int64_t>(0ULL - static_cast<std::uint64_t>(i->value))},
                  span);
      return c_.mod.int_type;
    }
  }
  Value v = lower_read(*u.operand);
  if (!v.ok) return none;
  const bool neg = u.op == ast::UnaryOp::Neg;
  const TypeId want = neg ? c_.mod.int_type : c_.mod.bool_type;
  if (v.type != want) {
    c_.s0(span, fmt::format("invalid operand of type '{}' for unary '{}'", c_.type_name(v.type),
                            neg ? "-" : "not"));
    return none;
  }
  write_op(dest(want), ir::OpApp{neg ? ir::OpKind::Neg : ir::OpKind::Not, {v.op}}, span);
  return want;
}


TypeId FnLowerer::lower_binary(const ast::Binary& b, Span span, const DestFn& dest) {
  Value l = lower_read(*b.lhs);
  Value r = lower_read(*b.rhs);
  if (!l.ok || !r.ok) return none;
  const TypeId I = c_.mod.int_type, B = c_.mod.bool_type, S = c_.mod.string_type;
  std::optional<ir::OpKind> op;
  TypeId result = none;
  const bool cmp = b.op == ast::BinaryOp::Eq || b.op == ast::BinaryOp::Ne ||
                   b.op == ast::BinaryOp::Lt || b.op == ast::BinaryOp::Le ||
                   b.op == ast::BinaryOp::Gt || b.op == ast::BinaryOp::Ge;
  auto cmp_op = [&]() {
    switch (b.op) {
      case ast::BinaryOp::Eq: return ir::OpKind::Eq;
      case ast::BinaryOp::Ne: return ir::OpKind::Ne;
      case ast::BinaryOp::Lt: return ir::OpKind::Lt;
      case ast::BinaryOp::Le: return ir::OpKind::Le;
      case ast::BinaryOp::Gt: return ir::OpKind::Gt;
      default: return ir::OpKind::Ge;
    }
  };
  if (l.type == I && r.type == I) {
    if (cmp) op = cmp_op(), result = B;
    else {
      result = I;
      switch (b.op) {
        case ast::BinaryOp::Add: op = ir::OpKind::Add; break;
        case ast::BinaryOp::Sub: op = ir::OpKind::Sub; break;
        case ast::BinaryOp::Mul: op = ir::OpKind::Mul; break;
        case ast::BinaryOp::FloorDiv: op = ir::OpKind::FloorDiv; break;
        case ast::BinaryOp::Mod: op = ir::OpKind::Mod; break;
        default: break;
      }
    }
  } else if ((l.type == B && r.type == B) || (l.type == S && r.type == S)) {
    if (b.op == ast::BinaryOp::Eq || b.op == ast::BinaryOp::Ne) op = cmp_op(), result = B;
    else if (l.type == S && b.op == ast::BinaryOp::Add) op = ir::OpKind::Concat, result = S;
  } else if (c_.is_kind(l.type, ir::TypeKind::UnsafePointer) && r.type == I &&
             b.op == ast::BinaryOp::Add) {
    op = ir::OpKind::PtrOffset;
    result = l.type;
  }
  if (!op) {
    c_.s0(span, fmt::format("invalid operands of types '{}' and '{}' for '{}'", c_.type_name(l.type),
                            c_.type_name(r.type), spelling(b.op)));
    return none;
  }
  write_op(dest(result), ir::OpApp{*op, {l.op, r.op}}, span);
  return result;
}

// `and`/`or` evaluate their right operand only when needed: they are branches (§6).
TypeId FnLowerer::lower_logic(const ast::Binary& b, Span span, const DestFn& dest) {
  const bool is_and = b.op == ast::BinaryOp::And;
  Value l = lower_cond(*b.lhs);
  const Target t = dest(c_.mod.bool_type);
  const BlockId rhs_b = new_block(is_and ? "and.rhs" : "or.rhs");
  const BlockId short_b = new_block(is_and ? "and.short" : "or.short");
  const BlockId join = new_block(is_and ? "and.end" : "or.end");
  terminate(ir::Branch{l.op, is_and ? rhs_b : short_b, is_and ? short_b : rhs_b}, b.lhs->span);
  set_block(short_b);
  write_const(t, ir::Const{!is_and}, span);
  goto_block(join, span);
  set_block(rhs_b);
  Value r = lower_cond(*b.rhs);
  if (const auto* c = std::get_if<ir::Const>(&r.op.value)) write_const(t, *c, span);
  else write_copy(t, std::get<ir::Place>(r.op.value), ir::CopyOrigin::Implicit, span);
  goto_block(join, span);
  set_block(join);
  return c_.mod.bool_type;
}

// `[e1, …]` builds each element in a temporary (or passes `π^`) and moves them
// into a new buffer (D7).
TypeId FnLowerer::lower_list_lit(const ast::ListLit& l, Span span, TypeId expected,
                                 const DestFn& dest) {
  TypeId elem = c_.is_kind(expected, ir::TypeKind::List) ? c_.info(expected).element : none;
  if (l.elements.empty() && elem == none) {
    c_.s0(span, "cannot infer the element type of an empty list literal");
    return none;
  }
  std::vector<ir::Place> places;
  for (const ast::Expr& e : l.elements) {
    TypeId t = none;
    places.push_back(owned_place(e, elem, &t));
    if (elem == none) elem = t;
    else check_assignable(t, elem, e.span);
  }
  if (elem == none) return none;
  if (elem == c_.mod.none_type) {
    c_.s0(span, "a list cannot hold 'NoneType' values");
    return none;
  }
  const TypeId list_t = c_.instance(ir::TypeKind::List, elem);
  const Target t = dest(list_t);
  const ir::Place dst = rooted_dst(t, list_t, span);
  emit(ir::ListNew{dst, elem, std::move(places)}, span);
  finish_store(t, dst, span);
  return list_t;
}

}  // namespace ownmodel::sema::detail
