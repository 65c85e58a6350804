// Elaboration (docs/semantics.md §5): D7 turns implicit copies at the
// source's last use into moves, then the death points of the analysis become
// `destroy` instructions (D1, D2, D5; D6 order), on new blocks where an edge
// cannot hold them in place (critical edges, shared unwind blocks).

#include <algorithm>
#include <cstddef>
#include <optional>
#include <tuple>
#include <variant>

#include <fmt/format.h>

#include "model/flow/analysis.h"
#include "model/flow/flow.h"

namespace ownmodel::flow {
namespace {

// D3: `x = f(x)` lowered as `call f(&x, out x)` would read and overwrite x in
// one instruction, leaving no point to end the old value. The result goes to
// a fresh temporary instead, moved into x after the call: the old value then
// dies between the call and the move.
/// Returns whether it changed `f`.
bool route_aliased_results(const ir::Module& module, ir::Function& f) {
  struct Reroute {
    ir::BlockId block;
    std::size_t instr;
    ir::Place dst;
    ir::SlotId temp;
    Span span;
  };
  std::vector<Reroute> todo;
  for (ir::BlockId b = 0; b < f.blocks.size(); ++b)
    for (std::size_t k = 0; k < f.blocks[b].instrs.size(); ++k) {
      auto* call = std::get_if<ir::Call>(&f.blocks[b].instrs[k].node);
      if (!call) continue;
      for (ir::CallArg& out : call->args) {
        auto* dst = std::get_if<ir::Place>(&out.value.value);
        if (out.mode != ir::ArgMode::Out || !dst || dst->slot >= f.slots.size() ||
            f.slots[dst->slot].holding != ir::Holding::Value)
          continue;
        const bool aliased = std::any_of(call->args.begin(), call->args.end(), [&](const ir::CallArg& a) {
          const auto* p = std::get_if<ir::Place>(&a.value.value);
          return a.mode != ir::ArgMode::Out && p && p->slot == dst->slot;
        });
        if (!aliased) continue;
        ir::Slot temp;
        temp.name = fmt::format("$r{}", f.slots.size());
        temp.type = ir::type_of(module, f, *dst);
        temp.kind = ir::SlotKind::Temp;
        temp.is_mutable = true;
        temp.span = out.span;
        f.slots.push_back(std::move(temp));
        const ir::SlotId id = static_cast<ir::SlotId>(f.slots.size() - 1);
        todo.push_back({b, k, *dst, id, out.span});
        *dst = ir::Place{id, {}, dst->span};
      }
    }
  if (todo.empty()) return false;
  // Later instructions first, so earlier indices stay valid.
  for (auto it = todo.rbegin(); it != todo.rend(); ++it) {
    ir::BasicBlock& block = f.blocks[it->block];
    ir::Instr move{ir::Move{it->dst, ir::Place{it->temp, {}, it->dst.span}}, it->span};
    const auto* call = std::get_if<ir::Call>(&block.instrs[it->instr].node);
    auto* go = std::get_if<ir::Goto>(&block.term.node);
    if (call->unwind == ir::none || it->instr + 1 < block.instrs.size() || !go) {
      block.instrs.insert(block.instrs.begin() + static_cast<std::ptrdiff_t>(it->instr + 1), std::move(move));
      continue;
    }
    // A raising call ends its block: the move starts a block of its own.
    ir::BasicBlock next;
    next.label = "call.result";
    next.instrs.push_back(std::move(move));
    next.term.node = ir::Goto{go->target};
    go->target = static_cast<ir::BlockId>(f.blocks.size());
    f.blocks.push_back(std::move(next));
  }
  return true;
}

// D7: an implicit copy whose source is owned, rooted and not live after it
// is the transfer of that value. A field source qualifies when the field
// alone would die right after (its struct stays live).
// `a` is an analysis of `f` as it is now. Returns whether it changed `f`.
bool convert_copies(ir::Function& f, const FunctionAnalysis& a) {
  std::vector<std::pair<ir::BlockId, std::size_t>> to_move;
  {
    const auto& nodes = a.nodes();
    for (ir::BlockId b = 0; b < f.blocks.size(); ++b)
      for (std::size_t k = 0; k < f.blocks[b].instrs.size(); ++k) {
        const auto* c = std::get_if<ir::Copy>(&f.blocks[b].instrs[k].node);
        if (!c || c->origin != ir::CopyOrigin::Implicit) continue;
        const NodeId q = a.direct_node(c->src);
        if (q == ir::none || nodes[q].trivial || !a.owned_slot(nodes[q].slot)) continue;
        const Bits& live = a.live_at(b, static_cast<std::uint32_t>(k + 1));
        if (live.test(q)) continue;
        bool ok = true;
        for (NodeId p = nodes[q].parent; p != ir::none && ok; p = nodes[p].parent) ok = live.test(p);
        if (ok) to_move.emplace_back(b, k);
      }
  }
  for (auto [b, k] : to_move) {
    ir::Instr& instr = f.blocks[b].instrs[k];
    const ir::Copy c = std::get<ir::Copy>(instr.node);
    instr.node = ir::Move{c.dst, c.src};
  }
  return !to_move.empty();
}

struct Insertion {
  std::size_t pos;   ///< before instruction `pos` (the terminator when pos == size)
  int phase;         ///< at one position: incoming edge, straight-line edge, outgoing edge
  std::size_t seq;
  std::vector<ir::Instr> instrs;
};

struct NewBlock {
  EdgeRef where;
  std::vector<ir::Instr> instrs;
};

// §5 Placement: the destructions of each edge go where they run exactly on
// that edge: after the instruction, at the start of a target with one
// predecessor, at the end of a source with one successor, or in a new block.
// `a` is an analysis of `f` as it is now.
void place_destroys(ir::Function& f, const FunctionAnalysis& a) {
  std::vector<std::vector<Insertion>> inserts(f.blocks.size());
  std::vector<NewBlock> new_blocks;
  std::vector<ir::Instr> at_entry;
  bool entry_has_preds = false;
  std::size_t seq = 0;
  {
    const Cfg& g = a.cfg();
    entry_has_preds = boost::in_degree(f.entry, g) != 0;
    auto single_pred = [&](ir::BlockId t) { return t != f.entry && boost::in_degree(t, g) == 1; };
    auto single_succ = [&](ir::BlockId s) {
      std::size_t normal = 0;
      for (auto [it, end] = boost::out_edges(s, g); it != end; ++it)
        if (g[*it].kind == EdgeKind::Normal) ++normal;
      return normal == 1;
    };
    const DeathSink sink = [&](const EdgeRef& w, const std::vector<Piece>& ps, Span span) {
      std::vector<ir::Instr> ins;
      for (const Piece& p : ps) ins.push_back(ir::Instr{ir::Destroy{a.place_of(p.node), p.rule, false}, span});
      switch (w.where) {
        case EdgeRef::Where::Entry:
          at_entry = std::move(ins);
          break;
        case EdgeRef::Where::Intra:
          inserts[w.from].push_back({w.index + 1, 1, seq++, std::move(ins)});
          break;
        case EdgeRef::Where::Unwind:
          if (single_pred(w.to)) inserts[w.to].push_back({0, 0, seq++, std::move(ins)});
          else new_blocks.push_back({w, std::move(ins)});
          break;
        case EdgeRef::Where::Block:
          if (single_pred(w.to)) inserts[w.to].push_back({0, 0, seq++, std::move(ins)});
          else if (single_succ(w.from))
            inserts[w.from].push_back({f.blocks[w.from].instrs.size(), 2, seq++, std::move(ins)});
          else new_blocks.push_back({w, std::move(ins)});
          break;
      }
    };
    a.walk(nullptr, sink);
  }

  // New blocks first: they refer to instructions by their original index.
  for (NewBlock& nb : new_blocks) {
    const ir::BlockId id = static_cast<ir::BlockId>(f.blocks.size());
    ir::BasicBlock block;
    block.label = nb.where.where == EdgeRef::Where::Unwind ? "landing" : "edge";
    block.instrs = std::move(nb.instrs);
    block.term.node = ir::Goto{nb.where.to};
    ir::BasicBlock& from = f.blocks[nb.where.from];
    if (nb.where.where == EdgeRef::Where::Unwind) {
      std::get<ir::Call>(from.instrs[nb.where.index].node).unwind = id;
    } else if (auto* go = std::get_if<ir::Goto>(&from.term.node)) {
      go->target = id;
    } else if (auto* br = std::get_if<ir::Branch>(&from.term.node)) {
      (nb.where.index == 0 ? br->then_block : br->else_block) = id;
    }
    f.blocks.push_back(std::move(block));
  }

  if (!at_entry.empty()) {
    if (entry_has_preds) {
      ir::BasicBlock block;
      block.label = "entry";
      block.instrs = std::move(at_entry);
      block.term.node = ir::Goto{f.entry};
      f.entry = static_cast<ir::BlockId>(f.blocks.size());
      f.blocks.push_back(std::move(block));
    } else {
      inserts[f.entry].push_back({0, -1, seq++, std::move(at_entry)});
    }
  }

  for (ir::BlockId b = 0; b < inserts.size(); ++b) {
    auto& list = inserts[b];
    if (list.empty()) continue;
    std::sort(list.begin(), list.end(), [](const Insertion& x, const Insertion& y) {
      return std::tie(x.pos, x.phase, x.seq) < std::tie(y.pos, y.phase, y.seq);
    });
    std::vector<ir::Instr>& old = f.blocks[b].instrs;
    std::vector<ir::Instr> out;
    std::size_t next = 0;
    for (std::size_t k = 0; k <= old.size(); ++k) {
      for (; next < list.size() && list[next].pos == k; ++next)
        for (ir::Instr& i : list[next].instrs) out.push_back(std::move(i));
      if (k < old.size()) out.push_back(std::move(old[k]));
    }
    old = std::move(out);
  }
}

}  // namespace

void elaborate(ir::Module& module, const RuleSet& rules) {
  for (ir::Function& f : module.functions) check_and_elaborate(module, f, nullptr, rules);
}

void check_and_elaborate(ir::Module& module, ir::Function& f, DiagnosticSink* sink,
                         const RuleSet& rules) {
  if (f.entry >= f.blocks.size()) return;
  // The analysis is rebuilt only after an edit: most functions need one.
  std::optional<FunctionAnalysis> a;
  a.emplace(module, f, rules);
  a->run();
  // Synthesized bodies are correct by construction and have no source to point at.
  if (sink && !f.synthesized) a->walk(sink, {});
  auto fresh = [&] {
    a.reset();
    a.emplace(module, f, rules);
    a->run();
  };
  if (route_aliased_results(module, f)) fresh();
  if (convert_copies(f, *a)) fresh();
  place_destroys(f, *a);
}

}  // namespace ownmodel::flow
