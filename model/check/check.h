#pragma once
// The static pipeline: parse → lower (S0, local rules) → flow rules →
// elaboration. What `ownmodel check` and `ownmodel elaborate` run, and what
// the interpreter, the verifier and the campaigns start from.

#include <optional>
#include <vector>

#include "model/diagnostics/diagnostic.h"
#include "model/diagnostics/source.h"
#include "model/ir/core_ir.h"
#include "model/rules/rule_set.h"
#include "model/syntax/ast.h"

namespace ownmodel {

struct CheckResult {
  /// Every diagnostic: syntax, deprecations, rule errors and warnings, in
  /// source order.
  std::vector<Diagnostic> diagnostics;
  /// Parsed, well formed, and no rule of the rule set reported an error.
  bool accepted = false;
  /// The elaborated Core IR; present whenever the program is well formed
  /// (parsed, S0 holds), also when a rule rejects it.
  std::optional<ir::Module> elaborated;
};

/// Checks one source file under `rules`.
[[nodiscard]] CheckResult check_source(const SourceFile& source, const RuleSet& rules);

/// Checks an already parsed module (generators produce syntax trees directly).
[[nodiscard]] CheckResult check_module(const ast::Module& module, const RuleSet& rules);

}  // namespace ownmodel
