#pragma once
// The control-flow graph of one Core IR function (docs/semantics.md §3.1), as a
// Boost.Graph adjacency list whose vertices are the function's basic blocks.
// Normal edges follow the terminator; an unwind edge goes from the block of a
// raising call to its unwind block, and records the call's index, because the
// state on that edge differs from the normal one (`out` arguments are not
// written, the error is in $err).

#include <cstdint>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "model/ir/core_ir.h"

namespace ownmodel::flow {

enum class EdgeKind : std::uint8_t { Normal, Unwind };

struct EdgeInfo {
  EdgeKind kind = EdgeKind::Normal;
  std::uint8_t succ = 0;     ///< Normal: 0 for goto / then, 1 for else
  std::uint32_t instr = 0;   ///< Unwind: index of the raising call in its block
};

using Cfg = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                  boost::no_property, EdgeInfo>;

/// The successor blocks of a terminator in edge order (goto; then, else).
/// Targets outside the function are left out.
[[nodiscard]] std::vector<ir::BlockId> successors(const ir::Function& f, const ir::Terminator& t);

/// One vertex per block, in block order.
[[nodiscard]] Cfg build_cfg(const ir::Function& f);

}  // namespace ownmodel::flow
