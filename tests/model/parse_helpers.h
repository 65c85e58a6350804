#pragma once
// Helpers shared by the parser's tests: parse a snippet and see its tree as an
// S-expression (syntax_dump.h), or its first error as code and position.

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "model/diagnostics/render.h"
#include "model/diagnostics/source.h"
#include "model/syntax/parser.h"
#include "syntax_dump.h"

namespace ownmodel::parse_test {

inline ParseResult parse_text(std::string_view text, const ParseLimits& limits = {}) {
  return parse(SourceFile("test.mojo", std::string(text)), limits);
}

/// The dump of a file that must parse; otherwise "ERROR" and the diagnostics,
/// so that a failed EXPECT_EQ shows what went wrong.
inline std::string parsed(std::string_view text) {
  SourceFile source("test.mojo", std::string(text));
  ParseResult result = parse(source);
  if (!result.module) return "ERROR\n" + render_text(source, result.diagnostics);
  return syntax_dump::dump(*result.module);
}

/// Wraps statement lines (separated by '\n') as the body of `def main():`.
inline std::string in_main(std::string_view body) {
  std::string text = "def main():\n";
  std::size_t start = 0;
  while (start <= body.size()) {
    std::size_t end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    text += "    ";
    text += body.substr(start, end - start);
    text += '\n';
    start = end + 1;
  }
  return text;
}

/// The dump of main's body, for statement lines written without indentation.
inline std::string stmts(std::string_view body) {
  SourceFile source("test.mojo", in_main(body));
  ParseResult result = parse(source);
  if (!result.module) return "ERROR\n" + render_text(source, result.diagnostics);
  const auto& main = std::get<ast::Function>(result.module->items.at(0).node);
  return syntax_dump::dump(main.body);
}

/// The dump of one expression (parsed as an expression statement).
inline std::string expr(std::string_view text) {
  SourceFile source("test.mojo", in_main(text));
  ParseResult result = parse(source);
  if (!result.module) return "ERROR\n" + render_text(source, result.diagnostics);
  const auto& main = std::get<ast::Function>(result.module->items.at(0).node);
  const auto* statement = std::get_if<ast::ExprStmt>(&main.body.at(0).node);
  if (!statement) return "NOT AN EXPRESSION STATEMENT: " + syntax_dump::dump(main.body);
  return syntax_dump::dump(statement->expr);
}

inline const Diagnostic* first_error(const ParseResult& result) {
  for (const auto& d : result.diagnostics) {
    if (d.severity == Severity::Error) return &d;
  }
  return nullptr;
}

/// Passes when the text is rejected and its first error has this code and
/// position (and contains `message_part`, when given).
inline ::testing::AssertionResult rejects(std::string_view text, std::string_view code,
                                          std::uint32_t line, std::uint32_t col,
                                          std::string_view message_part = "") {
  ParseResult result = parse_text(text);
  const Diagnostic* error = first_error(result);
  if (!error) return ::testing::AssertionFailure() << "no error reported";
  if (result.module) return ::testing::AssertionFailure() << "a module despite an error";
  if (error->code != code || error->span.line != line || error->span.col != col ||
      error->message.find(message_part) == std::string::npos) {
    return ::testing::AssertionFailure()
           << fmt::format("got {}:{} [{}] {}", error->span.line, error->span.col, error->code,
                          error->message);
  }
  return ::testing::AssertionSuccess();
}

/// The warnings of a file that must parse, as "line:col message".
inline std::vector<std::string> warnings(std::string_view text) {
  ParseResult result = parse_text(text);
  std::vector<std::string> out;
  if (!result.module) {
    out.push_back("ERROR: " + (first_error(result) ? first_error(result)->message : ""));
    return out;
  }
  for (const auto& d : result.diagnostics) {
    EXPECT_EQ(d.code, "deprecated");
    out.push_back(fmt::format("{}:{} {}", d.span.line, d.span.col, d.message));
  }
  return out;
}

}  // namespace ownmodel::parse_test
