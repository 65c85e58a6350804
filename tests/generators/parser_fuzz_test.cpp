// The parser is total: random token sequences, random bytes and mangled
// programs never crash it, and each ends either in a Module without errors or
// in at least one error, with every position inside the text. Whatever it
// accepts, the printer prints and the parser reads back unchanged.

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <string>
#include <vector>

#include "check_cases.h"
#include "generators/fuzz_gen.h"
#include "model/diagnostics/diagnostic.h"
#include "model/diagnostics/source.h"
#include "model/syntax/parser.h"
#include "model/syntax/print.h"

namespace ownmodel {
namespace {

/// Why `span` is not a position in `source`, or empty when it is one.
std::string bad_position(const Span& span, const SourceFile& source) {
  const std::uint32_t last_line = source.line_count() + 1;  // one past the end is allowed
  if (span.line < 1 || span.line > last_line) return "line " + std::to_string(span.line);
  if (span.col < 1) return "column " + std::to_string(span.col);
  if (span.end_line != 0) {
    if (span.end_line > last_line) return "end line " + std::to_string(span.end_line);
    if (span.end_line < span.line || (span.end_line == span.line && span.end_col < span.col)) {
      return "end before start";
    }
  }
  return {};
}

/// The answer the parser owes any input; a plain function so that gtest tests
/// on fixed inputs and RapidCheck properties share it.
std::vector<std::string> answer_problems(const std::string& text) {
  std::vector<std::string> problems;
  const SourceFile source("fuzz.mojo", text);
  const ParseResult result = parse(source);
  const bool errors = has_errors(result.diagnostics);
  if (result.module.has_value() == errors) {
    problems.push_back(errors ? "a module despite errors" : "neither a module nor an error");
  }
  for (const Diagnostic& d : result.diagnostics) {
    const std::string where = std::to_string(d.span.line) + ":" + std::to_string(d.span.col);
    if (std::string bad = bad_position(d.span, source); !bad.empty()) {
      problems.push_back("diagnostic at bad position (" + bad + "): " + where + " " + d.message);
    }
    for (const DiagnosticNote& n : d.notes) {
      if (std::string bad = bad_position(n.span, source); !bad.empty()) {
        problems.push_back("note at bad position (" + bad + "): " + n.message);
      }
    }
    if (d.code.empty()) problems.push_back("diagnostic without a code: " + d.message);
  }
  if (result.module) {
    const std::string printed = print(*result.module);
    const ParseResult again = parse(SourceFile("reprinted.mojo", printed));
    if (!again.module || !(*again.module == *result.module)) {
      problems.push_back("accepted, but its printed form does not read back:\n" + printed);
    }
  }
  return problems;
}

void check_answer(const std::string& text) {
  RC_CLASSIFY(parse(SourceFile("fuzz.mojo", text)).module.has_value(), "accepted");
  const std::vector<std::string> problems = answer_problems(text);
  for (const std::string& p : problems) RC_LOG() << p << '\n';
  RC_ASSERT(problems.empty());
}

OWNMODEL_PROP(ParserFuzz, TokenSequences, 3000, ()) { check_answer(*gen::token_soup()); }

OWNMODEL_PROP(ParserFuzz, RandomBytes, 3000, ()) { check_answer(*gen::random_bytes()); }

OWNMODEL_PROP(ParserFuzz, MutatedPrograms, 3000, ()) { check_answer(*gen::mutated_program()); }

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// Inputs at the edges: empty, encodings, layout, limits and very deep or very
// long constructs, which must end in a `limit` error rather than exhaust the stack.
TEST(ParserFuzz, EdgeInputs) {
  const std::vector<std::string> inputs = {
      "",
      "\xef\xbb\xbf",
      std::string("def f():\n    x = 1\0\n", 20),
      "def f():\n    x = \"\xff\"\n",
      "def f():\r\n    pass\r\n",
      "def f():\r    pass\r",
      "def f():\n\tpass\n        pass\n",
      "def f():\n        pass\n    pass\n",
      "def f():\n    x = \"abc",
      "def f():\n    x = \"abc\\",
      "def f():\n    x = \\",
      "\\",
      "def f():\n    x = 99999999999999999999999\n",
      "def f():\n    x = 1.5\n",
      "def f():\n    x = (\n",
      "def f():\n    x = )\n",
      "def f(:\n",
      "@\n",
      "struct S:\n",
      "struct S:\n    \"\"\"doc\"\"\"\n",
      "def f():\n    x = (" + repeat("(", 100000) + "\n",
      "def f():\n    x = " + repeat("[", 100000) + "\n",
      "def f():\n    x = " + repeat("not ", 100000) + "a\n",
      "def f():\n    x = " + repeat("-", 100000) + "a\n",
      "def f():\n    x = a" + repeat(" + a", 100000) + "\n",
      "def f():\n    x = a" + repeat(".b", 100000) + "\n",
      "def f():\n    x = a" + repeat("[0]", 100000) + "\n",
      "def f():\n    x = a" + repeat("()", 100000) + "\n",
      "def f():\n    x = a" + repeat("^", 100000) + "\n",
      [] {
        std::string nested = "def f():\n";
        for (int depth = 1; depth <= 5000; ++depth) nested += std::string(4 * depth, ' ') + "if a:\n";
        return nested + std::string(4 * 5001, ' ') + "pass\n";
      }(),
      repeat("def f():\n    pass\n\n", 20000),
  };
  for (const std::string& text : inputs) {
    const std::vector<std::string> problems = answer_problems(text);
    EXPECT_TRUE(problems.empty()) << "input: " << text.substr(0, 80) << "\n" << problems.front();
  }
}

}  // namespace
}  // namespace ownmodel
