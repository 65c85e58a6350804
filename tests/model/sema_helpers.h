#pragma once
// Helpers for the lowering's tests: parse and lower a snippet, and look at the
// diagnostics and the Core IR it gives.

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <fmt/format.h>

#include "model/diagnostics/source.h"
#include "model/ir/core_ir.h"
#include "model/rules/report.h"
#include "model/rules/rule_set.h"
#include "model/sema/lower.h"
#include "model/syntax/parser.h"

namespace ownmodel::sema_test {

struct Lowered {
  bool parsed = false;
  std::optional<ir::Module> module;
  std::vector<Diagnostic> diagnostics;

  /// "code L:C message" for every diagnostic, one per line (for failure messages).
  [[nodiscard]] std::string dump() const {
    std::string out;
    for (const Diagnostic& d : diagnostics)
      out += fmt::format("{} {}:{} {}\n", d.code, d.span.line, d.span.col, d.message);
    return out;
  }
  [[nodiscard]] std::vector<const Diagnostic*> with_code(std::string_view code) const {
    std::vector<const Diagnostic*> out;
    for (const Diagnostic& d : diagnostics)
      if (d.code == code) out.push_back(&d);
    return out;
  }
  [[nodiscard]] bool has(std::string_view code, std::uint32_t line, std::uint32_t col) const {
    return std::any_of(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) {
      return d.code == code && d.span.line == line && d.span.col == col;
    });
  }
  [[nodiscard]] std::size_t errors() const {
    return static_cast<std::size_t>(std::count_if(
        diagnostics.begin(), diagnostics.end(),
        [](const Diagnostic& d) { return d.severity == Severity::Error; }));
  }
};

inline Lowered lower_text(std::string_view text, const RuleSet& rules = RuleSet()) {
  Lowered out;
  ParseResult parsed = parse(SourceFile("test.mojo", std::string(text)));
  out.parsed = parsed.module.has_value();
  if (!parsed.module) {
    out.diagnostics = std::move(parsed.diagnostics);
    return out;
  }
  DiagnosticSink sink(rules);
  out.module = sema::lower(*parsed.module, sink);
  out.diagnostics = sink.take();
  return out;
}

/// The function named `name` ("main", "Pair.__init__").
inline const ir::Function* function(const ir::Module& m, std::string_view name) {
  for (const ir::Function& f : m.functions)
    if (f.name == name) return &f;
  return nullptr;
}

/// Number of instructions of alternative T in a function.
template <class T>
std::size_t count(const ir::Function& f) {
  std::size_t n = 0;
  for (const ir::BasicBlock& b : f.blocks)
    for (const ir::Instr& i : b.instrs)
      if (std::holds_alternative<T>(i.node)) ++n;
  return n;
}

/// Every instruction of alternative T in a function, in block order.
template <class T>
std::vector<const T*> all(const ir::Function& f) {
  std::vector<const T*> out;
  for (const ir::BasicBlock& b : f.blocks)
    for (const ir::Instr& i : b.instrs)
      if (const auto* x = std::get_if<T>(&i.node)) out.push_back(x);
  return out;
}

}  // namespace ownmodel::sema_test
