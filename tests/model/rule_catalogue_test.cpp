// The rule catalogue (model/rules/rule_list.def) and its link to the spec.
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "model/rules/rule.h"

namespace ownmodel {
namespace {

std::string read_semantics_doc() {
  std::ifstream in(std::string(OWNMODEL_SOURCE_DIR) + "/docs/semantics.md");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The "### " heading lines of the spec, without the marker.
std::set<std::string> level3_headings(const std::string& doc) {
  std::set<std::string> out;
  std::istringstream lines(doc);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("### ", 0) == 0) out.insert(line.substr(4));
  }
  return out;
}

std::string heading_of(Rule r) {
  return std::string(spec_name(r)) + " " + std::string(title(r));
}

TEST(RuleCatalogue, SpecNamesAreUnique) {
  std::set<std::string_view> seen;
  for (Rule r : all_rules()) EXPECT_TRUE(seen.insert(spec_name(r)).second) << spec_name(r);
}

TEST(RuleCatalogue, TitlesAreUniqueAndNonEmpty) {
  std::set<std::string_view> seen;
  for (Rule r : all_rules()) {
    EXPECT_FALSE(title(r).empty()) << spec_name(r);
    EXPECT_TRUE(seen.insert(title(r)).second) << spec_name(r) << ": " << title(r);
  }
}

TEST(RuleCatalogue, EveryRuleHasASummary) {
  for (Rule r : all_rules()) EXPECT_GE(summary(r).size(), 10u) << spec_name(r);
}

TEST(RuleCatalogue, AllRulesListsEveryEnumeratorOnceInOrder) {
  ASSERT_EQ(all_rules().size(), rule_count);
  for (std::size_t i = 0; i < rule_count; ++i) {
    EXPECT_EQ(static_cast<std::size_t>(all_rules()[i]), i);
  }
}

TEST(RuleCatalogue, SpecNameRoundTrips) {
  for (Rule r : all_rules()) {
    std::optional<Rule> back = rule_from_id(spec_name(r));
    ASSERT_TRUE(back.has_value()) << spec_name(r);
    EXPECT_EQ(*back, r);
  }
}

TEST(RuleCatalogue, AcceptsEnumeratorSpellingAndIgnoresCase) {
  EXPECT_EQ(rule_from_id("E-Move"), Rule::E_Move);
  EXPECT_EQ(rule_from_id("E_Move"), Rule::E_Move);
  EXPECT_EQ(rule_from_id("e-move"), Rule::E_Move);
  EXPECT_EQ(rule_from_id("S1"), Rule::S1);
  EXPECT_EQ(rule_from_id("s4a"), Rule::S4a);
  EXPECT_EQ(rule_from_id("F_Use_After_Free"), Rule::F_Use_After_Free);
}

TEST(RuleCatalogue, RejectsUnknownIds) {
  EXPECT_FALSE(rule_from_id("").has_value());
  EXPECT_FALSE(rule_from_id("S4").has_value());  // a family, not a rule
  EXPECT_FALSE(rule_from_id("S99").has_value());
  EXPECT_FALSE(rule_from_id("E-Mov").has_value());
  EXPECT_FALSE(rule_from_id("E-Move ").has_value());
}

TEST(RuleCatalogue, SelectorNamesARuleOrAWholeFamily) {
  EXPECT_EQ(select_rules("S1"), std::vector<Rule>{Rule::S1});
  EXPECT_EQ(select_rules("S4"), (std::vector<Rule>{Rule::S4a, Rule::S4b, Rule::S4c, Rule::S4d}));
  EXPECT_EQ(select_rules("s10"), (std::vector<Rule>{Rule::S10a, Rule::S10b, Rule::S10c}));
  EXPECT_EQ(select_rules("S4b"), std::vector<Rule>{Rule::S4b});
  EXPECT_TRUE(select_rules("S").empty());
  EXPECT_TRUE(select_rules("E").empty());
}

TEST(RuleCatalogue, FamilyStripsOnlyTheSplitLetter) {
  EXPECT_EQ(family(Rule::S4a), "S4");
  EXPECT_EQ(family(Rule::S10b), "S10");
  EXPECT_EQ(family(Rule::S1), "S1");
  EXPECT_EQ(family(Rule::E_Move), "E-Move");
  EXPECT_EQ(family(Rule::W2), "W2");
}

TEST(RuleCatalogue, EnumeratorSpellingFollowsTheSpecName) {
  // Spec names use letters, digits and '-'; kinds use a fixed prefix.
  const std::regex shape("(S[0-9]+[a-z]?|W[0-9]+|D[0-9]+|E(-[A-Z][a-z]*)+|F(-[A-Z][a-z]*)+)");
  for (Rule r : all_rules()) {
    const std::string name(spec_name(r));
    EXPECT_TRUE(std::regex_match(name, shape)) << name;
    const char prefix = name[0];
    switch (kind(r)) {
      case RuleKind::Static: EXPECT_EQ(prefix, 'S') << name; break;
      case RuleKind::Lint: EXPECT_EQ(prefix, 'W') << name; break;
      case RuleKind::Policy: EXPECT_EQ(prefix, 'D') << name; break;
      case RuleKind::Step: EXPECT_EQ(prefix, 'E') << name; break;
      case RuleKind::Fault: EXPECT_EQ(prefix, 'F') << name; break;
    }
  }
}

// The link between the catalogue and docs/semantics.md: every rule has a
// heading "### <spec name> <title>", and every heading that starts with a rule
// id names a rule of the catalogue. Fails when the two drift apart.
TEST(RuleCatalogue, EveryRuleHasAHeadingInTheSemanticsDoc) {
  const std::string doc = read_semantics_doc();
  ASSERT_FALSE(doc.empty()) << "cannot read docs/semantics.md";
  const std::set<std::string> headings = level3_headings(doc);
  for (Rule r : all_rules()) {
    EXPECT_TRUE(headings.count(heading_of(r)) == 1) << "missing heading: ### " << heading_of(r);
  }
}

TEST(RuleCatalogue, EveryRuleHeadingInTheSemanticsDocIsInTheCatalogue) {
  const std::regex rule_heading("(S[0-9]+[a-z]?|W[0-9]+|D[0-9]+|E-[A-Za-z-]+|F-[A-Za-z-]+) .*");
  std::set<std::string> expected;
  for (Rule r : all_rules()) expected.insert(heading_of(r));
  for (const std::string& h : level3_headings(read_semantics_doc())) {
    if (std::regex_match(h, rule_heading)) {
      EXPECT_TRUE(expected.count(h) == 1) << "heading not in the catalogue: ### " << h;
    }
  }
}

}  // namespace
}  // namespace ownmodel
