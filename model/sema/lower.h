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
#include <optional>
#include <vector>

#include "model/diagnostics/diagnostic.h"

#include "model/ir/core_ir.h"
#include "model/rules/report.h"
#include "model/syntax/ast.h"

namespace ownmodel::sema {

struct LowerLimits {
  std::size_t max_functions = 10'000;
  std::size_t max_instructions = 2'000'000;   ///< over the whole module
};

/// What lowering one function body left behind when it touched nothing else
/// of the module (no new type, no fatal error, no limit): a caller that has
/// seen the same body in the same context can replay it (check.h's CheckCache).
struct BodyTrace {
  std::vector<Diagnostic> diagnostics;  ///< what the body added to the sink, in order
  std::size_t instructions = 0;         ///< counted against max_instructions
};

/// Lets the caller skip bodies it lowered before. Bodies are lowered in
/// function order; a body's lowering reads the declarations, the type table
/// and the module-wide state left by the bodies before it, and no other
/// function's IR, so a caller can vouch for a body when the declarations and
/// every earlier body are identical (with their positions) to a run it saw.
class BodyReuse {
 public:
  virtual ~BodyReuse() = default;
  /// Before lowering function `id` (`decl` is null for a synthesized one): a
  /// trace to replay instead, or null to lower it. A replayed function is
  /// left as its declared shell, with no blocks: the caller fills it in.
  virtual const BodyTrace* reuse(ir::FunctionId id, const ast::Function* decl) = 0;
  /// After lowering function `id`: its trace, or null when it touched the
  /// module beyond its own function (then no later body may be replayed).
  virtual void lowered(ir::FunctionId id, const BodyTrace* trace) = 0;
};

/// The lowered module, or nullopt when the program is not well formed (an S0
/// or `unsupported` error was reported): then there is nothing to elaborate.
[[nodiscard]] std::optional<ir::Module> lower(const ast::Module& module, DiagnosticSink& sink,
                                              const LowerLimits& limits = {},
                                              BodyReuse* reuse = nullptr);

}  // namespace ownmodel::sema
