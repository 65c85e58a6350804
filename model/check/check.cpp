#include "model/check/check.h"

#include <algorithm>

#include "model/flow/flow.h"
#include "model/rules/report.h"
#include "model/sema/lower.h"
#include "model/syntax/parser.h"

namespace ownmodel {
namespace {

// Source order, so a reader sees the first mistake first; stable so that the
// notes of one finding stay behind it and equal positions keep report order.
void sort_by_position(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.span.line != b.span.line) return a.span.line < b.span.line;
    return a.span.col < b.span.col;
  });
}

CheckResult run_rules(const ast::Module& module, const RuleSet& rules,
                      std::vector<Diagnostic> front_end) {
  CheckResult result;
  DiagnosticSink sink(rules);
  std::optional<ir::Module> lowered = sema::lower(module, sink);
  if (lowered) {
    flow::check_flow(*lowered, sink);
    flow::elaborate(*lowered, rules);
    result.elaborated = std::move(lowered);
  }
  const bool rejected = sink.has_errors() || !result.elaborated;
  result.diagnostics = std::move(front_end);
  for (Diagnostic& d : sink.take()) result.diagnostics.push_back(std::move(d));
  sort_by_position(result.diagnostics);
  result.accepted = !rejected && !has_errors(result.diagnostics);
  return result;
}

}  // namespace

CheckResult check_module(const ast::Module& module, const RuleSet& rules) {
  return run_rules(module, rules, {});
}

CheckResult check_source(const SourceFile& source, const RuleSet& rules) {
  ParseResult parsed = parse(source);
  if (!parsed.module) {
    CheckResult result;
    result.diagnostics = std::move(parsed.diagnostics);
    return result;
  }
  return run_rules(*parsed.module, rules, std::move(parsed.diagnostics));
}

}  // namespace ownmodel
