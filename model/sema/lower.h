#pragma once
// Lowering: from the syntax tree to Core IR, without destructions
// (docs/semantics.md §6). It resolves names and types (S0), builds the type
// table with capabilities under the rule set (§2.1), checks the declaration
// rules (S12a–g) and the rules that need no flow analysis (S4a–c, S5a–b,
// S6a–c, S9, S10a–c, W2, W3), and lowers every function body — including
// synthesized ones (@fieldwise_init) — to basic blocks. Lowering is total for
// well-formed programs: a rule violation is reported and the IR is built as if
// the rule's premise held, so rejected programs can still be run.

#include <cstddef>

#include "model/ir/core_ir.h"
#include "model/rules/report.h"
#include "model/syntax/ast.h"

namespace ownmodel::sema {

struct LowerLimits {
  std::size_t max_functions = 10'000;
  std::size_t max_instructions = 2'000'000;   ///< over the whole module
};

/// The lowered module, or nullopt when the program is not well formed (an S0
/// or `unsupported` error was reported): then there is nothing to elaborate.
[[nodiscard]] std::optional<ir::Module> lower(const ast::Module& module, DiagnosticSink& sink,
                                              const LowerLimits& limits = {});

}  // namespace ownmodel::sema
