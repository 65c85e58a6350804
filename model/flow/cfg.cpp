#include "model/flow/cfg.h"

#include <variant>

namespace ownmodel::flow {

std::vector<ir::BlockId> successors(const ir::Function& f, const ir::Terminator& t) {
  std::vector<ir::BlockId> out;
  auto add = [&](ir::BlockId b) {
    if (b < f.blocks.size()) out.push_back(b);
  };
  if (const auto* g = std::get_if<ir::Goto>(&t.node)) {
    add(g->target);
  } else if (const auto* br = std::get_if<ir::Branch>(&t.node)) {
    add(br->then_block);
    add(br->else_block);
  }
  return out;
}

Cfg build_cfg(const ir::Function& f) {
  Cfg g(f.blocks.size());
  for (ir::BlockId b = 0; b < f.blocks.size(); ++b) {
    const ir::BasicBlock& block = f.blocks[b];
    for (std::uint32_t k = 0; k < block.instrs.size(); ++k) {
      const auto* call = std::get_if<ir::Call>(&block.instrs[k].node);
      if (call && call->unwind < f.blocks.size())
        boost::add_edge(b, call->unwind, EdgeInfo{EdgeKind::Unwind, 0, k}, g);
    }
    // Keep the then/else index even when a target is invalid, so edits can
    // find the terminator operand an edge belongs to.
    if (const auto* go = std::get_if<ir::Goto>(&block.term.node)) {
      if (go->target < f.blocks.size()) boost::add_edge(b, go->target, EdgeInfo{EdgeKind::Normal, 0, 0}, g);
    } else if (const auto* br = std::get_if<ir::Branch>(&block.term.node)) {
      if (br->then_block < f.blocks.size())
        boost::add_edge(b, br->then_block, EdgeInfo{EdgeKind::Normal, 0, 0}, g);
      if (br->else_block < f.blocks.size())
        boost::add_edge(b, br->else_block, EdgeInfo{EdgeKind::Normal, 1, 0}, g);
    }
  }
  return g;
}

}  // namespace ownmodel::flow
