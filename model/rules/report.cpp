#include "model/rules/report.h"

#include <algorithm>

namespace ownmodel {

void DiagnosticSink::report(Rule rule, Span where, std::string message,
                            std::vector<DiagnosticNote> notes) {
  const RuleSeverity level = rules_->severity(rule);
  if (level == RuleSeverity::Off) return;
  report_code(level == RuleSeverity::Error ? Severity::Error : Severity::Warning,
              std::string(spec_name(rule)), where, std::move(message), std::move(notes));
}

void DiagnosticSink::report_code(Severity severity, std::string code, Span where,
                                 std::string message, std::vector<DiagnosticNote> notes) {
  // One diagnostic per (code, position, message): an analysis that visits a
  // point twice (loops) must not repeat itself. Span's == ignores positions,
  // so compare the fields.
  const bool seen = std::any_of(diagnostics_.begin(), diagnostics_.end(), [&](const Diagnostic& d) {
    return d.code == code && d.span.line == where.line && d.span.col == where.col &&
           d.message == message;
  });
  if (seen) return;
  diagnostics_.push_back(
      Diagnostic{severity, std::move(code), where, std::move(message), std::move(notes)});
}

bool DiagnosticSink::has_errors() const {
  return std::any_of(diagnostics_.begin(), diagnostics_.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

}  // namespace ownmodel
