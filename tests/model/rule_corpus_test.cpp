// The rule corpus (tests/data/rules/<RULE>/*.mojo; tests/data/rules/README.md), end to
// end through check_source: for every static rule except S0 and every lint rule, programs
// it rejects (or warns about) and near-identical programs it accepts, with the exact
// diagnostics — rule id, line, column and message. Also the examples corpus
// (examples/README.md): each example's verdict and its expected error.

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "campaigns/corpus_header.h"
#include "model/check/check.h"
#include "model/diagnostics/diagnostic.h"
#include "model/diagnostics/render.h"
#include "model/diagnostics/source.h"
#include "model/rules/rule.h"
#include "model/rules/rule_set.h"

namespace ownmodel {
namespace {

namespace fs = std::filesystem;
using Expected = corpus::ExpectedDiagnostic;

/* --- Files -------------------------------------------------------------- */

const fs::path& rules_dir() {
  static const fs::path dir = fs::path(OWNMODEL_SOURCE_DIR) / "tests" / "data" / "rules";
  return dir;
}

const fs::path& examples_dir() {
  static const fs::path dir = fs::path(OWNMODEL_SOURCE_DIR) / "examples";
  return dir;
}

/// Every `*.mojo` under `dir`, relative to it with `/` separators, sorted.
std::vector<std::string> mojo_files(const fs::path& dir) {
  std::vector<std::string> files;
  if (!fs::is_directory(dir)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".mojo") {
      files.push_back(fs::relative(entry.path(), dir).generic_string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

/// `S4a/reject_1.mojo` -> `S4a_reject_1`.
std::string test_name(const testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  if (name.ends_with(".mojo")) name.resize(name.size() - 5);
  for (char& c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0) c = '_';
  }
  return name;
}

/// The rule a corpus file is about: its folder (`S4a/reject_1.mojo` -> `S4a`).
std::string folder_of(std::string_view relative) {
  return std::string(relative.substr(0, relative.find('/')));
}

/// `reject_2.mojo` -> "reject"; `accept_1.mojo` -> "accept"; anything else (doc-…) -> "".
std::string role_of(std::string_view relative) {
  const std::string_view file = relative.substr(relative.rfind('/') + 1);
  if (file.starts_with("reject_")) return "reject";
  if (file.starts_with("accept_")) return "accept";
  return "";
}

/* --- Headers ------------------------------------------------------------ */

/// With the keys of tests/data/rules/README.md (a superset of examples/README.md's).
corpus::Header read_rule_header(std::string_view text) {
  return corpus::read_header(text, corpus::Corpus::Rules);
}

/// The expected diagnostics under `key`; an unreadable line is a test failure.
std::vector<Expected> expected_under(const corpus::Header& h, std::string_view key) {
  std::vector<Expected> found;
  for (const std::string& value : h.values(key)) {
    if (std::optional<Expected> e = corpus::parse_expected(value)) {
      found.push_back(std::move(*e));
    } else {
      ADD_FAILURE() << "`" << key << ":` is not `<line>:<col>: <message> [<code>]`: " << value;
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

/// The diagnostics of one severity as (line, col, message, code), sorted. `deprecated`
/// warnings (older spellings) are left out: the corpus is about rules.
std::vector<Expected> reported(const CheckResult& result, Severity severity) {
  std::vector<Expected> found;
  for (const Diagnostic& d : result.diagnostics) {
    if (d.severity != severity || d.code == "deprecated") continue;
    found.push_back(Expected{d.span.line, d.span.col, d.message, d.code});
  }
  std::sort(found.begin(), found.end());
  return found;
}

std::string listing(const std::vector<Expected>& items) {
  if (items.empty()) return "  (none)\n";
  std::string out;
  for (const Expected& e : items) out += "  " + e.str() + "\n";
  return out;
}

/// The preset named by `# rules:`, or mojo-1.0; nullopt (and a failure) for an unknown name.
std::optional<RuleSet> rule_set_of(const corpus::Header& h) {
  const std::vector<std::string> names = h.values("rules");
  if (names.empty()) return RuleSet();
  if (names.size() > 1) {
    ADD_FAILURE() << "more than one `rules:` line";
    return std::nullopt;
  }
  std::optional<RuleSet> rules = RuleSet::preset(names.front());
  if (!rules) ADD_FAILURE() << "`rules:` names no preset: " << names.front();
  return rules;
}

bool is_checker_rule(const std::string& id) {
  const std::optional<Rule> rule = rule_from_id(id);
  return rule && (kind(*rule) == RuleKind::Static || kind(*rule) == RuleKind::Lint);
}

/* --- The rule corpus ---------------------------------------------------- */

class RuleCorpus : public testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    text_ = corpus::read_text(rules_dir() / GetParam());
    lines_ = corpus::split_lines(text_);
    header_ = read_rule_header(text_);
  }

  std::string text_;
  std::vector<std::string> lines_;
  corpus::Header header_;
};

// The header is well formed, and the file's name agrees with what it expects: a reject_N
// of a static rule is rejected and names its rule; a reject_N of a lint rule is accepted
// with a warning of its rule; an accept_N expects no error.
TEST_P(RuleCorpus, HeaderAgreesWithTheFileName) {
  for (const std::string& problem : header_.problems) ADD_FAILURE() << problem;
  const std::vector<std::string> expect = header_.values("expect");
  ASSERT_EQ(expect.size(), 1u) << "exactly one `expect:` line";
  ASSERT_TRUE(expect[0] == "accepted" || expect[0] == "rejected") << expect[0];
  const std::vector<Expected> errors = expected_under(header_, "expect-error");
  const std::vector<Expected> warnings = expected_under(header_, "expect-warning");
  for (const auto* list : {&errors, &warnings}) {
    for (const Expected& e : *list) {
      EXPECT_TRUE(e.line >= 1 && e.line <= lines_.size() && e.col >= 1 &&
                  e.col <= lines_[e.line - 1].size())
          << "position outside the file: " << e.str();
      if (e.line >= 1 && e.line <= lines_.size()) {
        EXPECT_FALSE(lines_[e.line - 1].starts_with("#")) << "points at a comment: " << e.str();
      }
      EXPECT_FALSE(e.code.empty()) << "names no rule or code: " << e.str();
    }
  }
  EXPECT_EQ(expect[0] == "rejected", !errors.empty())
      << "a rejected file expects at least one error, an accepted one none";

  const std::string folder = folder_of(GetParam());
  const std::optional<Rule> rule = rule_from_id(folder);
  ASSERT_TRUE(rule.has_value()) << "folder `" << folder << "` names no rule of the catalogue";
  ASSERT_TRUE(kind(*rule) == RuleKind::Static || kind(*rule) == RuleKind::Lint)
      << "folder `" << folder << "` is not a checker rule";
  const std::string role = role_of(GetParam());
  if (role == "accept") {
    EXPECT_EQ(expect[0], "accepted");
    EXPECT_FALSE(header_.values("fixes").empty()) << "an accept_N file says which program it fixes";
  }
  if (role == "reject") {
    const bool lint = kind(*rule) == RuleKind::Lint;
    const std::vector<Expected>& own = lint ? warnings : errors;
    // A front-end code (`syntax`) stands in when the parser already refuses the program
    // (the file's `model-choice:` says why).
    const bool names_rule = std::any_of(own.begin(), own.end(), [&](const Expected& e) {
      return e.code == spec_name(*rule) || (!lint && !is_checker_rule(e.code));
    });
    EXPECT_TRUE(names_rule) << "a reject_N file expects a diagnostic of its folder's rule "
                            << folder;
    EXPECT_EQ(expect[0], lint ? "accepted" : "rejected");
  }
}

// The checker's verdict and its exact errors and warnings are the header's.
TEST_P(RuleCorpus, CheckerReportsExactlyTheExpectedDiagnostics) {
  const std::optional<RuleSet> rules = rule_set_of(header_);
  ASSERT_TRUE(rules.has_value());
  const std::vector<std::string> expect = header_.values("expect");
  ASSERT_EQ(expect.size(), 1u);

  const SourceFile file(GetParam(), text_);
  const CheckResult result = check_source(file, *rules);
  const std::string all = render_text(file, result.diagnostics);

  EXPECT_EQ(result.accepted, expect[0] == "accepted")
      << "under " << rules->name() << " expected " << expect[0] << "; the checker reported:\n"
      << all;
  const std::vector<Expected> want_errors = expected_under(header_, "expect-error");
  const std::vector<Expected> got_errors = reported(result, Severity::Error);
  EXPECT_EQ(got_errors, want_errors) << "errors under " << rules->name() << "\nexpected:\n"
                                     << listing(want_errors) << "reported:\n"
                                     << listing(got_errors) << all;
  const std::vector<Expected> want_warnings = expected_under(header_, "expect-warning");
  const std::vector<Expected> got_warnings = reported(result, Severity::Warning);
  EXPECT_EQ(got_warnings, want_warnings) << "warnings under " << rules->name() << "\nexpected:\n"
                                         << listing(want_warnings) << "reported:\n"
                                         << listing(got_warnings) << all;
}

INSTANTIATE_TEST_SUITE_P(Rules, RuleCorpus, testing::ValuesIn(mojo_files(rules_dir())), test_name);

// Every static rule except S0, and every lint rule, has a folder with at least two
// reject_N and two accept_N programs; every folder names such a rule.
TEST(RuleCorpusCoverage, EveryCheckerRuleHasTwoRejectedAndTwoAcceptedPrograms) {
  std::map<std::string, std::pair<int, int>> counts;  // folder -> (reject, accept)
  for (const std::string& file : mojo_files(rules_dir())) {
    auto& [reject, accept] = counts[folder_of(file)];
    const std::string role = role_of(file);
    reject += role == "reject" ? 1 : 0;
    accept += role == "accept" ? 1 : 0;
  }
  for (const Rule r : all_rules()) {
    if (r == Rule::S0) continue;
    if (kind(r) != RuleKind::Static && kind(r) != RuleKind::Lint) continue;
    const std::string id(spec_name(r));
    const auto found = counts.find(id);
    if (found == counts.end()) {
      ADD_FAILURE() << "no folder tests/data/rules/" << id << "/";
      continue;
    }
    EXPECT_GE(found->second.first, 2) << id << ": fewer than two reject_N.mojo";
    EXPECT_GE(found->second.second, 2) << id << ": fewer than two accept_N.mojo";
  }
  for (const auto& [folder, count] : counts) {
    const std::optional<Rule> rule = rule_from_id(folder);
    EXPECT_TRUE(rule && *rule != Rule::S0 && spec_name(*rule) == folder &&
                (kind(*rule) == RuleKind::Static || kind(*rule) == RuleKind::Lint))
        << "tests/data/rules/" << folder << "/ names no static or lint rule (spelled as in "
           "rule_list.def)";
  }
}

// At least two files run under another preset and show a difference from mojo-1.0.
TEST(RuleCorpusCoverage, SomeFilesRunUnderOtherPresets) {
  int other = 0;
  for (const std::string& file : mojo_files(rules_dir())) {
    const corpus::Header h = read_rule_header(corpus::read_text(rules_dir() / file));
    other += h.values("rules").empty() ? 0 : 1;
  }
  EXPECT_GE(other, 2);
}

/* --- The examples corpus: verdicts -------------------------------------- */

class ExampleVerdicts : public testing::TestWithParam<std::string> {};

// An example in examples/ is accepted with no error; one in examples/rejected/ is
// rejected, and its first error is the `expect-error:` line (examples/README.md: "the
// first error"; the rule id may be left out).
TEST_P(ExampleVerdicts, CheckerAgreesWithTheHeader) {
  const std::string text = corpus::read_text(examples_dir() / GetParam());
  const corpus::Header h = read_rule_header(text);
  const std::vector<std::string> expect = h.values("expect");
  ASSERT_EQ(expect.size(), 1u);
  const std::optional<RuleSet> rules = rule_set_of(h);
  ASSERT_TRUE(rules.has_value());

  const SourceFile file(GetParam(), text);
  const CheckResult result = check_source(file, *rules);
  const std::string all = render_text(file, result.diagnostics);
  EXPECT_EQ(result.accepted, expect[0] == "accepted")
      << "expected " << expect[0] << "; the checker reported:\n"
      << all;

  std::vector<Expected> errors;
  for (const Diagnostic& d : result.diagnostics) {
    if (d.severity == Severity::Error) {
      errors.push_back(Expected{d.span.line, d.span.col, d.message, d.code});
    }
  }
  const std::vector<Expected> want = expected_under(h, "expect-error");
  if (expect[0] == "accepted") {
    EXPECT_TRUE(errors.empty()) << all;
    return;
  }
  ASSERT_FALSE(want.empty()) << "a rejected example names its expected error";
  ASSERT_FALSE(errors.empty()) << "no error reported";
  Expected first = errors.front();  // diagnostics come in source order
  if (want.front().code.empty()) first.code.clear();
  EXPECT_EQ(first, want.front()) << "expected first error:\n  " << want.front().str()
                                 << "\nreported:\n"
                                 << all;
}

INSTANTIATE_TEST_SUITE_P(Examples, ExampleVerdicts, testing::ValuesIn(mojo_files(examples_dir())),
                         test_name);

}  // namespace
}  // namespace ownmodel
