// The corpus header format (examples/README.md): what every consumer of the
// corpus reads the expectations with.
#include <gtest/gtest.h>

#include "campaigns/corpus_header.h"

namespace ownmodel::corpus {
namespace {

TEST(CorpusHeader, ReadsKeysOutputsAndExpectedDiagnostics) {
  const Header h = read_header(
      "# A title.\n"
      "# source: somewhere\n"
      "# expect: rejected\n"
      "# rules: mojo-24.5\n"
      "# expect-error: 16:11: use of uninitialized value 'message' [S1]\n"
      "# expect-warning: 3:5: variable 'x' was never used, remove it? [W1]\n"
      "# expect-output:\n"
      "#   first line\n"
      "#   \n"
      "\n"
      "def main():\n"
      "    pass\n",
      Corpus::Rules);
  EXPECT_TRUE(h.problems.empty()) << h.problems.front();
  EXPECT_EQ(h.title, "A title.");
  EXPECT_EQ(h.expects_accepted(), false);
  EXPECT_EQ(h.value("rules"), "mojo-24.5");
  ASSERT_EQ(h.errors.size(), 1u);
  EXPECT_EQ(h.errors[0], (ExpectedDiagnostic{16, 11, "use of uninitialized value 'message'", "S1"}));
  ASSERT_EQ(h.warnings.size(), 1u);
  EXPECT_EQ(h.warnings[0].code, "W1");
  ASSERT_EQ(h.outputs.size(), 1u);
  EXPECT_EQ(h.outputs[0], (std::vector<std::string>{"first line", ""}));
}

TEST(CorpusHeader, ReportsMalformedLines) {
  auto problems = [](std::string_view text) { return read_header(text, Corpus::Rules).problems; };
  EXPECT_FALSE(problems("def main():\n").empty()) << "no title";
  EXPECT_FALSE(problems("# t\n# nonsense: 1\n\n").empty()) << "unknown key";
  EXPECT_FALSE(problems("# t\n# expect-error: 3: oops [S1]\n\n").empty());
  EXPECT_FALSE(problems("# t\n# expect: accepted\ndef main():\n").empty())
      << "no blank line after the header";
  EXPECT_EQ(read_header("# t\n# expect: maybe\n\n", Corpus::Rules).expects_accepted(),
            std::nullopt);
}

TEST(CorpusHeader, EachCorpusAllowsItsOwnKeys) {
  const std::string_view text = "# t\n# expect: accepted\n# fixes: reject_1.mojo\n\n";
  EXPECT_TRUE(read_header(text, Corpus::Rules).problems.empty());
  EXPECT_FALSE(read_header(text, Corpus::Examples).problems.empty()) << "`fixes` is rules-only";
  EXPECT_TRUE(is_known_key("expect-error", Corpus::Examples));
  EXPECT_FALSE(is_known_key("expect-warning", Corpus::Examples));
  EXPECT_TRUE(is_known_key("note", Corpus::Rules));
}

TEST(CorpusHeader, ExpectedDiagnosticSyntax) {
  EXPECT_EQ(parse_expected("1:2: msg [S9]"), (ExpectedDiagnostic{1, 2, "msg", "S9"}));
  EXPECT_EQ(parse_expected("1:2: msg with [brackets] inside [S9]")->message,
            "msg with [brackets] inside");
  EXPECT_EQ(parse_expected("1:2: no rule")->code, "");
  EXPECT_EQ(parse_expected("0:2: zero line [S1]"), std::nullopt);
  EXPECT_EQ(parse_expected("x:2: m [S1]"), std::nullopt);
  EXPECT_EQ(parse_expected("1:2:no space"), std::nullopt);
  EXPECT_EQ(parse_expected("1:2: "), std::nullopt);
  EXPECT_EQ(parse_expected("1:2: msg [S9]")->str(), "1:2: msg [S9]");
  EXPECT_EQ(parse_expected("1:2: no rule")->str(), "1:2: no rule");
  EXPECT_LT((ExpectedDiagnostic{1, 9, "b", ""}), (ExpectedDiagnostic{2, 1, "a", ""}));
}

TEST(CorpusHeader, SplitLinesDropsCarriageReturns) {
  EXPECT_EQ(split_lines("a\r\nb\n\nc"), (std::vector<std::string>{"a", "b", "", "c"}));
  EXPECT_TRUE(split_lines("").empty());
}

}  // namespace
}  // namespace ownmodel::corpus
