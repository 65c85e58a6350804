// The flow rules (docs/semantics.md §3): the final walk over the fixed point
// reports S1, S2, S3a, S3b, S4d, S7a, S7b, S7c, S8, S11 and W1.

#include <deque>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "model/flow/analysis.h"
#include "model/flow/flow.h"

namespace ownmodel::flow {
namespace {

class RuleReporter final : public Reporter {
 public:
  RuleReporter(const FunctionAnalysis& a, DiagnosticSink& sink) : a_(a), sink_(sink) {}

  void at(ir::BlockId b, std::uint32_t k) override {
    b_ = b;
    k_ = k;
  }

  // S1 (the first missing path), S2 (only a logical bit is missing), S3b
  // (self of __init__ used whole).
  void uninit(const State& s, const Effect& e) override {
    const auto& nodes = a_.nodes();
    const NodeId q = e.node;
    NodeId logical = ir::none;
    bool leaf_missing = false;
    for (NodeId n = q; n < q + nodes[q].size; ++n) {
      if (s.v[n] == Init3::I) continue;
      if (nodes[n].expanded) {
        if (logical == ir::none) logical = n;
      } else {
        leaf_missing = true;
      }
    }
    if (!leaf_missing && logical != ir::none) {
      sink_.report(Rule::S2, e.span,
                   fmt::format("'{}' used with all fields manually initialized but without calling "
                               "an '__init__' method",
                               spell(a_, logical)));
      return;
    }
    const NodeId miss = a_.missing(s, q);
    sink_.report(e.whole_self ? Rule::S3b : Rule::S1, e.span,
                 fmt::format("use of uninitialized value '{}'", spell(a_, miss)),
                 notes(s, miss, true));
  }

  // S3a / S7b at normal exits, S7a at every exit.
  void exit_uninit(const State& s, const Effect& e) override {
    const Point& P = a_.points()[b_][k_];
    const ir::Slot& slot = a_.f.slots[a_.nodes()[e.node].slot];
    const std::string q = spell(a_, a_.missing(s, e.node));
    const auto why = notes(s, a_.missing(s, e.node), false);
    if (P.exit == ExitKind::Error) {
      if (slot.convention == ast::Convention::Mut)
        sink_.report(Rule::S7a, e.span, fmt::format("use of uninitialized value '{}'", q), why);
      return;
    }
    Rule rule;
    if (e.node == a_.self_root_) rule = Rule::S3a;
    else if (slot.convention == ast::Convention::Out) rule = Rule::S7b;
    else if (slot.convention == ast::Convention::Mut) rule = Rule::S7a;
    else return;
    sink_.report(rule, e.span,
                 fmt::format("'{}' is uninitialized at {} from this function", q,
                             P.implicit_return ? "the implicit return" : "return"),
                 why);
  }

  // S4d: a whole value consumed while a strict sub-path is accessed later
  // (before the value is written again as a whole).
  void consume(const State&, const std::vector<Effect>& list, std::size_t i) override {
    const Effect& e = list[i];
    const Node& node = a_.nodes()[e.node];
    if (!node.expanded || !sink_.rules().enabled(Rule::S4d)) return;
    NodeId witness = ir::none;
    if (!later_subpath_access(e.node, list, i, witness)) return;
    sink_.report(Rule::S4d, e.span,
                 fmt::format("value '{}' cannot be consumed, because '{}' is used later",
                             spell(a_, e.node), spell(a_, witness)));
  }

  // W1: a value stored into a variable and never read before it dies or is overwritten.
  void written(const State&, const Effect& e) override {
    const Node& node = a_.nodes()[e.node];
    if (node.parent != ir::none || e.inplace) return;
    const ir::Slot& slot = a_.f.slots[node.slot];
    if (slot.kind != ir::SlotKind::Local || slot.name.empty() || slot.name[0] == '_') return;
    if (k_ + 1 >= a_.points()[b_].size()) return;
    if (a_.live_at(b_, k_ + 1).test(e.node)) return;
    sink_.report(Rule::W1, e.span,
                 fmt::format("assignment to '{}' was never used; assign to '_' instead?", slot.name));
  }

  // S11: use of an interior reference invalidated on some path.
  void invalidated(const State& s, const Effect& e, std::uint32_t j) override {
    const ir::Slot& ref = a_.f.slots[e.ref];
    const ir::Place& owner = ref.origins.front();
    const ir::TypeId t = ir::type_of(a_.m, a_.f, owner);
    const bool pointee = t < a_.m.types.size() && a_.m.types[t].kind == ir::TypeKind::OwnedPointer;
    std::vector<DiagnosticNote> why;
    for (std::uint8_t i = 0; i < s.inv[j].n; ++i) why.push_back({s.inv[j].e[i], "origin was invalidated here"});
    sink_.report(Rule::S11, e.span,
                 fmt::format("use of invalidated interior reference '{}[\"{}\"]'",
                             ir::spelling(a_.m, a_.f, owner), pointee ? "pointee" : "element"),
                 std::move(why));
  }

  // S7c (a partially moved value ends whole) and S8 (a linear value reaches
  // an implicit destruction).
  void dying(const State& s, const std::vector<NodeId>&, const std::vector<Piece>& pieces, Span where,
             bool error_edge) override {
    const auto& nodes = a_.nodes();
    for (const Piece& p : pieces) {
      const Node& node = nodes[p.node];
      const ir::Slot& slot = a_.f.slots[node.slot];
      // S7c at the use where the value dies (or the raising call whose error
      // edge ends it); S8 at the declaration, the error edge in a note.
      const Span at = error_edge ? where : last_use(node.root, where);
      const bool deinit_arg =
          slot.kind == ir::SlotKind::Param && slot.convention == ast::Convention::Deinit;
      if (node.expanded && s.v[p.node] == Init3::I && !a_.all_init(s, p.node) && !deinit_arg &&
          a_.f.kind != ir::FunctionKind::Deinit) {
        const NodeId miss = a_.missing(s, p.node);
        sink_.report(Rule::S7c, at,
                     fmt::format("field '{}' destroyed out of the middle of a value, preventing the "
                                 "overall value from being destroyed",
                                 spell(a_, miss)),
                     notes(s, miss, false));
      }
      if (node.linear) {
        const ir::TypeInfo& t = a_.m.types[node.type];
        const std::string msg = t.explicit_destroy_message.empty()
                                    ? fmt::format("Unhandled explicitly destroyed type {}", t.name)
                                    : t.explicit_destroy_message;
        std::vector<DiagnosticNote> why;
        if (error_edge) why.push_back({where, "value was not consumed when an error is thrown"});
        sink_.report(Rule::S8, slot.span.known() ? slot.span : where,
                     fmt::format("'{}' abandoned without being explicitly destroyed: {}",
                                 spell(a_, p.node), msg),
                     std::move(why));
      }
    }
  }

 private:
  // The last use of a path of `root` in the current point, else `fallback`.
  Span last_use(NodeId root, Span fallback) const {
    const auto& nodes = a_.nodes();
    const Point& P = a_.points()[b_][k_];
    Span found = fallback;
    for (const auto* list : {&P.pre, &P.post})
      for (const Effect& e : *list)
        if (e.kind == EffKind::Use && !e.exit && nodes[e.node].root == root && e.span.known()) found = e.span;
    return found;
  }

  std::vector<DiagnosticNote> notes(const State& s, NodeId n, bool declared) const {
    std::vector<DiagnosticNote> out;
    const ir::Slot& slot = a_.f.slots[a_.nodes()[n].slot];
    for (std::uint8_t i = 0; i < s.prov[n].n; ++i) {
      const Prov& p = s.prov[n].e[i];
      if (!p.span.known()) continue;
      if (p.kind == ProvKind::Transferred) out.push_back({p.span, "value transferred here"});
      // A never-initialized local names its declaration; a parameter's is not news.
      if (p.kind == ProvKind::Declared && declared && slot.kind != ir::SlotKind::Temp &&
          slot.kind != ir::SlotKind::Param)
        out.push_back({p.span, fmt::format("'{}' declared here", slot.name)});
    }
    return out;
  }

  // Forward search from the consume: an access to a path strictly under q
  // before a write of q or of a prefix of q, on some path.
  bool later_subpath_access(NodeId q, const std::vector<Effect>& list, std::size_t i,
                            NodeId& witness) const {
    const auto& nodes = a_.nodes();
    const NodeId q_end = q + nodes[q].size;
    auto scan = [&](const std::vector<Effect>& l, std::size_t from) {
      for (std::size_t j = from; j < l.size(); ++j) {
        const Effect& e = l[j];
        if (e.kind != EffKind::Use && e.kind != EffKind::Write) continue;
        // Reads of a field after the whole moved are S1's business; S4d is
        // about writes that do not rebuild the value.
        if (e.kind == EffKind::Write && e.node > q && e.node < q_end) {
          witness = e.node;
          return 1;
        }
        if (e.kind == EffKind::Write && e.node <= q && q < e.node + nodes[e.node].size) return -1;
      }
      return 0;
    };
    const auto& points = a_.points();
    std::deque<ir::BlockId> queue;
    std::vector<bool> seen(points.size(), false);
    auto enqueue = [&](ir::BlockId t) {
      if (t < points.size() && !seen[t]) {
        seen[t] = true;
        queue.push_back(t);
      }
    };
    // phase 0: resume in the point's pre effects; phase 1: in its post effects.
    auto run_from = [&](ir::BlockId b, std::uint32_t k, int phase, std::size_t from) {
      const auto& pts = points[b];
      const std::uint32_t n = static_cast<std::uint32_t>(pts.size() - 1);
      for (std::uint32_t kk = k; kk <= n; ++kk) {
        const Point& P = pts[kk];
        const bool first = kk == k;
        if (!first || phase == 0) {
          const int r = scan(P.pre, first ? from : 0);
          if (r != 0) return r == 1;
          if (P.unwind < points.size()) {
            const int u = scan(P.unwind_post, 0);
            if (u == 1) return true;
            if (u == 0) enqueue(P.unwind);
          }
        }
        const int r = scan(P.post, first && phase == 1 ? from : 0);
        if (r != 0) return r == 1;
        if (kk == n)
          for (ir::BlockId s : successors(a_.f, a_.f.blocks[b].term)) enqueue(s);
      }
      return false;
    };
    const Point& P = points[b_][k_];
    const int phase = &list == &P.post ? 1 : 0;
    if (&list == &P.unwind_post) return false;
    if (run_from(b_, k_, phase, i + 1)) return true;
    while (!queue.empty()) {
      const ir::BlockId b = queue.front();
      queue.pop_front();
      if (run_from(b, 0, 0, 0)) return true;
    }
    return false;
  }

  const FunctionAnalysis& a_;
  DiagnosticSink& sink_;
  ir::BlockId b_ = 0;
  std::uint32_t k_ = 0;
};

}  // namespace

void FunctionAnalysis::walk(DiagnosticSink* sink, const DeathSink& deaths) const {
  if (f.entry >= f.blocks.size()) return;
  std::optional<RuleReporter> reporter;
  if (sink) reporter.emplace(*this, *sink);
  Reporter* rep = reporter ? &*reporter : nullptr;
  const DeathSink* ds = deaths ? &deaths : nullptr;
  if (rep) rep->at(f.entry, 0);
  State start = entry_state();
  edge(start, pt_live_[f.entry][0], EdgeRef{EdgeRef::Where::Entry, ir::none, 0, f.entry}, f.span,
       rep, ds);
  const auto ignore = [](ir::BlockId, const State&) {};
  for (ir::BlockId b = 0; b < f.blocks.size(); ++b)
    if (in_[b].reached) step_block(b, in_[b], rep, ds, ignore);
  if (!sink) return;
  // W1: declarations never used at all.
  for (ir::SlotId s = 0; s < f.slots.size(); ++s) {
    const ir::Slot& slot = f.slots[s];
    if (slot.name.empty() || slot.name[0] == '_' || slot_uses_[s] != 0) continue;
    const Span at = slot.decl_span.known() ? slot.decl_span : slot.span;
    if (slot.kind == ir::SlotKind::Local && slot.holding == ir::Holding::Value)
      sink->report(Rule::W1, at, fmt::format("variable '{}' was never used, remove it?", slot.name));
    else if (slot.kind == ir::SlotKind::RefBinding)
      sink->report(Rule::W1, at, fmt::format("ref '{}' was never used, remove it?", slot.name));
  }
}

void check_flow(const ir::Module& module, DiagnosticSink& sink) {
  for (const ir::Function& f : module.functions) {
    // Synthesized bodies are correct by construction and have no source to point at.
    if (f.synthesized || f.entry >= f.blocks.size()) continue;
    FunctionAnalysis a(module, f, sink.rules());
    a.run();
    a.walk(&sink, {});
  }
}

}  // namespace ownmodel::flow
