// Encodings of the value rules (docs/semantics.md §7.2): resolution, E-Assign,
// E-Copy, E-Move, E-Borrow, E-Destroy, E-Store-Through-Ref, E-Branch,
// E-Print, E-Goto. Written from the spec, independently of reference-impl/.
#include <functional>
#include <string>
#include <tuple>

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
  const z3::expr k = wrap_sum(e, sel(s.aux, loc) + extra);  // offset + index, an Int sum
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
        if (info.kind != ir::TypeKind::UnsafePointer && info.kind != ir::TypeKind::List &&
            info.kind != ir::TypeKind::OwnedPointer)
          throw Unsupported{"subscript of " + info.name};
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
        if (info.kind == ir::TypeKind::UnsafePointer) {
          loc = through_pointer(e, s, loc, extra, info.element, eff);
        } else {
          // box(b) → heap(b, 0); list(b, len) → heap(b, i), 0 ≤ i < len or the run aborts.
          eff.fail(Rule::F_Uninit, sel(s.st, loc) != kInit);
          const z3::expr b = sel(s.val, loc);
          if (info.kind == ir::TypeKind::List) eff.abort(extra < 0 || extra >= sel(s.aux, loc));
          eff.fail(Rule::F_Dangling, sel(s.bst, b) != kLive);
          loc = b + extra * e.num(e.layouts.width(info.element));
        }
        t = info.element;
        break;
      }
    }
  }
  // A reference cell itself (a borrow's destination, a ref parameter's slot): one trivial cell.
  return {loc, holds_ref ? e.m.int_type : t};
}

z3::expr operand_value(Enc& e, const FrameEnv& f, const SymState& s, const ir::Operand& o, Effect& eff) {
  return operand_leaf(e, f, s, o, eff).first;
}

std::pair<z3::expr, z3::expr> operand_leaf(Enc& e, const FrameEnv& f, const SymState& s, const ir::Operand& o,
                                           Effect& eff) {
  if (const auto* k = std::get_if<ir::Const>(&o.value)) {
    if (const auto* i = std::get_if<std::int64_t>(&k->value)) return {e.num(*i), e.num(0)};
    if (const auto* b = std::get_if<bool>(&k->value)) return {e.num(*b ? 1 : 0), e.num(0)};
    const std::string& str = std::get<std::string>(k->value);
    return {e.num(e.intern(str)), e.num(static_cast<std::int64_t>(str.size()))};
  }
  const Resolved r = resolve(e, f, s, std::get<ir::Place>(o.value), eff);
  eff.fail(Rule::F_Uninit, sel(s.st, r.loc) != kInit);
  return {sel(s.val, r.loc), sel(s.aux, r.loc)};
}

z3::expr decimal_length(Enc& e, const z3::expr& n) {
  // 1 + [|n| ≥ 10^k] for k = 1 … 19, plus the sign: exact for every 64-bit Int
  // (|INT64_MIN| has 19 digits) and beyond, up to |n| < 10^20.
  const z3::expr m = z3::ite(n < 0, -n, n);
  z3::expr len = z3::ite(n < 0, e.num(2), e.num(1));
  std::string power = "1";
  for (int k = 1; k <= 19; ++k) {
    power += "0";
    len = len + z3::ite(m >= e.ctx.int_val(power.c_str()), e.num(1), e.num(0));
  }
  return len;
}

z3::expr wrap_sum(Enc& e, const z3::expr& r) {
  const z3::expr half = e.ctx.int_val("9223372036854775808"), full = e.ctx.int_val("18446744073709551616");
  return z3::ite(r >= half, r - full, z3::ite(r < -half, r + full, r));
}

z3::expr wrap_any(Enc& e, const z3::expr& r) {
  // ((r + 2^63) mod 2^64) - 2^63; Z3's div by a positive constant is floor division.
  const z3::expr half = e.ctx.int_val("9223372036854775808"), full = e.ctx.int_val("18446744073709551616");
  return r - full * ((r + half) / full);
}

namespace {

/// The tree has no user move initializer (a move is then a relocation of its cells).
bool move_free(const ir::Module& m, ir::TypeId t) {
  const ir::TypeInfo& info = m.types.at(t);
  if (info.kind != ir::TypeKind::Struct) return true;
  if (info.move_init != ir::none && info.movable) return false;
  for (const ir::FieldInfo& f : info.fields)
    if (!move_free(m, f.type)) return false;
  return true;
}

bool heap_owner(const ir::TypeInfo& info) {
  return info.kind == ir::TypeKind::List || info.kind == ir::TypeKind::OwnedPointer;
}

bool user_struct(const ir::TypeInfo& info) { return info.kind == ir::TypeKind::Struct && !info.trivial; }

/// store(a, i, v) when g holds, a otherwise.
z3::expr gstore(const z3::expr& a, const z3::expr& i, const z3::expr& v, const z3::expr& g) {
  if (g.is_true()) return z3::store(a, i, v);
  return z3::store(a, i, z3::ite(g, v, z3::select(a, i)));
}

z3::expr gstatus(Enc& e, const z3::expr& st, const z3::expr& loc, ir::TypeId t, int status, const z3::expr& g) {
  if (g.is_true()) return set_status(e, st, loc, t, status);
  z3::expr r = st;
  for (const CellShape& c : e.layouts.cells(t)) r = gstore(r, loc + e.num(c.offset), e.num(status), g);
  return r;
}

void gfail(Effect& eff, Rule k, const z3::expr& g, const z3::expr& cond) {
  eff.fail(k, g.is_true() ? cond : (g && cond));
}

/// Cell k of the block b (element width w).
z3::expr cell_at(Enc& e, const z3::expr& b, std::int64_t k, ir::TypeId elem) {
  return b + e.num(k * e.layouts.width(elem));
}

void copy_g(Enc& e, Effect& eff, const z3::expr& dst, const z3::expr& src, ir::TypeId t, const z3::expr& g);
void destroy_g(Enc& e, Effect& eff, const z3::expr& loc, ir::TypeId t, const z3::expr& g);

/// A copy with its checks already made: field by field (synthesized), or the
/// built-in deep copy of a List / OwnedPointer, or the cells bit for bit.
void copy_body(Enc& e, Effect& eff, const z3::expr& dst, const z3::expr& src, ir::TypeId t, const z3::expr& g) {
  const ir::TypeInfo& info = e.m.types.at(t);
  SymState& s = eff.post;
  if (user_struct(info) && info.copyable) {
    if (info.copy_init != ir::none) throw Unsupported{"copy of " + info.name + " (user copy initializer)"};
    s.st = gstore(s.st, dst, e.num(kInit), g);
    for (std::uint32_t f = 0; f < info.fields.size(); ++f) {
      const z3::expr off = e.num(e.layouts.field_offset(t, f));
      copy_g(e, eff, dst + off, src + off, info.fields[f].type, g);
    }
    return;
  }
  if (heap_owner(info) && info.copyable) {
    const bool box = info.kind == ir::TypeKind::OwnedPointer;
    const z3::expr b = z3::select(s.val, src);
    const z3::expr n = box ? e.num(1) : z3::select(s.aux, src);
    gfail(eff, Rule::F_Dangling, g, z3::select(s.bst, b) != kLive);
    const std::int64_t nb = e.fresh_block();
    const z3::expr B = e.num(nb);
    s.bst = gstore(s.bst, B, e.num(kLive), g);
    s.bsize = gstore(s.bsize, B, n, g);
    s.bkind = gstore(s.bkind, B, e.num(box ? kBox : kBuffer), g);
    s.st = gstore(s.st, dst, e.num(kInit), g);
    s.val = gstore(s.val, dst, B, g);
    s.aux = gstore(s.aux, dst, box ? e.num(0) : n, g);
    const std::int64_t cells = box ? 1 : kMaxCells;
    for (std::int64_t k = 0; k < cells; ++k) {
      const z3::expr gk = box ? g : (g && e.num(k) < n);
      copy_g(e, eff, cell_at(e, B, k, info.element), cell_at(e, b, k, info.element), info.element, gk);
    }
    return;
  }
  for (const CellShape& c : e.layouts.cells(t)) {
    const z3::expr d = dst + e.num(c.offset), from = src + e.num(c.offset);
    const z3::expr st = z3::select(s.st, from), v = z3::select(s.val, from), a = z3::select(s.aux, from);
    s.st = gstore(s.st, d, st, g);
    s.val = gstore(s.val, d, v, g);
    s.aux = gstore(s.aux, d, a, g);
  }
}

void copy_g(Enc& e, Effect& eff, const z3::expr& dst, const z3::expr& src, ir::TypeId t, const z3::expr& g) {
  gfail(eff, Rule::F_Uninit, g, !whole_init(e, eff.post, src, t));
  gfail(eff, Rule::F_Leak, g, !writable(e, eff.post, dst, t));
  copy_body(e, eff, dst, src, t, g);
}

void move_g(Enc& e, Effect& eff, const z3::expr& dst, const z3::expr& src, ir::TypeId t, const z3::expr& g) {
  if (!move_free(e.m, t)) throw Unsupported{"move of " + e.m.types[t].name + " (user move initializer)"};
  gfail(eff, Rule::F_Uninit, g, !whole_init(e, eff.post, src, t));
  gfail(eff, Rule::F_Leak, g, !writable(e, eff.post, dst, t));
  SymState& s = eff.post;
  for (const CellShape& c : e.layouts.cells(t)) {
    const z3::expr d = dst + e.num(c.offset), from = src + e.num(c.offset);
    const z3::expr v = z3::select(s.val, from), a = z3::select(s.aux, from);
    s.val = gstore(s.val, d, v, g);
    s.aux = gstore(s.aux, d, a, g);
  }
  s.st = gstatus(e, s.st, src, t, kUninit, g);
  // The destination is Init wherever the source was whole (dst ≠ src).
  s.st = gstatus(e, s.st, dst, t, kInit, g);
}

/// `release`: the block owned by the List / OwnedPointer at `owner` (§7.2 E-Free, second form).
void release_g(Enc& e, Effect& eff, const z3::expr* owner, const z3::expr& b, ir::TypeId elem, const z3::expr& g) {
  SymState& s = eff.post;
  gfail(eff, Rule::F_Double_Free, g, z3::select(s.bst, b) != kLive);
  z3::expr all_ended = e.ctx.bool_val(true);
  for (std::int64_t k = 0; k < kMaxCells; ++k)
    all_ended = all_ended && z3::implies(e.num(k) < z3::select(s.bsize, b), ended(e, s, cell_at(e, b, k, elem), elem));
  gfail(eff, Rule::F_Leak, g, !all_ended);
  s.bst = gstore(s.bst, b, e.num(kReleasedByOwner), g);
  if (owner) s.st = gstore(s.st, *owner, e.num(kUninit), g);
}

void destroy_g(Enc& e, Effect& eff, const z3::expr& loc, ir::TypeId t, const z3::expr& g) {
  const ir::TypeInfo& info = e.m.types.at(t);
  gfail(eff, Rule::F_Uninit, g, !whole_init(e, eff.post, loc, t));
  if (!info.deinitable) gfail(eff, Rule::F_Linear_Abandoned, g, e.ctx.bool_val(true));
  SymState& s = eff.post;
  if (user_struct(info)) {
    if (info.deinit != ir::none) throw Unsupported{"destruction of " + info.name + " (nested __deinit__)"};
    s.st = gstore(s.st, loc, e.num(kUninit), g);
    for (std::uint32_t f = 0; f < info.fields.size(); ++f) {
      const ir::TypeId ft = info.fields[f].type;
      const z3::expr fl = loc + e.num(e.layouts.field_offset(t, f));
      if (e.m.types.at(ft).trivial) s.st = gstatus(e, s.st, fl, ft, kUninit, g);
      else destroy_g(e, eff, fl, ft, g);
    }
    return;
  }
  if (heap_owner(info)) {
    const bool box = info.kind == ir::TypeKind::OwnedPointer;
    const z3::expr b = z3::select(s.val, loc);
    const z3::expr n = box ? e.num(1) : z3::select(s.aux, loc);
    gfail(eff, Rule::F_Double_Free, g, z3::select(s.bst, b) != kLive);
    if (!e.m.types.at(info.element).trivial) {
      const std::int64_t cells = box ? 1 : kMaxCells;
      for (std::int64_t k = 0; k < cells; ++k)
        destroy_g(e, eff, cell_at(e, b, k, info.element), info.element, box ? g : (g && e.num(k) < n));
    }
    release_g(e, eff, &loc, b, info.element, g);
    return;
  }
  s.st = gstatus(e, s.st, loc, t, kUninit, g);
}

}  // namespace

void move_at(Enc& e, Effect& eff, const z3::expr& dst, const z3::expr& src, ir::TypeId t) {
  move_g(e, eff, dst, src, t, e.ctx.bool_val(true));
}

void move_at_if(Enc& e, Effect& eff, const z3::expr& dst, const z3::expr& src, ir::TypeId t, const z3::expr& g) {
  move_g(e, eff, dst, src, t, g);
}

void copy_at(Enc& e, Effect& eff, const z3::expr& dst, const z3::expr& src, ir::TypeId t) {
  copy_g(e, eff, dst, src, t, e.ctx.bool_val(true));
}

void destroy_at(Enc& e, Effect& eff, const z3::expr& loc, ir::TypeId t) {
  destroy_g(e, eff, loc, t, e.ctx.bool_val(true));
}

void release_block_if(Enc& e, Effect& eff, const z3::expr& b, ir::TypeId elem, const z3::expr& g) {
  release_g(e, eff, nullptr, b, elem, g);
}

OwnerCopy copy_owner_block(Enc& e, Effect& eff, const z3::expr& dst, const z3::expr& src, ir::TypeId t) {
  const ir::TypeInfo& info = e.m.types.at(t);
  const bool box = info.kind == ir::TypeKind::OwnedPointer;
  SymState& s = eff.post;
  const z3::expr b = z3::select(s.val, src);
  const z3::expr n = box ? e.num(1) : z3::select(s.aux, src);
  eff.fail(Rule::F_Dangling, z3::select(s.bst, b) != kLive);
  const z3::expr B = e.num(e.fresh_block());
  s.bst = z3::store(s.bst, B, e.num(kLive));
  s.bsize = z3::store(s.bsize, B, n);
  s.bkind = z3::store(s.bkind, B, e.num(box ? kBox : kBuffer));
  s.st = z3::store(s.st, dst, e.num(kInit));
  s.val = z3::store(s.val, dst, B);
  s.aux = z3::store(s.aux, dst, box ? e.num(0) : n);
  return {b, B, n};
}

namespace {

/// ⟦op(o…)⟧ as (value, aux); appends operand faults and the division-by-zero abort.
std::pair<z3::expr, z3::expr> eval_op(Enc& e, const FrameEnv& f, const SymState& s, const ir::OpApp& a,
                                      Effect& eff) {
  const auto arg = [&](std::size_t i) { return operand_value(e, f, s, a.operands.at(i), eff); };
  // A String (or Error) leaf carries its length in bytes in aux (the text itself is opaque).
  const auto leaf = [&](std::size_t i) { return operand_leaf(e, f, s, a.operands.at(i), eff); };
  const auto b01 = [&](const z3::expr& c) { return z3::ite(c, e.num(1), e.num(0)); };
  const z3::expr zero = e.num(0);
  switch (a.op) {
    // Operands are 64-bit values; results wrap modulo 2^64 like the machine's.
    case ir::OpKind::Add: { auto x = arg(0); auto y = arg(1); return {wrap_sum(e, x + y), zero}; }
    case ir::OpKind::Sub: { auto x = arg(0); auto y = arg(1); return {wrap_sum(e, x - y), zero}; }
    case ir::OpKind::Mul: { auto x = arg(0); auto y = arg(1); return {wrap_any(e, x * y), zero}; }
    case ir::OpKind::Neg: return {wrap_sum(e, -arg(0)), zero};  // -INT64_MIN wraps to INT64_MIN
    case ir::OpKind::FloorDiv:
    case ir::OpKind::Mod: {
      auto x = arg(0);
      auto y = arg(1);
      eff.abort(y == 0);
      // Floor division: Z3's div is Euclidean, which is floor for y > 0. The
      // exact quotient leaves the range only for INT64_MIN // -1 = 2^63, which
      // wraps to INT64_MIN; the remainder x - y*q (exact q) is then 0.
      const z3::expr q = z3::ite(y > 0, x / y, (-x) / (-y));
      return {a.op == ir::OpKind::FloorDiv ? wrap_sum(e, q) : x - y * q, zero};
    }
    case ir::OpKind::Eq: { auto x = arg(0); auto y = arg(1); return {b01(x == y), zero}; }
    case ir::OpKind::Ne: { auto x = arg(0); auto y = arg(1); return {b01(x != y), zero}; }
    case ir::OpKind::Lt: { auto x = arg(0); auto y = arg(1); return {b01(x < y), zero}; }
    case ir::OpKind::Le: { auto x = arg(0); auto y = arg(1); return {b01(x <= y), zero}; }
    case ir::OpKind::Gt: { auto x = arg(0); auto y = arg(1); return {b01(x > y), zero}; }
    case ir::OpKind::Ge: { auto x = arg(0); auto y = arg(1); return {b01(x >= y), zero}; }
    case ir::OpKind::Not: return {e.num(1) - arg(0), zero};
    case ir::OpKind::Concat: {
      auto x = leaf(0);
      auto y = leaf(1);
      return {e.concat(x.first, y.first), x.second + y.second};
    }
    case ir::OpKind::MakeError: return leaf(0);
    case ir::OpKind::ToString: {
      const ir::Operand& o = a.operands.at(0);
      ir::TypeKind k = ir::TypeKind::String;
      if (const auto* c = std::get_if<ir::Const>(&o.value))
        k = std::holds_alternative<std::int64_t>(c->value) ? ir::TypeKind::Int
            : std::holds_alternative<bool>(c->value)       ? ir::TypeKind::Bool
                                                           : ir::TypeKind::String;
      else
        k = e.m.types.at(ir::type_of(e.m, *f.fn, std::get<ir::Place>(o.value))).kind;
      auto [x, len] = leaf(0);
      if (k == ir::TypeKind::Int) return {e.to_string_int(x), decimal_length(e, x)};
      if (k == ir::TypeKind::Bool) return {e.to_string_bool(x), z3::ite(x != 0, e.num(4), e.num(5))};  // True, False
      return {x, len};
    }
    case ir::OpKind::PtrOffset: {
      const auto* p = std::get_if<ir::Place>(&a.operands.at(0).value);
      if (!p) throw Unsupported{"pointer offset of a constant"};
      const Resolved r = resolve(e, f, s, *p, eff);
      eff.fail(Rule::F_Uninit, sel(s.st, r.loc) != kInit);
      auto n = arg(1);
      return {sel(s.val, r.loc), wrap_sum(e, sel(s.aux, r.loc) + n)};  // the offset wraps like an Int
    }
    case ir::OpKind::Len: {
      // list(b, n) holds n in aux; a String holds its byte length there.
      if (const auto* k = std::get_if<ir::Const>(&a.operands.at(0).value)) {
        const auto* str = std::get_if<std::string>(&k->value);
        if (!str) throw Unsupported{"len() of a non-String constant"};
        return {e.num(static_cast<std::int64_t>(str->size())), zero};
      }
      const Resolved r = resolve(e, f, s, std::get<ir::Place>(a.operands.at(0).value), eff);
      const ir::TypeKind k = e.m.types.at(r.type).kind;
      if (k != ir::TypeKind::List && k != ir::TypeKind::String) throw Unsupported{"len() of " + e.m.types[r.type].name};
      eff.fail(Rule::F_Uninit, sel(s.st, r.loc) != kInit);
      return {sel(s.aux, r.loc), zero};
    }
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
    std::tie(v, aux) = operand_leaf(e, f, pre, ir::Operand{k->value}, eff);
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
          const auto [v, aux] = operand_leaf(e, f, pre, ir::Operand{src}, eff);
          destroy_at(e, eff, d.loc, d.type);
          write_leaf(eff.post, d.loc, v, aux);
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
  for (const ir::Operand& o : i.args) {
    const auto* p = std::get_if<ir::Place>(&o.value);
    const ir::TypeId t = p ? ir::type_of(e.m, *f.fn, *p) : ir::none;
    if (t == ir::none || e.m.types.at(t).kind != ir::TypeKind::List) {
      (void)operand_value(e, f, pre, o, eff);
      continue;
    }
    // A List is printed element by element: its buffer live, every element Init.
    const Resolved r = resolve(e, f, pre, *p, eff);
    eff.fail(Rule::F_Uninit, sel(pre.st, r.loc) != kInit);
    const z3::expr b = sel(pre.val, r.loc), n = sel(pre.aux, r.loc);
    eff.fail(Rule::F_Dangling, sel(pre.bst, b) != kLive);
    const ir::TypeId el = e.m.types.at(r.type).element;
    z3::expr all = e.ctx.bool_val(true);
    for (std::int64_t k = 0; k < kMaxCells; ++k)
      all = all && z3::implies(e.num(k) < n, whole_init(e, pre, b + e.num(k * e.layouts.width(el)), el));
    eff.fail(Rule::F_Uninit, !all);
  }
  (void)operand_value(e, f, pre, i.sep, eff);
  (void)operand_value(e, f, pre, i.end, eff);
  return eff;
}

}  // namespace ownmodel::solver
