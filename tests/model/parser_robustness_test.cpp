// The parser on hostile input: every input ends in a module or in diagnostics
// with valid positions, quickly and without exhausting the host stack, and the
// trees it builds stay shallow enough to copy, compare and destroy.

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <chrono>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "parse_helpers.h"

namespace ownmodel {
namespace {

using parse_test::first_error;
using parse_test::parse_text;

/// Every diagnostic points into the text (a line of the file, a column at most
/// one past its end), and the module is present exactly when there is no error.
::testing::AssertionResult well_formed(const SourceFile& source, const ParseResult& result) {
  bool errors = false;
  for (const Diagnostic& d : result.diagnostics) {
    errors |= d.severity == Severity::Error;
    const std::uint32_t line_length = static_cast<std::uint32_t>(source.line_text(d.span.line).size());
    if (d.span.line < 1 || d.span.line > source.line_count() || d.span.col < 1 ||
        d.span.col > line_length + 1) {
      return ::testing::AssertionFailure()
             << fmt::format("bad position {}:{} for '{}' (file has {} lines)", d.span.line,
                            d.span.col, d.message, source.line_count());
    }
    if (d.code.empty() || d.message.empty()) return ::testing::AssertionFailure() << "empty diagnostic";
  }
  if (errors == result.module.has_value()) {
    return ::testing::AssertionFailure() << "module present: " << result.module.has_value();
  }
  return ::testing::AssertionSuccess();
}

ParseResult parse_checked(const std::string& text, const ParseLimits& limits = {}) {
  SourceFile source("robust.mojo", text);
  ParseResult result = parse(source, limits);
  EXPECT_TRUE(well_formed(source, result));
  return result;
}

std::string first_error_text(const ParseResult& result) {
  const Diagnostic* e = first_error(result);
  return e ? fmt::format("{} {}:{} {}", e->code, e->span.line, e->span.col, e->message) : "none";
}

/* --- Small and odd inputs ---------------------------------------------------- */

TEST(ParserRobustness, EmptyAndBlankFiles) {
  for (const char* text : {"", "\n", "\n\n\n", "   ", "  \n\t\n", "# only a comment", "# a\n# b\n\n",
                           "\xEF\xBB\xBF", "\r\n\r\n"}) {
    ParseResult result = parse_checked(text);
    ASSERT_TRUE(result.module.has_value()) << text;
    EXPECT_TRUE(result.module->items.empty());
    EXPECT_TRUE(result.diagnostics.empty());
  }
}

TEST(ParserRobustness, BinaryBytes) {
  std::string bytes;
  for (int i = 0; i < 4096; ++i) bytes.push_back(static_cast<char>((i * 7919 + 13) % 256));
  ParseResult result = parse_checked(bytes);
  EXPECT_FALSE(result.module.has_value());
  EXPECT_EQ(first_error(result)->code, "input");
}

TEST(ParserRobustness, InvalidUtf8IsAnInputErrorAtTheByte) {
  ParseResult result = parse_checked("def main():\n    x = \"\xFF\"\n");
  EXPECT_EQ(first_error_text(result), "input 2:10 the source is not valid UTF-8 (byte 0xFF)");
  EXPECT_EQ(result.diagnostics.size(), 1u);
  result = parse_checked("# caf\xC3\n");  // a truncated sequence in a comment
  EXPECT_EQ(first_error_text(result), "input 1:6 the source is not valid UTF-8 (byte 0xC3)");
}

TEST(ParserRobustness, NulByte) {
  ParseResult result = parse_checked(std::string("def main():\n    pass\0\n", 23));
  EXPECT_EQ(first_error_text(result), "input 2:9 the source contains a NUL byte");
}

TEST(ParserRobustness, ControlCharactersAreSyntaxErrors) {
  ParseResult result = parse_checked("def main():\n    x = 1\x07\n");
  EXPECT_EQ(first_error_text(result), "syntax 2:10 invalid character '\\x07' in the source");
}

TEST(ParserRobustness, UnterminatedStringIsReportedAtItsStart) {
  ParseResult result = parse_checked("def main():\n    print(\"hello)\n    pass\n");
  EXPECT_EQ(first_error_text(result), "syntax 2:11 unterminated string literal");
  result = parse_checked("def main():\n    x = '''never closed\n\n");
  EXPECT_EQ(first_error_text(result), "syntax 2:9 unterminated triple-quoted string literal");
  result = parse_checked("def main():\n    x = \"at the end");
  EXPECT_EQ(first_error_text(result), "syntax 2:9 unterminated string literal");
}

TEST(ParserRobustness, MixedTabsAndSpaces) {
  ParseResult result = parse_checked("def main():\n\tx = 1\n        y = 2\n");
  EXPECT_EQ(first_error_text(result), "syntax 3:1 inconsistent use of tabs and spaces in indentation");
}

TEST(ParserRobustness, OverlongIntegerLiteral) {
  ParseResult result = parse_checked("def main():\n    x = 123456789012345678901234567890\n");
  EXPECT_EQ(first_error(result)->code, "unsupported");
  EXPECT_EQ(first_error(result)->span.col, 9u);
  result = parse_checked("def main():\n    x = " + std::string(1 << 20, '9') + "\n");
  EXPECT_EQ(first_error(result)->code, "unsupported");
}

TEST(ParserRobustness, HugeNamesAndLines) {
  std::string name(1 << 20, 'a');
  ParseResult result = parse_checked("def main():\n    var " + name + " = 1\n    print(" + name + ")\n");
  EXPECT_TRUE(result.module.has_value());
  result = parse_checked("def main():\n    x = \"" + std::string(1 << 20, 'z') + "\"\n");
  EXPECT_TRUE(result.module.has_value());
}

TEST(ParserRobustness, InputLargerThanTheLimitIsRefusedUpFront) {
  ParseLimits limits;
  limits.max_bytes = 100;
  ParseResult result = parse_checked(std::string(101, ' '), limits);
  EXPECT_EQ(first_error_text(result).substr(0, 10), "input 1:1 ");
}

/* --- Deep nesting --------------------------------------------------------------- */

constexpr int kDeep = 10000;

std::string repeat(std::string_view piece, int times) {
  std::string out;
  out.reserve(piece.size() * static_cast<std::size_t>(times));
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

std::string in_main(const std::string& line) { return "def main():\n    x = " + line + "\n"; }

/// Parses and expects the nesting limit, quickly, as the only error.
void expect_nesting_limit(const std::string& text, std::string_view what) {
  auto start = std::chrono::steady_clock::now();
  ParseResult result = parse_checked(text);
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_FALSE(result.module.has_value()) << what;
  const Diagnostic* error = first_error(result);
  EXPECT_EQ(error->code, "limit") << what;
  EXPECT_EQ(error->message, "nesting deeper than 200 levels") << what;
  EXPECT_EQ(result.diagnostics.size(), 1u) << what;
  EXPECT_LT(seconds, 5.0) << what;  // generous: the point is that it ends, not its speed
}

TEST(ParserRobustness, DeepParentheses) {
  expect_nesting_limit(in_main(repeat("(", kDeep) + "1" + repeat(")", kDeep)), "parentheses");
  expect_nesting_limit(in_main(repeat("[", kDeep) + repeat("]", kDeep)), "list literals");
  expect_nesting_limit(in_main(repeat("f(", kDeep) + "1" + repeat(")", kDeep)), "calls");
  expect_nesting_limit(in_main(repeat("a[", kDeep) + "1" + repeat("]", kDeep)), "indexing");
}

TEST(ParserRobustness, DeepPrefixOperators) {
  expect_nesting_limit(in_main(repeat("-", kDeep) + "x"), "minus");
  expect_nesting_limit(in_main(repeat("not ", kDeep) + "x"), "not");
}

TEST(ParserRobustness, LongPostfixAndBinaryChains) {
  expect_nesting_limit(in_main("a" + repeat(".b", 100000)), "field chain");
  expect_nesting_limit(in_main("f" + repeat("()", 100000)), "call chain");
  expect_nesting_limit(in_main("x" + repeat("^", 100000)), "transfer chain");
  expect_nesting_limit(in_main("a" + repeat(" + a", 100000)), "additive chain");
  expect_nesting_limit(in_main("a" + repeat(" or a", 100000)), "or chain");
  expect_nesting_limit(in_main("a" + repeat(" * a", 100000)), "multiplicative chain");
}

TEST(ParserRobustness, DeepTypes) {
  expect_nesting_limit("def f(x: " + repeat("List[", kDeep) + "Int" + repeat("]", kDeep) + "):\n    pass\n",
                       "types");
}

TEST(ParserRobustness, DeeplyNestedBlocks) {
  std::string text = "def main():\n";
  for (int depth = 1; depth <= kDeep; ++depth) text += std::string(depth, ' ') + "if x:\n";
  text += std::string(kDeep + 1, ' ') + "pass\n";
  expect_nesting_limit(text, "if blocks");
}

TEST(ParserRobustness, NestingJustUnderTheLimitParsesAndTheTreeIsAValue) {
  ParseResult result = parse_checked(in_main(repeat("-(", 90) + "a.b.c" + repeat(")", 90)));
  ASSERT_TRUE(result.module.has_value());
  ast::Module copy = *result.module;  // copying and comparing recurse over the tree
  EXPECT_EQ(copy, *result.module);
  result = parse_checked(in_main("a" + repeat(" + a", 150)));
  ASSERT_TRUE(result.module.has_value());
}

TEST(ParserRobustness, TheNestingLimitIsConfigurable) {
  ParseLimits limits;
  limits.max_nesting = 10;
  EXPECT_EQ(first_error(parse_checked(in_main(repeat("(", 12) + "1" + repeat(")", 12)), limits))->message,
            "nesting deeper than 10 levels");
  EXPECT_TRUE(parse_checked(in_main(repeat("(", 5) + "1" + repeat(")", 5)), limits).module.has_value());
}

/* --- Size ----------------------------------------------------------------------- */

TEST(ParserRobustness, TenMegabyteFile) {
  std::string text;
  text.reserve(10'500'000);
  int functions = 0;
  while (text.size() < 10'000'000) {
    text += fmt::format(
        "# Adds twice b to a, in place, and returns the new value.\n"
        "def f{}(mut a: Int, b: Int) -> Int:\n    a += b * 2\n    return a\n\n",
        functions++);
  }
  auto start = std::chrono::steady_clock::now();
  ParseResult result = parse_checked(text);
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(result.module.has_value());
  EXPECT_EQ(result.module->items.size(), static_cast<std::size_t>(functions));
  std::printf("[ info     ] %d functions, %.1f MB parsed in %.2f s (%.1f MB/s)\n", functions,
              static_cast<double>(text.size()) / 1e6, seconds,
              static_cast<double>(text.size()) / 1e6 / seconds);
}

/* --- Properties ------------------------------------------------------------------- */

RC_GTEST_PROP(ParserRobustness, AnyBytesEndInAModuleOrValidDiagnostics, (const std::string& text)) {
  SourceFile source("any.mojo", text);
  RC_ASSERT(well_formed(source, parse(source)));
}

/// Text made of the subset's words and layout, so the generator reaches deep
/// into the grammar rather than stopping at the first invalid byte.
RC_GTEST_PROP(ParserRobustness, TokenSoupEndsInAModuleOrValidDiagnostics, ()) {
  static const std::vector<std::string> pieces = {
      "def ", "fn ", "struct ", "var ", "ref ", "if ", "elif ", "else", "while ", "for ", " in ",
      "return ", "raise ", "try", "except ", "pass", "break", "from ", "import ", "@", "x", "self",
      "mut ", "owned ", "out ", "deinit ", "Int", "1", "\"s\"", "'", "(", ")", "[", "]", "{", "}",
      ":", ",", ".", "^", "=", "==", "+", "-", "*", "//", "not ", "and ", "or ", "->", " raises",
      "\n", "\n", "\n    ", "\n        ", "\t", " ", "\\\n", "# c", "__init__", "__del__",
      "__copyinit__", "__moveinit__", "where False", "1.5", "/", ";"};
  const auto chosen = *rc::gen::container<std::vector<std::size_t>>(
      rc::gen::inRange<std::size_t>(0, pieces.size()));
  std::string text;
  for (std::size_t i : chosen) text += pieces[i];
  SourceFile source("soup.mojo", text);
  RC_ASSERT(well_formed(source, parse(source)));
}

/// The example programs with a few random edits (a range deleted, a line
/// repeated at another indentation, a piece of syntax inserted): near-valid input
/// reaches the error recovery paths.
RC_GTEST_PROP(ParserRobustness, EditedExamplesEndInAModuleOrValidDiagnostics, ()) {
  static const std::vector<std::string> examples = [] {
    std::vector<std::string> texts;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(OWNMODEL_EXAMPLES_DIR)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".mojo") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      texts.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return texts;
  }();
  RC_PRE(!examples.empty());
  static const std::vector<std::string> indents = {"", "  ", "    ", "\t"};
  static const std::vector<std::string> pieces = {
      "(", ")", "[", "]", ":", "\n", "    ", "def ", "if ", "\"", "^", ".", "=", ",",
      "var ", "struct ", "@", "\\", "#", "'''", "else:", "1.5", "fn ", "owned "};
  std::string text = *rc::gen::elementOf(examples);
  const int edits = *rc::gen::inRange(1, 4);
  for (int i = 0; i < edits && !text.empty(); ++i) {
    const std::size_t at = *rc::gen::inRange<std::size_t>(0, text.size());
    switch (*rc::gen::inRange(0, 3)) {
      case 0:
        text.erase(at, *rc::gen::inRange<std::size_t>(1, 40));
        break;
      case 1: {  // repeat the line holding `at`, at another indentation
        const std::size_t newline_before = text.rfind('\n', at);
        const std::size_t begin = newline_before == std::string::npos ? 0 : newline_before + 1;
        const std::size_t end = std::min(text.find('\n', at), text.size());
        const std::string line = text.substr(begin, end - begin);
        text.insert(begin, *rc::gen::elementOf(indents) + line + "\n");
        break;
      }
      default:
        text.insert(at, *rc::gen::elementOf(pieces));
        break;
    }
  }
  SourceFile source("edited.mojo", text);
  RC_ASSERT(well_formed(source, parse(source)));
}

}  // namespace
}  // namespace ownmodel
