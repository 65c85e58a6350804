#pragma once
// Reporting a rule violation under a rule set: the one place that decides
// whether a violation is an error, a warning or silent, and that keeps one
// diagnostic per (rule, position, message) (docs/semantics.md §3.1).

#include <string>
#include <vector>

#include "model/diagnostics/diagnostic.h"
#include "model/rules/rule.h"
#include "model/rules/rule_set.h"

namespace ownmodel {

class DiagnosticSink {
 public:
  explicit DiagnosticSink(const RuleSet& rules) : rules_(&rules) {}

  [[nodiscard]] const RuleSet& rules() const { return *rules_; }

  /// Reports a violation of a static or lint rule at `where`. Dropped when the
  /// rule is Off; a warning when it is set to Warning (or is a lint).
  void report(Rule rule, Span where, std::string message, std::vector<DiagnosticNote> notes = {});

  /// Reports a front-end finding with a non-rule code (`unsupported`, `limit`, …).
  void report_code(Severity severity, std::string code, Span where, std::string message,
                   std::vector<DiagnosticNote> notes = {});

  /// True when some error (not warning) has been reported so far.
  [[nodiscard]] bool has_errors() const;

  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  [[nodiscard]] std::vector<Diagnostic> take() { return std::move(diagnostics_); }

 private:
  const RuleSet* rules_;
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace ownmodel
