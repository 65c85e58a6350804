// Symbolic state, layouts and the value-tree predicates of docs/semantics.md §7.1.
#include "solver/state.h"

#include <functional>

namespace ownmodel::solver {

namespace {
z3::sort arr(z3::context& c) { return c.array_sort(c.int_sort(), c.int_sort()); }
}  // namespace

SymState fresh_state(z3::context& c, const std::string& p) {
  const z3::sort a = arr(c);
  return {c.constant((p + ".st").c_str(), a),    c.constant((p + ".val").c_str(), a),
          c.constant((p + ".aux").c_str(), a),   c.constant((p + ".bst").c_str(), a),
          c.constant((p + ".bsize").c_str(), a), c.constant((p + ".bkind").c_str(), a)};
}

SymState initial_state(z3::context& c) {
  const z3::sort i = c.int_sort();
  return {z3::const_array(i, c.int_val(kUninit)),      z3::const_array(i, c.int_val(0)),
          z3::const_array(i, c.int_val(0)),            z3::const_array(i, c.int_val(kUnallocated)),
          z3::const_array(i, c.int_val(1)),            z3::const_array(i, c.int_val(kStackTarget))};
}

SymState ite(const z3::expr& g, const SymState& a, const SymState& b) {
  return {z3::ite(g, a.st, b.st),       z3::ite(g, a.val, b.val),     z3::ite(g, a.aux, b.aux),
          z3::ite(g, a.bst, b.bst),     z3::ite(g, a.bsize, b.bsize), z3::ite(g, a.bkind, b.bkind)};
}

z3::expr equal(const SymState& a, const SymState& b) {
  return a.st == b.st && a.val == b.val && a.aux == b.aux && a.bst == b.bst && a.bsize == b.bsize &&
         a.bkind == b.bkind;
}

/* --- Layouts ---------------------------------------------------------------- */

Layouts::Layouts(const ir::Module& m) : m_(m) {
  const std::size_t n = m.types.size();
  widths_.assign(n, -1);
  cells_.assign(n, {});
  offsets_.assign(n, {});
  // Struct fields may only have types that are already complete (no recursion
  // by value), so a memoised depth-first walk terminates.
  std::function<void(ir::TypeId)> build = [&](ir::TypeId t) {
    if (widths_[t] >= 0) return;
    const ir::TypeInfo& info = m.types[t];
    if (info.kind != ir::TypeKind::Struct) {
      widths_[t] = 1;
      CellShape c;
      c.trivial = info.kind == ir::TypeKind::Int || info.kind == ir::TypeKind::Bool ||
                  info.kind == ir::TypeKind::UnsafePointer || info.kind == ir::TypeKind::NoneType;
      c.owner = info.kind == ir::TypeKind::List || info.kind == ir::TypeKind::OwnedPointer;
      cells_[t] = {c};
      return;
    }
    std::vector<CellShape> cells;
    CellShape node;
    node.node = true;
    node.trivial = info.trivial;
    node.owner = !info.trivial;
    cells.push_back(node);
    std::int64_t w = 1;
    for (const ir::FieldInfo& f : info.fields) {
      build(f.type);
      offsets_[t].push_back(w);
      for (CellShape c : cells_[f.type]) {
        c.offset += w;
        if (info.trivial) c.trivial = true;  // trivial structs are never destroyed
        cells.push_back(c);
      }
      w += widths_[f.type];
    }
    widths_[t] = w;
    cells_[t] = std::move(cells);
  };
  for (ir::TypeId t = 0; t < n; ++t) build(t);
}

Enc::Enc(z3::context& c, const ir::Module& mod)
    : ctx(c),
      m(mod),
      layouts(mod),
      concat(c.function("str_concat", c.int_sort(), c.int_sort(), c.int_sort())),
      to_string_int(c.function("str_of_int", c.int_sort(), c.int_sort())),
      to_string_bool(c.function("str_of_bool", c.int_sort(), c.int_sort())) {}

int Enc::intern(const std::string& s) {
  auto it = strings.find(s);
  if (it != strings.end()) return it->second;
  const int id = static_cast<int>(strings.size()) + 1;
  strings.emplace(s, id);
  return id;
}

/* --- Predicates ----------------------------------------------------------------- */

z3::expr whole_init(Enc& e, const SymState& s, const z3::expr& loc, ir::TypeId t) {
  z3::expr r = e.ctx.bool_val(true);
  for (const CellShape& c : e.layouts.cells(t)) r = r && z3::select(s.st, loc + e.num(c.offset)) == kInit;
  return r;
}

z3::expr ended(Enc& e, const SymState& s, const z3::expr& loc, ir::TypeId t) {
  z3::expr r = e.ctx.bool_val(true);
  for (const CellShape& c : e.layouts.cells(t))
    if (!c.trivial) r = r && z3::select(s.st, loc + e.num(c.offset)) != kInit;
  return r;
}

z3::expr writable(Enc& e, const SymState& s, const z3::expr& loc, ir::TypeId t) {
  z3::expr r = e.ctx.bool_val(true);
  for (const CellShape& c : e.layouts.cells(t))
    if (c.owner) r = r && z3::select(s.st, loc + e.num(c.offset)) != kInit;
  return r;
}

z3::expr alive(Enc& e, const SymState& s, const z3::expr& loc) {
  const z3::expr block = loc - z3::mod(loc - e.num(kHeapBase), e.num(kHeapStride));
  return z3::ite(loc >= e.num(kHeapBase), z3::select(s.bst, block) == kLive, z3::select(s.st, loc) != kDead);
}

z3::expr set_status(Enc& e, const z3::expr& st, const z3::expr& loc, ir::TypeId t, int status) {
  z3::expr r = st;
  for (const CellShape& c : e.layouts.cells(t)) r = z3::store(r, loc + e.num(c.offset), e.num(status));
  return r;
}

void copy_tree(Enc& e, SymState& s, const z3::expr& dst, const z3::expr& src, ir::TypeId t) {
  for (const CellShape& c : e.layouts.cells(t)) {
    const z3::expr d = dst + e.num(c.offset), from = src + e.num(c.offset);
    s.st = z3::store(s.st, d, z3::select(s.st, from));
    s.val = z3::store(s.val, d, z3::select(s.val, from));
    s.aux = z3::store(s.aux, d, z3::select(s.aux, from));
  }
}

/* --- Effects ------------------------------------------------------------------- */

z3::expr Effect::ok(z3::context& c) const {
  z3::expr r = c.bool_val(true);
  for (const FaultCase& f : faults) r = r && !f.cond;
  return r;
}

z3::expr Effect::happens(z3::context& c, std::size_t i) const {
  z3::expr r = faults.at(i).cond;
  for (std::size_t j = 0; j < i; ++j) r = r && !faults[j].cond;
  (void)c;
  return r;
}

z3::expr relation(z3::context& c, const Effect& e, const SymState& post) { return e.ok(c) && equal(e.post, post); }

z3::expr faults_with(z3::context& c, const Effect& e, Rule kind) {
  z3::expr r = c.bool_val(false);
  for (std::size_t i = 0; i < e.faults.size(); ++i)
    if (!e.faults[i].abort && !e.faults[i].cut && e.faults[i].kind == kind) r = r || e.happens(c, i);
  return r;
}

}  // namespace ownmodel::solver
