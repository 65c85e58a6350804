// Backward liveness L (docs/semantics.md §5 "Liveness"), two passes.
//
// One bit per node. A root's bit is the aggregate liveness of pass 1: a use of
// any path under the root uses the root, only a write of the whole root kills
// it. A field's bit is pass 2: uses of the field, of a path under it or of a
// prefix of it; killed by a write of it or of a prefix; and on every edge whose
// target has the root dead, the root's destruction as a whole uses every field
// still in place. Pass 2 needs the roots' bits fixed, so it runs after pass 1.

#include <deque>

#include "model/flow/analysis.h"

namespace ownmodel::flow {

bool FunctionAnalysis::exit_point(ir::BlockId b, std::uint32_t k) const {
  return k + 1 == points_[b].size() && points_[b][k].exit != ExitKind::None;
}

// Liveness on an edge, from the liveness at its target: plus the deinit
// fields that die just before an exit (D5, AfterBody), plus (pass 2) the
// fields of roots that die whole on this edge.
Bits FunctionAnalysis::edge_live(const Bits& target, bool into_exit, int pass) const {
  Bits r = target;
  if (into_exit) r |= deinit_extra_;
  if (pass == 2)
    for (NodeId x : roots_d6_)
      if (!target.test(x) && nodes_[x].size > 1) r.set(x + 1, nodes_[x].size - 1, true);
  return r;
}

void FunctionAnalysis::back(Bits& live, const std::vector<Effect>& effects) const {
  for (auto it = effects.rbegin(); it != effects.rend(); ++it) {
    const Effect& e = *it;
    if (e.kind == EffKind::Write) {
      live.set(e.node, nodes_[e.node].size, false);
      // A store into a field is a use of the value that holds it: the old
      // field dies before the store, the aggregate not before (D5, [DEATH]
      // "Field lifetimes"), so a destructor never runs before a field store.
      for (NodeId a = nodes_[e.node].parent; a != ir::none; a = nodes_[a].parent) live.set(a);
    } else if (e.kind == EffKind::Use) {
      const Node& n = nodes_[e.node];
      live.set(e.node, n.size, true);
      for (NodeId a = n.parent; a != ir::none; a = nodes_[a].parent) live.set(a);
    }
  }
}

Bits FunctionAnalysis::scan_block(ir::BlockId b, int pass, std::vector<Bits>* per_point) const {
  const std::vector<Point>& pts = points_[b];
  const std::uint32_t n = static_cast<std::uint32_t>(pts.size() - 1);
  auto block_edge = [&](ir::BlockId s) {
    return edge_live(live_in_[s], exit_point(s, 0), pass);
  };
  Bits live(nodes_.size());
  for (ir::BlockId s : successors(f, f.blocks[b].term)) live |= block_edge(s);
  back(live, pts[n].pre);
  if (per_point) {
    per_point->assign(n + 1, Bits());
    (*per_point)[n] = live;
  }
  for (std::uint32_t k = n; k-- > 0;) {
    const Point& P = pts[k];
    Bits after = edge_live(live, exit_point(b, k + 1), pass);
    back(after, P.post);
    if (P.unwind < f.blocks.size()) {
      Bits u = block_edge(P.unwind);
      back(u, P.unwind_post);
      after |= u;
    }
    back(after, P.pre);
    live = std::move(after);
    if (per_point) (*per_point)[k] = live;
  }
  return live;
}

void FunctionAnalysis::run_liveness() {
  const std::size_t nb = f.blocks.size();
  live_in_.assign(nb, Bits(nodes_.size()));
  auto fixpoint = [&](int pass) {
    std::deque<ir::BlockId> work;
    std::vector<bool> queued(nb, true);
    for (ir::BlockId b = static_cast<ir::BlockId>(nb); b-- > 0;) work.push_back(b);
    while (!work.empty()) {
      const ir::BlockId b = work.front();
      work.pop_front();
      queued[b] = false;
      Bits in = scan_block(b, pass, nullptr);
      if (in == live_in_[b]) continue;
      live_in_[b] = std::move(in);
      for (auto [it, end] = boost::in_edges(b, cfg_); it != end; ++it) {
        const ir::BlockId p = static_cast<ir::BlockId>(boost::source(*it, cfg_));
        if (!queued[p]) {
          queued[p] = true;
          work.push_back(p);
        }
      }
    }
  };
  fixpoint(1);
  // Pass 2 starts from the least field bits; the root bits are already a fixed point.
  for (Bits& in : live_in_) in &= root_mask_;
  fixpoint(2);
  pt_live_.resize(nb);
  for (ir::BlockId b = 0; b < nb; ++b) (void)scan_block(b, 2, &pt_live_[b]);
}

}  // namespace ownmodel::flow
