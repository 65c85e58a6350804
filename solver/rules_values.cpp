// Encodings of the value rules (docs/semantics.md §7.2): resolution, E-Assign,
// E-Copy, E-Move, E-Borrow, E-Destroy, E-Store-Through-Ref, E-Branch,
// E-Print, E-Goto. Written from the spec, independently of reference-impl/.
#include <functional>

#include "solver/rules.h"

namespace ownmodel::solver {

namespace {

z3::expr sel(const z3::expr& a, const z3::expr& i) { return z3::select(a, i); }

const ir::TypeInfo& tinfo(Enc& e, ir::TypeId t) { return e.m.types.at(t); }

/// The cell `extra` past the pointer held at `loc` (§7.1 `π[]`, `π[o]` through ptr).
z3::expr through_pointer(Enc& e, const SymState& s, const z3::expr& loc, const z3::expr& extra,
                         ir::TypeId element, Effect& eff) {
  eff.fail(Rule::F_Uninit, sel(s.st, loc) != kInit);
  const z3::expr b = sel(s.val, loc);
  const z3::expr k = sel(s.aux, loc) + extra;
  const z3::expr kind = sel(s.bkind, b), status = sel(s.bst, b);
  const z3::expr heap = kind != kStackTarget;
  eff.fail(Rule::F_Use_After_Free, heap && status == kFreedByFree);
  eff.fail(Rule::F_Dangling, heap && status == kReleasedByOwner);
  eff.fail(Rule::F_Use_After_Free, !heap && b >= e.num(kHeapBase) && !alive(e, s, b));
  eff.fail(Rule::F_Dangling, !heap && !alive(e, s, b));
  eff.fail(Rule::F_Out_Of_Bounds, k < 0 || k >= sel(s.bsize, b));
  return b + k * e.num(e.layouts.width(element));
}

}  // namespace

bool hook_free(const ir::Module& m, ir::TypeId t) {
  const ir::TypeInfo& info = m.types.at(t);
  if (info.kind == ir::TypeKind::List || info.kind == ir::TypeKind::OwnedPointer) return false;
  if (info.kind != ir::TypeKind::Struct) return true;
  if (info.copy_init != ir::none || info.move_init != ir::none || info.deinit != ir::none) return false;
  for (const ir::FieldInfo& f : info.fields)
    if (!hook_free(m, f.type)) return false;
  return true;
}

Resolved resolve(Enc& e, const FrameEnv& f, const SymState& s, const ir::Place& p, Effect& eff) {
  const ir::Slot& sl = f.fn->slots.at(p.slot);
  z3::expr loc = f.slot_loc.at(p.slot);
  ir::TypeId t = sl.type;
  bool holds_ref = sl.holding != ir::Holding::Value;
  for (const ir::Proj& proj : p.path) {
    switch (proj.kind) {
      case ir::ProjKind::Field:
        if (holds_ref) throw Unsupported{"field of a reference cell"};
        loc = loc + e.num(e.layouts.field_offset(t, proj.field));
        t = tinfo(e, t).fields.at(proj.field).type;
        break;
      case ir::ProjKind::Deref: {
        eff.fail(Rule::F_Uninit, sel(s.st, loc) != kInit);
        const z3::expr target = sel(s.val, loc);
        const z3::expr block = target - z3::mod(target - e.num(kHeapBase), e.num(kHeapStride));
        eff.fail(Rule::F_Use_After_Free, target >= e.num(kHeapBase) && sel(s.bst, block) == kFreedByFree);
        eff.fail(Rule::F_Dangling, !alive(e, s, target));
        loc = target;
        holds_ref = false;
        break;
      }
      case ir::ProjKind::Pointee:
      case ir::ProjKind::Element: {
        if (holds_ref) throw Unsupported{"subscript of a reference cell"};
        const ir::TypeInfo& info = tinfo(e, t);
        if (info.kind != ir::TypeKind::UnsafePointer)
          throw Unsupported{"subscript of " + info.name + " (only UnsafePointer is encoded)"};
        z3::expr extra = e.num(0);
        if (proj.kind == ir::ProjKind::Element) {
          if (proj.index_slot == ir::none) {
            extra = e.num(proj.index_const);
          } else {
            const z3::expr il = f.slot_loc.at(proj.index_slot);
            eff.fail(Rule::F_Uninit, sel(s.st, il) != kInit);
            extra = sel(s.val, il);
          }
        }
        loc = through_pointer(e, s, loc, extra, info.element, eff);
        t = info.element;
        break;
      }
    }
  }
  // A reference cell itself (a borrow's destination, a ref parameter's slot): one trivial cell.
  return {loc, holds_ref ? e.m.int_type : t};
}

z3::expr operand_value(Enc& e, const FrameEnv& f, const SymState& s, const ir::Operand& o, Effect& eff) {
  if (const auto* k = std::get_if<ir::Const>(&o.value)) {
    if (const auto* i = std::get_if<std::int64_t>(&k->value)) return e.num(*i);
    if (const auto* b = std::get_if<bool>(&k->value)) return e.num(*b ? 1 : 0);
    return e.num(e.intern(std::get<std::string>(k->value)));
  }
  const Resolved r = resolve(e, f, s, std::get<ir::Place>(o.value), eff);
  eff.fail(Rule::F_Uninit, sel(s.st, r.loc) != kInit);
  return sel(s.val, r.loc);
}

void move_at(Enc& e, Effect& eff, const z3::expr& dst, const z3::expr& src, ir::TypeId t) {
  if (!hook_free(e.m, t)) throw Unsupported{"move of " + e.m.types[t].name + " (lifecycle methods or heap owner)"};
  eff.fail(Rule::F_Uninit, !whole_init(e, eff.post, src, t));
  eff.fail(Rule::F_Leak, !writable(e, eff.post, dst, t));
  copy_tree(e, eff.post, dst, src, t);
  eff.post.st = set_status(e, eff.post.st, src, t, kUninit);
  // The destination is Init wherever the source was whole: restate it after the source cleared (dst ≠ src).
  eff.post.st = set_status(e, eff.post.st, dst, t, kInit);
}

void copy_at(Enc& e, Effect& eff, const z3::expr& dst, const z3::expr& src, ir::TypeId t) {
  if (!hook_free(e.m, t)) throw Unsupported{"copy of " + e.m.types[t].name + " (lifecycle methods or heap owner)"};
  eff.fail(Rule::F_Uninit, !whole_init(e, eff.post, src, t));
  eff.fail(Rule::F_Leak, !writable(e, eff.post, dst, t));
  copy_tree(e, eff.post, dst, src, t);
}

void destroy_at(Enc& e, Effect& eff, const z3::expr& loc, ir::TypeId t) {
  eff.fail(Rule::F_Uninit, !whole_init(e, eff.post, loc, t));
  if (!e.m.types.at(t).deinitable) eff.fail(Rule::F_Linear_Abandoned, e.ctx.bool_val(true));
  if (!hook_free(e.m, t)) throw Unsupported{"destruction of " + e.m.types[t].name};
  eff.post.st = set_status(e, eff.post.st, loc, t, kUninit);
}

namespace {

/// ⟦op(o…)⟧ as (value, aux); appends operand faults and the division-by-zero abort.
std::pair<z3::expr, z3::expr> eval_op(Enc& e, const FrameEnv& f, const SymState& s, const ir::OpApp& a,
                                      Effect& eff) {
  const auto arg = [&](std::size_t i) { return operand_value(e, f, s, a.operands.at(i), eff); };
  const auto b01 = [&](const z3::expr& c) { return z3::ite(c, e.num(1), e.num(0)); };
  const z3::expr zero = e.num(0);
  switch (a.op) {
    case ir::OpKind::Add: { auto x = arg(0); auto y = arg(1); return {x + y, zero}; }
    case ir::OpKind::Sub: { auto x = arg(0); auto y = arg(1); return {x - y, zero}; }
    case ir::OpKind::Mul: { auto x = arg(0); auto y = arg(1); return {x * y, zero}; }
    case ir::OpKind::Neg: return {-arg(0), zero};
    case ir::OpKind::FloorDiv:
    case ir::OpKind::Mod: {
      auto x = arg(0);
      auto y = arg(1);
      eff.abort(y == 0);
      const z3::expr q = z3::ite(y > 0, x / y, (-x) / (-y));  // Z3 div is Euclidean: floor for y > 0
      return {a.op == ir::OpKind::FloorDiv ? q : x - y * q, zero};
    }
    case ir::OpKind::Eq: { auto x = arg(0); auto y = arg(1); return {b01(x == y), zero}; }
    case ir::OpKind::Ne: { auto x = arg(0); auto y = arg(1); return {b01(x != y), zero}; }
    case ir::OpKind::Lt: { auto x = arg(0); auto y = arg(1); return {b01(x < y), zero}; }
    case ir::OpKind::Le: { auto x = arg(0); auto y = arg(1); return {b01(x <= y), zero}; }
    case ir::OpKind::Gt: { auto x = arg(0); auto y = arg(1); return {b01(x > y), zero}; }
    case ir::OpKind::Ge: { auto x = arg(0); auto y = arg(1); return {b01(x >= y), zero}; }
    case ir::OpKind::Not: return {e.num(1) - arg(0), zero};
    case ir::OpKind::Concat: { auto x = arg(0); auto y = arg(1); return {e.concat(x, y), zero}; }
    case ir::OpKind::MakeError: return {arg(0), zero};
    case ir::OpKind::ToString: {
      const ir::Operand& o = a.operands.at(0);
      ir::TypeKind k = ir::TypeKind::String;
      if (const auto* c = std::get_if<ir::Const>(&o.value))
        k = std::holds_alternative<std::int64_t>(c->value) ? ir::TypeKind::Int
            : std::holds_alternative<bool>(c->value)       ? ir::TypeKind::Bool
                                                           : ir::TypeKind::String;
      else
        k = e.m.types.at(ir::type_of(e.m, *f.fn, std::get<ir::Place>(o.value))).kind;
      auto x = arg(0);
      if (k == ir::TypeKind::Int) return {e.to_string_int(x), zero};
      if (k == ir::TypeKind::Bool) return {e.to_string_bool(x), zero};
      return {x, zero};
    }
    case ir::OpKind::PtrOffset: {
      const auto* p = std::get_if<ir::Place>(&a.operands.at(0).value);
      if (!p) throw Unsupported{"pointer offset of a constant"};
      const Resolved r = resolve(e, f, s, *p, eff);
      eff.fail(Rule::F_Uninit, sel(s.st, r.loc) != kInit);
      auto n = arg(1);
      return {sel(s.val, r.loc), sel(s.aux, r.loc) + n};
    }
    case ir::OpKind::Len: throw Unsupported{"len()"};
  }
  throw Unsupported{"operator"};
}

void write_leaf(SymState& s, const z3::expr& loc, const z3::expr& v, const z3::expr& aux) {
  s.st = z3::store(s.st, loc, kInit);
  s.val = z3::store(s.val, loc, v);
  s.aux = z3::store(s.aux, loc, aux);
}

}  // namespace

// E-Assign: `π := const c | op(o…)`; operands Init, π writable; σ(π) := Init ⟦rv⟧.
Effect encode_E_Assign(Enc& e, const FrameEnv& f, const SymState& pre, const ir::Instr& i) {
  Effect eff(pre);
  eff.rule = Rule::E_Assign;
  z3::expr v = e.num(0), aux = e.num(0);
  const ir::Place* dst = nullptr;
  if (const auto* k = std::get_if<ir::AssignConst>(&i.node)) {
    v = operand_value(e, f, pre, ir::Operand{k->value}, eff);
    dst = &k->dst;
  } else {
    const auto& a = std::get<ir::AssignOp>(i.node);
    std::tie(v, aux) = eval_op(e, f, pre, a.app, eff);
    dst = &a.dst;
  }
  const Resolved d = resolve(e, f, pre, *dst, eff);
  eff.fail(Rule::F_Leak, !writable(e, pre, d.loc, d.type));
  write_leaf(eff.post, d.loc, v, aux);
  return eff;
}

// E-Copy: `π := copy π'`; π' whole_init, π writable; copy_T.
Effect encode_E_Copy(Enc& e, const FrameEnv& f, const SymState& pre, const ir::Copy& i) {
  Effect eff(pre);
  eff.rule = Rule::E_Copy;
  const Resolved src = resolve(e, f, pre, i.src, eff);
  const Resolved dst = resolve(e, f, pre, i.dst, eff);
  copy_at(e, eff, dst.loc, src.loc, src.type);
  return eff;
}

// E-Move: `π := move π'`; π' whole_init, π writable; move_T (π' becomes Uninit).
Effect encode_E_Move(Enc& e, const FrameEnv& f, const SymState& pre, const ir::Move& i) {
  Effect eff(pre);
  eff.rule = Rule::E_Move;
  const Resolved src = resolve(e, f, pre, i.src, eff);
  const Resolved dst = resolve(e, f, pre, i.dst, eff);
  move_at(e, eff, dst.loc, src.loc, src.type);
  return eff;
}

// E-Borrow: `π := borrow[mut] π'` / `addr π'`; π' whole_init; σ(π) := ref(ℓ') / ptr(ℓ', 0).
Effect encode_E_Borrow(Enc& e, const FrameEnv& f, const SymState& pre, const ir::Borrow& i) {
  Effect eff(pre);
  eff.rule = Rule::E_Borrow;
  const Resolved src = resolve(e, f, pre, i.src, eff);
  const Resolved dst = resolve(e, f, pre, i.dst, eff);
  eff.fail(Rule::F_Uninit, !whole_init(e, pre, src.loc, src.type));
  write_leaf(eff.post, dst.loc, src.loc, e.num(0));
  return eff;
}

// E-Destroy: `destroy π`; π whole_init, T deinitable; destroy_T.
Effect encode_E_Destroy(Enc& e, const FrameEnv& f, const SymState& pre, const ir::Destroy& i, bool checks_only) {
  Effect eff(pre);
  eff.rule = Rule::E_Destroy;
  const Resolved r = resolve(e, f, pre, i.place, eff);
  if (checks_only) {
    eff.fail(Rule::F_Uninit, !whole_init(e, pre, r.loc, r.type));
    if (!e.m.types.at(r.type).deinitable) eff.fail(Rule::F_Linear_Abandoned, e.ctx.bool_val(true));
    return eff;
  }
  destroy_at(e, eff, r.loc, r.type);
  return eff;
}

// E-Store-Through-Ref: `store π ← rhs`; π whole_init; destroy π, then π := rhs.
Effect encode_E_Store_Through_Ref(Enc& e, const FrameEnv& f, const SymState& pre, const ir::Store& i) {
  Effect eff(pre);
  eff.rule = Rule::E_Store_Through_Ref;
  const Resolved d = resolve(e, f, pre, i.dst, eff);
  eff.fail(Rule::F_Uninit, !whole_init(e, pre, d.loc, d.type));
  std::visit(
      [&](const auto& src) {
        using S = std::decay_t<decltype(src)>;
        if constexpr (std::is_same_v<S, ir::StoreCopy> || std::is_same_v<S, ir::StoreMove>) {
          const Resolved from = resolve(e, f, pre, src.src, eff);
          destroy_at(e, eff, d.loc, d.type);
          if constexpr (std::is_same_v<S, ir::StoreCopy>) copy_at(e, eff, d.loc, from.loc, from.type);
          else move_at(e, eff, d.loc, from.loc, from.type);
        } else if constexpr (std::is_same_v<S, ir::Const>) {
          const z3::expr v = operand_value(e, f, pre, ir::Operand{src}, eff);
          destroy_at(e, eff, d.loc, d.type);
          write_leaf(eff.post, d.loc, v, e.num(0));
        } else {
          const auto [v, aux] = eval_op(e, f, pre, src, eff);
          destroy_at(e, eff, d.loc, d.type);
          write_leaf(eff.post, d.loc, v, aux);
        }
      },
      i.source);
  return eff;
}

// E-Goto: `goto B`; the state is unchanged (the pc is the unroller's).
Effect encode_E_Goto(const SymState& pre) {
  Effect eff(pre);
  eff.rule = Rule::E_Goto;
  return eff;
}

// E-Branch: `branch o ? B1 : B2`; o Init; `condition` receives b.
Effect encode_E_Branch(Enc& e, const FrameEnv& f, const SymState& pre, const ir::Branch& t, z3::expr& condition) {
  Effect eff(pre);
  eff.rule = Rule::E_Branch;
  condition = operand_value(e, f, pre, t.cond, eff) != 0;
  return eff;
}

// E-Print: every operand Init (the output is not modelled).
Effect encode_E_Print(Enc& e, const FrameEnv& f, const SymState& pre, const ir::Print& i) {
  Effect eff(pre);
  eff.rule = Rule::E_Print;
  for (const ir::Operand& o : i.args) (void)operand_value(e, f, pre, o, eff);
  (void)operand_value(e, f, pre, i.sep, eff);
  (void)operand_value(e, f, pre, i.end, eff);
  return eff;
}

}  // namespace ownmodel::solver
