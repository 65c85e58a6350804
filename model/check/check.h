#pragma once
// The static pipeline: parse → lower (S0, local rules) → flow rules →
// elaboration. What `ownmodel check` and `ownmodel elaborate` run, and what
// the interpreter, the verifier and the campaigns start from.

#include <cstdint>
#include <memory>
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

class CheckCache;

/// Checks one source file under `rules`.
[[nodiscard]] CheckResult check_source(const SourceFile& source, const RuleSet& rules);

/// Checks an already parsed module (generators produce syntax trees directly).
[[nodiscard]] CheckResult check_module(const ast::Module& module, const RuleSet& rules);

/// Reuse across checks of modules that share declarations and a leading run
/// of functions, such as the prelude of every enumerated program: the
/// lowering, flow rules and elaboration of each such function are done once
/// and replayed. The results are exactly those without a cache (the same
/// diagnostics in the same order, the same elaborated module).
///
/// It remembers one module's declarations (all items, with their source
/// positions, bodies left out) and rule set; a check of a module whose
/// declarations or rule set differ replaces it. Within it, function k is
/// replayed when functions 0..k are identical to the remembered module's
/// (positions included) and their lowering touched no module-wide state
/// (for instance a new List[T] type): a module is lowered body by body in
/// order, and each body reads only the declarations and what the bodies
/// before it left behind. Owned by the caller; not thread safe (one per
/// thread).
class CheckCache {
 public:
  CheckCache();
  ~CheckCache();
  CheckCache(CheckCache&&) noexcept;
  CheckCache& operator=(CheckCache&&) noexcept;

  /// Functions replayed and functions checked afresh, over this cache's life.
  [[nodiscard]] std::uint64_t functions_reused() const { return reused_; }
  [[nodiscard]] std::uint64_t functions_checked() const { return checked_; }

  struct Entry;  // check.cpp

 private:
  friend struct CacheSession;
  std::unique_ptr<Entry> entry_;
  std::uint64_t reused_ = 0;
  std::uint64_t checked_ = 0;
};

/// check_module and check_source with a cache (results identical to without).
[[nodiscard]] CheckResult check_module(const ast::Module& module, const RuleSet& rules,
                                       CheckCache& cache);
[[nodiscard]] CheckResult check_source(const SourceFile& source, const RuleSet& rules,
                                       CheckCache& cache);

}  // namespace ownmodel
