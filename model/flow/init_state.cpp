// The forward state: Δ (initialization with logical bits and provenance) and
// Ω (validity of interior references), docs/semantics.md §3.1; and the death
// points of §5 "Placement", which end values on the edges of the CFG.

#include <algorithm>
#include <deque>
#include <tuple>

#include "model/flow/analysis.h"

namespace ownmodel::flow {
namespace {

// Bounds the fixed point independently of its monotonicity argument.
constexpr std::size_t kMaxVisitsPerBlock = 4096;

auto span_key(const Span& s) { return std::make_tuple(s.line, s.col, s.end_line, s.end_col); }

bool prov_less(const Prov& a, const Prov& b) {
  return std::make_tuple(span_key(a.span), a.kind) < std::make_tuple(span_key(b.span), b.kind);
}
bool prov_same(const Prov& a, const Prov& b) {
  return span_key(a.span) == span_key(b.span) && a.kind == b.kind;
}

/// Adds `p`, keeping the two earliest positions in order. True when it changed.
bool prov_add(NodeProv& into, const Prov& p) {
  for (std::uint8_t i = 0; i < into.n; ++i)
    if (prov_same(into.e[i], p)) return false;
  if (into.n < into.e.size()) {
    into.e[into.n++] = p;
  } else if (prov_less(p, into.e[into.n - 1])) {
    into.e[into.n - 1] = p;
  } else {
    return false;
  }
  if (into.n == 2 && prov_less(into.e[1], into.e[0])) std::swap(into.e[0], into.e[1]);
  return true;
}

bool inv_add(InvSet& into, const Span& s) {
  for (std::uint8_t i = 0; i < into.n; ++i)
    if (span_key(into.e[i]) == span_key(s)) return false;
  if (into.n < into.e.size()) {
    into.e[into.n++] = s;
  } else if (span_key(s) < span_key(into.e[into.n - 1])) {
    into.e[into.n - 1] = s;
  } else {
    return false;
  }
  if (into.n == 2 && span_key(into.e[1]) < span_key(into.e[0])) std::swap(into.e[0], into.e[1]);
  return true;
}

}  // namespace

/* --- Predicates on Δ (§3.1) --------------------------------------------------- */

bool FunctionAnalysis::all_init(const State& s, NodeId q) const {
  const auto first = s.v.begin() + q;
  return std::all_of(first, first + nodes_[q].size, [](Init3 v) { return v == Init3::I; });
}

bool FunctionAnalysis::any_alive(const State& s, NodeId q) const {
  const auto first = s.v.begin() + q;
  return std::any_of(first, first + nodes_[q].size, [](Init3 v) { return v != Init3::U; });
}

void FunctionAnalysis::set_range(State& s, NodeId q, Init3 v, Prov why) const {
  for (NodeId n = q; n < q + nodes_[q].size; ++n) {
    s.v[n] = v;
    s.prov[n] = NodeProv{};
    if (v != Init3::I) prov_add(s.prov[n], why);
  }
}

// missing(Δ, π): the shortest wholly uninitialized prefix of π, else the first
// path under π (preorder = fields in declaration order) with nothing initialized.
NodeId FunctionAnalysis::missing(const State& s, NodeId q) const {
  auto no_init = [&](NodeId a) {
    const auto first = s.v.begin() + a;
    return std::none_of(first, first + nodes_[a].size, [](Init3 v) { return v == Init3::I; });
  };
  std::vector<NodeId> chain;
  for (NodeId a = q; a != ir::none; a = nodes_[a].parent) chain.push_back(a);
  for (auto it = chain.rbegin(); it != chain.rend(); ++it)
    if (no_init(*it)) return *it;
  // has_i[n - q]: some node of n's subtree is I (children follow their parent).
  const std::uint32_t size = nodes_[q].size;
  std::vector<bool> has_i(size, false);
  for (std::uint32_t i = size; i-- > 0;) {
    const NodeId n = q + i;
    if (s.v[n] == Init3::I) has_i[i] = true;
    if (i > 0 && has_i[i]) has_i[nodes_[n].parent - q] = true;
  }
  for (std::uint32_t i = 1; i < size; ++i)
    if (!has_i[i]) return q + i;
  return q;
}

// D5: a root or field whose value was never logically created (Fieldwise), a
// deinit argument, and the unfinished self of __init__ are destroyed field by field.
bool FunctionAnalysis::fieldwise(const State& s, NodeId n) const {
  if (nodes_[n].parent == ir::none) {
    if (n == self_root_) return true;
    const ir::Slot& slot = f.slots[nodes_[n].slot];
    if (slot.kind == ir::SlotKind::Param && slot.convention == ast::Convention::Deinit) return true;
  }
  return nodes_[n].expanded && s.v[n] == Init3::U;
}

/* --- Death points (§5 Placement) --------------------------------------------- */

// §5 Placement: the tracked paths alive after i and not live at the start of j.
// A root not live dies whole (or field by field, D5); under a live root, a
// field not live dies alone (D3/D5: overwritten or moved before the root dies).
void FunctionAnalysis::deaths(const State& s, const Bits& live, std::vector<NodeId>& dead) const {
  // AfterBody: the remaining fields of a deinit argument die last, just
  // before the exit (D5, worked example D.1), after the edge's other values.
  std::vector<NodeId> order;
  order.reserve(roots_d6_.size());
  for (NodeId x : roots_d6_)
    if (!deinit_extra_.test(x)) order.push_back(x);
  for (NodeId x : roots_d6_)
    if (deinit_extra_.test(x)) order.push_back(x);
  for (NodeId x : order) {
    if (!live.test(x)) {
      if (any_alive(s, x)) dead.push_back(x);
      continue;
    }
    const NodeId end = x + nodes_[x].size;
    for (NodeId n = x + 1; n < end;) {
      if (live.test(n)) {
        ++n;  // descend: a live field may still have a dead field below it
        continue;
      }
      // A field that is not live has no live path below it (uses gen prefixes).
      if (any_alive(s, n)) dead.push_back(n);
      n += nodes_[n].size;
    }
  }
}

// D5: the destroy instructions that end node n: one `destroy n` for a value in
// place, or its fields one by one; trivial paths get none.
void FunctionAnalysis::pieces(const State& s, NodeId n, Rule tag, std::vector<Piece>& out) const {
  std::vector<Piece> stack{{n, tag}};
  while (!stack.empty()) {
    const Piece p = stack.back();
    stack.pop_back();
    if (nodes_[p.node].trivial || !any_alive(s, p.node)) continue;
    if (!fieldwise(s, p.node)) {
      out.push_back(p);
      continue;
    }
    if (!nodes_[p.node].expanded) {
      // A deinit argument or unfinished self with no fields has nothing to
      // destroy; one too large to expand is destroyed whole (coarse).
      if (!m.types[nodes_[p.node].type].fields.empty()) out.push_back(p);
      continue;
    }
    std::vector<NodeId> children;
    for (NodeId c = p.node + 1; c < p.node + nodes_[p.node].size; c += nodes_[c].size)
      children.push_back(c);
    for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back({*it, Rule::D5});
  }
}

// §5 Placement on one edge (D1/D2/D5, D6 order): ends the dying paths in the
// state, reports S7c/S8 through `rep`, hands the destroys to `sink`.
void FunctionAnalysis::edge(State& s, const Bits& live_target, const EdgeRef& where, Span span,
                            Reporter* rep, const DeathSink* sink) const {
  std::vector<NodeId> dead;
  deaths(s, live_target, dead);
  if (dead.empty()) return;
  // D1 in straight-line code; D2 where control splits or merges, and on error edges.
  bool straight = where.where == EdgeRef::Where::Intra || where.where == EdgeRef::Where::Entry;
  // The normal edge of a raising call is where control splits (its other
  // successor is the handler): what dies there did not have its last use in the call.
  if (where.where == EdgeRef::Where::Intra && where.index < f.blocks[where.from].instrs.size())
    if (const auto* call = std::get_if<ir::Call>(&f.blocks[where.from].instrs[where.index].node);
        call && call->unwind != ir::none)
      straight = false;
  if (where.where == EdgeRef::Where::Block) {
    std::size_t normal_out = 0;
    for (auto [it, end] = boost::out_edges(where.from, cfg_); it != end; ++it)
      if (cfg_[*it].kind == EdgeKind::Normal) ++normal_out;
    straight = normal_out == 1 && boost::in_degree(where.to, cfg_) == 1;
  }
  std::vector<Piece> ps;
  for (NodeId n : dead)
    pieces(s, n, nodes_[n].parent == ir::none ? (straight ? Rule::D1 : Rule::D2) : Rule::D5, ps);
  // An edge into a `raise` ends its values at the raise.
  bool error_edge = where.where == EdgeRef::Where::Unwind;
  const ir::BlockId exit_block = where.where == EdgeRef::Where::Intra   ? where.from
                                 : where.where == EdgeRef::Where::Block ? where.to
                                                                        : ir::none;
  if (exit_block != ir::none) {
    const std::uint32_t k = where.where == EdgeRef::Where::Intra ? where.index + 1 : 0;
    if (exit_point(exit_block, k) && points_[exit_block].back().exit == ExitKind::Error) {
      error_edge = true;
      if (points_[exit_block].back().span.known()) span = points_[exit_block].back().span;
    }
  }
  if (rep) rep->dying(s, dead, ps, span, error_edge);
  if (sink && !ps.empty()) (*sink)(where, ps, span);
  for (NodeId n : dead) set_range(s, n, Init3::U, Prov{span, ProvKind::Destroyed});
}

/* --- Transfer ------------------------------------------------------------------ */

// S11: a mutating access to an owner invalidates the interior references into
// it (field-sensitive: the access and the origin overlap), except the one the
// access goes through.
void FunctionAnalysis::invalidate(State& s, NodeId q, ir::SlotId through, Span span) const {
  if (through != ir::none && f.slots[through].interior) return;  // an element write keeps the buffer
  const NodeId q_end = q + nodes_[q].size;
  for (std::uint32_t j = 0; j < interior_refs_.size(); ++j) {
    if (interior_refs_[j] == through) continue;
    for (NodeId o : interior_origins_[j]) {
      const bool overlap = (q >= o && q < o + nodes_[o].size) || (o >= q && o < q_end);
      if (overlap) {
        inv_add(s.inv[j], span);
        break;
      }
    }
  }
}

// §3.1 state update of each access; a failed premise is reported (by the walk)
// and then treated as holding, so one mistake gives one error.
void FunctionAnalysis::apply(State& s, const std::vector<Effect>& list, Reporter* rep) const {
  std::vector<ir::SlotId> s11_reported;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Effect& e = list[i];
    switch (e.kind) {
      case EffKind::Use: {
        if (e.exit) {
          if (!all_init(s, e.node)) {
            if (rep) rep->exit_uninit(s, e);
            set_range(s, e.node, Init3::I, {});
          }
          break;
        }
        const bool after_s11 = e.ref != ir::none &&
            std::find(s11_reported.begin(), s11_reported.end(), e.ref) != s11_reported.end();
        if (!all_init(s, e.node)) {
          if (rep && !after_s11) rep->uninit(s, e);
          set_range(s, e.node, Init3::I, {});
        }
        // A transfer of a trivial value is a copy (W2, Q5).
        const bool consumes = e.use == UseKind::Consume && !nodes_[e.node].trivial;
        if (consumes) {
          if (rep) rep->consume(s, list, i);
          set_range(s, e.node, Init3::U, Prov{e.span, ProvKind::Transferred});
        }
        if (consumes || e.use == UseKind::Mutate) invalidate(s, e.node, e.ref, e.span);
        break;
      }
      case EffKind::Write:
        if (rep) rep->written(s, e);
        set_range(s, e.node, Init3::I, {});
        invalidate(s, e.node, ir::none, e.span);
        break;
      case EffKind::RefUse: {
        const std::uint32_t j = interior_index_[e.ref];
        if (j != ir::none && s.inv[j].n != 0) {
          if (rep) rep->invalidated(s, e, j);
          s11_reported.push_back(e.ref);
          s.inv[j] = InvSet{};
        }
        break;
      }
      case EffKind::RefBind: {
        const std::uint32_t j = interior_index_[e.ref];
        if (j != ir::none) s.inv[j] = InvSet{};
        break;
      }
    }
  }
}

/* --- The fixed point -------------------------------------------------------------- */

State FunctionAnalysis::entry_state() const {
  State s;
  s.reached = true;
  s.v.assign(nodes_.size(), Init3::I);
  s.prov.assign(nodes_.size(), NodeProv{});
  s.inv.assign(interior_refs_.size(), InvSet{});
  for (NodeId x : roots_d6_) {
    const ir::Slot& slot = f.slots[nodes_[x].slot];
    const Prov declared{slot.span, ProvKind::Declared};
    if (slot.kind == ir::SlotKind::Param) {
      if (slot.convention != ast::Convention::Out) continue;  // mut, var, deinit, by value: I
      set_range(s, x, Init3::U, declared);
      // [INIT]: self of __init__ is logically initialized, its fields are not.
      if (x == self_root_ && (nodes_[x].expanded || m.types[nodes_[x].type].fields.empty())) {
        s.v[x] = Init3::I;
        s.prov[x] = NodeProv{};
      }
    } else {
      set_range(s, x, Init3::U, declared);
    }
  }
  return s;
}

bool FunctionAnalysis::join_into(State& into, const State& from) const {
  if (!from.reached) return false;
  if (!into.reached) {
    into = from;
    return true;
  }
  bool changed = false;
  for (std::size_t n = 0; n < into.v.size(); ++n) {
    const Init3 a = into.v[n], b = from.v[n];
    if (a != b && a != Init3::M) {
      into.v[n] = Init3::M;
      changed = true;
    }
    if (b != Init3::I)
      for (std::uint8_t i = 0; i < from.prov[n].n; ++i) changed |= prov_add(into.prov[n], from.prov[n].e[i]);
  }
  for (std::size_t j = 0; j < into.inv.size(); ++j)
    for (std::uint8_t i = 0; i < from.inv[j].n; ++i) changed |= inv_add(into.inv[j], from.inv[j].e[i]);
  return changed;
}

void FunctionAnalysis::step_block(ir::BlockId b, State s, Reporter* rep, const DeathSink* sink,
                                  const std::function<void(ir::BlockId, const State&)>& to_block) const {
  const std::vector<Point>& pts = points_[b];
  const std::uint32_t n = static_cast<std::uint32_t>(pts.size() - 1);
  for (std::uint32_t k = 0; k < n; ++k) {
    const Point& P = pts[k];
    if (rep) rep->at(b, k);
    apply(s, P.pre, rep);
    if (P.unwind < f.blocks.size()) {
      State u = s;
      apply(u, P.unwind_post, rep);
      edge(u, live_in_[P.unwind], EdgeRef{EdgeRef::Where::Unwind, b, k, P.unwind}, P.span, rep, sink);
      to_block(P.unwind, u);
    }
    apply(s, P.post, rep);
    edge(s, pt_live_[b][k + 1], EdgeRef{EdgeRef::Where::Intra, b, k, b}, P.span, rep, sink);
  }
  const Point& T = pts[n];
  if (rep) rep->at(b, n);
  apply(s, T.pre, rep);
  auto out = [&](ir::BlockId t, std::uint32_t index) {
    if (t >= f.blocks.size()) return;
    State e = s;
    edge(e, live_in_[t], EdgeRef{EdgeRef::Where::Block, b, index, t}, T.span, rep, sink);
    to_block(t, e);
  };
  if (const auto* g = std::get_if<ir::Goto>(&f.blocks[b].term.node)) {
    out(g->target, 0);
  } else if (const auto* br = std::get_if<ir::Branch>(&f.blocks[b].term.node)) {
    out(br->then_block, 0);
    out(br->else_block, 1);
  }
}

void FunctionAnalysis::run_init() {
  const std::size_t nb = f.blocks.size();
  in_.assign(nb, State{});
  if (f.entry >= nb) return;
  entry_ = entry_state();
  // D1: a parameter never used dies at the function's entry.
  edge(entry_, pt_live_[f.entry][0], EdgeRef{EdgeRef::Where::Entry, ir::none, 0, f.entry},
       f.span, nullptr, nullptr);
  join_into(in_[f.entry], entry_);
  std::deque<ir::BlockId> work{f.entry};
  std::vector<bool> queued(nb, false);
  std::vector<std::size_t> visits(nb, 0);
  queued[f.entry] = true;
  auto to_block = [&](ir::BlockId t, const State& st) {
    if (join_into(in_[t], st) && !queued[t]) {
      queued[t] = true;
      work.push_back(t);
    }
  };
  while (!work.empty()) {
    const ir::BlockId b = work.front();
    work.pop_front();
    queued[b] = false;
    if (++visits[b] > kMaxVisitsPerBlock) continue;
    step_block(b, in_[b], nullptr, nullptr, to_block);
  }
}

void FunctionAnalysis::run() {
  run_liveness();
  run_init();
}

}  // namespace ownmodel::flow
