// The examples corpus (examples/, recursively; examples/README.md). Every program
// parses without errors, and without warnings unless it is the legacy-spellings file.
// Printing is a fixed point: parse(print(m)) == m and print(parse(print(m))) == print(m).
// Every header follows the corpus format, so other engines can read its expectations.

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "campaigns/corpus_header.h"
#include "model/diagnostics/diagnostic.h"
#include "model/diagnostics/render.h"
#include "model/diagnostics/source.h"
#include "model/rules/rule.h"
#include "model/syntax/parser.h"
#include "model/syntax/print.h"

namespace ownmodel {
namespace {

namespace fs = std::filesystem;

/* --- The corpus on disk ------------------------------------------------ */

const fs::path& examples_dir() {
  static const fs::path dir{OWNMODEL_EXAMPLES_DIR};
  return dir;
}

/// Every `*.mojo` under examples/, as paths relative to it with `/` separators, sorted.
std::vector<std::string> example_files() {
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(examples_dir())) {
    if (entry.is_regular_file() && entry.path().extension() == ".mojo") {
      files.push_back(fs::relative(entry.path(), examples_dir()).generic_string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

using corpus::read_text;

/// Only the file written to exercise the older spellings may parse with warnings.
bool is_legacy(std::string_view relative) {
  return relative.find("legacy") != std::string_view::npos;
}

bool is_rejected(std::string_view relative) { return relative.starts_with("rejected/"); }

/// `rejected/01-use-after-transfer.mojo` -> `rejected_01_use_after_transfer`.
std::string test_name(const testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  if (name.ends_with(".mojo")) name.resize(name.size() - 5);
  for (char& c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0) c = '_';
  }
  return name;
}

/* --- The header format of examples/README.md --------------------------- */

using corpus::Header;
using corpus::split_lines;

/// `<line>:<col>: <message> [<rule>]`, with the position inside the file and the rule in
/// the catalogue.
std::optional<std::string> check_expected_error(const std::string& value,
                                                const std::vector<std::string>& lines) {
  const std::optional<corpus::ExpectedDiagnostic> e = corpus::parse_expected(value);
  if (!e) return "expect-error is not `<line>:<col>: <message> [<rule>]`: " + value;
  // parse_expected already refuses a line or column of 0.
  if (e->line > lines.size() || e->col > lines[e->line - 1].size()) {
    return "expect-error position is outside the file: " + value;
  }
  if (lines[e->line - 1].starts_with("#")) return "expect-error points at a comment: " + value;
  // A trailing `[id]` names the checker rule of the catalogue that rejects the program.
  if (!e->code.empty()) {
    const std::optional<Rule> rule = rule_from_id(e->code);
    if (!rule || kind(*rule) != RuleKind::Static) {
      return "expect-error names no checker rule of model/rules/rule_list.def: " + e->code;
    }
  }
  return std::nullopt;
}

/* --- Per-file properties ----------------------------------------------- */

class ExamplesCorpus : public testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { d_text = read_text(examples_dir() / GetParam()); }

  [[nodiscard]] SourceFile source() const { return SourceFile(GetParam(), d_text); }
  [[nodiscard]] const std::string& text() const { return d_text; }

  /// Parses the file; fails the test (and returns nothing) when it does not parse.
  std::optional<ast::Module> parse_or_fail() {
    const SourceFile file = source();
    ParseResult result = parse(file);
    if (has_errors(result.diagnostics) || !result.module) {
      ADD_FAILURE() << render_text(file, result.diagnostics);
      return std::nullopt;
    }
    return std::move(result.module);
  }

 private:
  std::string d_text;
};

TEST_P(ExamplesCorpus, ParsesWithoutErrors) {
  const SourceFile file = source();
  const ParseResult result = parse(file);
  ASSERT_FALSE(has_errors(result.diagnostics)) << render_text(file, result.diagnostics);
  ASSERT_TRUE(result.module.has_value());
  if (!is_legacy(GetParam())) {
    EXPECT_TRUE(result.diagnostics.empty())
        << "only the legacy-spellings example may warn:\n"
        << render_text(file, result.diagnostics);
  }
}

TEST_P(ExamplesCorpus, ReparsingThePrintedProgramGivesTheSameTree) {
  const std::optional<ast::Module> module = parse_or_fail();
  ASSERT_TRUE(module.has_value());
  const std::string printed = print(*module);
  const SourceFile reprinted(GetParam() + " (printed)", printed);
  const ParseResult again = parse(reprinted);
  // The printer writes Mojo 1.0 spellings only, so even the legacy file reparses cleanly.
  ASSERT_TRUE(again.diagnostics.empty()) << render_text(reprinted, again.diagnostics) << printed;
  ASSERT_TRUE(again.module.has_value());
  EXPECT_TRUE(*again.module == *module) << "the printed program parses to another tree:\n"
                                        << printed;
}

TEST_P(ExamplesCorpus, PrintingIsIdempotent) {
  const std::optional<ast::Module> module = parse_or_fail();
  ASSERT_TRUE(module.has_value());
  const std::string once = print(*module);
  const ParseResult again = parse(SourceFile(GetParam() + " (printed)", once));
  ASSERT_TRUE(again.module.has_value());
  EXPECT_EQ(print(*again.module), once);
}

TEST_P(ExamplesCorpus, HeaderFollowsTheCorpusFormat) {
  const std::vector<std::string> lines = split_lines(text());
  const Header h = corpus::read_header(text(), corpus::Corpus::Examples);
  for (const std::string& problem : h.problems) ADD_FAILURE() << problem;

  const bool rejected = is_rejected(GetParam());
  EXPECT_EQ(h.values("expect"),
            std::vector<std::string>{rejected ? "rejected" : "accepted"});
  const std::vector<std::string> errors = h.values("expect-error");
  if (rejected) {
    ASSERT_EQ(errors.size(), 1u) << "a rejected example names exactly one expected error";
    if (const auto problem = check_expected_error(errors[0], lines)) ADD_FAILURE() << *problem;
    EXPECT_TRUE(h.outputs.empty()) << "a rejected example has no output";
    return;
  }
  EXPECT_TRUE(errors.empty()) << "an accepted example expects no error";
  ASSERT_FALSE(h.outputs.empty()) << "an accepted example states its output";
  for (const auto& output : h.outputs) EXPECT_FALSE(output.empty()) << "empty expect-output";
  const std::vector<std::string> inputs = h.values("inputs");
  if (!inputs.empty()) {
    EXPECT_EQ(inputs.size(), h.outputs.size()) << "one expect-output per input set";
    EXPECT_FALSE(h.values("not-mojo").empty())
        << "inputs to `main` are an ownmodel extension; say so with `not-mojo:`";
  }
}

INSTANTIATE_TEST_SUITE_P(Examples, ExamplesCorpus, testing::ValuesIn(example_files()), test_name);

/* --- The corpus as a whole --------------------------------------------- */

TEST(ExamplesCorpusContents, CoversTheSubsetWithEnoughPrograms) {
  std::size_t accepted = 0;
  std::size_t rejected = 0;
  std::size_t legacy = 0;
  for (const std::string& file : example_files()) {
    (is_rejected(file) ? rejected : accepted) += 1;
    legacy += is_legacy(file) ? 1 : 0;
  }
  EXPECT_GE(accepted, 24u);
  EXPECT_GE(rejected, 6u);
  EXPECT_EQ(legacy, 1u);
}

// The legacy file is there to exercise the aliases: it must warn, and every warning
// must be a `deprecated` one.
TEST(ExamplesCorpusContents, LegacySpellingsWarnOnlyAsDeprecated) {
  for (const std::string& name : example_files()) {
    if (!is_legacy(name)) continue;
    const SourceFile file(name, read_text(examples_dir() / name));
    const ParseResult result = parse(file);
    EXPECT_FALSE(result.diagnostics.empty()) << name << " uses no older spelling";
    for (const Diagnostic& d : result.diagnostics) {
      EXPECT_EQ(d.severity, Severity::Warning) << render_text(file, d);
      EXPECT_EQ(d.code, "deprecated") << render_text(file, d);
    }
  }
}

// Every construct DESIGN.md §2 lists appears somewhere in the accepted programs, so a
// change to the corpus cannot silently drop one.
TEST(ExamplesCorpusContents, MentionsEveryConstructOfTheSubset) {
  std::string all;
  for (const std::string& file : example_files()) {
    if (!is_rejected(file) && !is_legacy(file)) all += read_text(examples_dir() / file);
  }
  for (std::string_view needle :
       {"(Copyable)", "(ImplicitlyCopyable)", "(Movable)", "(RegisterPassable)",
        "(TrivialRegisterPassable)", "Deinitable where False", "@explicit_destroy(\"",
        "@fieldwise_init", "__init__(out self, *, copy: Self)",
        "__init__(out self, *, deinit move: Self)", "__deinit__(deinit self)", "(deinit self)",
        "(mut self", "(var self", "(ref self", "(imm ", "(mut ", "(var ", "out result:",
        "deinit other:", "(ref ", "ref[_]", " raises", "-> ref[", "OwnedPointer[",
        "List[", "UnsafePointer[", "alloc[", ".free()", ".init_pointee_move(",
        ".init_pointee_copy(", ".take_pointee()", ".destroy_pointee()", "UnsafePointer(to=",
        "from std.memory import OwnedPointer, UnsafePointer", "import std.", "var letter: String",
        "ref ", "_ = ", "+=", "-=", "*=", "//=", "%=", "elif ", "else:", "while ",
        "for i in range(", "break", "continue", "return", "raise Error(", "try:", "except e:",
        "except:", "pass", "^", ".copy()", "end=\"\"", " and ", " or ", "not ", "[1, 2, 3",
        "0x", "0b", "0o", "len("}) {
    EXPECT_NE(all.find(needle), std::string::npos) << "no accepted example contains `" << needle
                                                   << "`";
  }
}

}  // namespace
}  // namespace ownmodel
