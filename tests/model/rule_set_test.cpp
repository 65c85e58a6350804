// Rule sets as values: presets, and changing one rule (docs/semantics.md §4).
#include <gtest/gtest.h>

#include "model/rules/report.h"
#include "model/rules/rule_set.h"

namespace ownmodel {
namespace {

TEST(RuleSet, DefaultIsMojo10WithEveryStaticRuleAnError) {
  const RuleSet rules;
  EXPECT_EQ(rules.name(), "mojo-1.0");
  EXPECT_EQ(RuleSet::preset("mojo-1.0"), rules);
  for (Rule r : all_rules()) {
    if (kind(r) == RuleKind::Static) EXPECT_EQ(rules.severity(r), RuleSeverity::Error) << spec_name(r);
    if (kind(r) == RuleKind::Lint) EXPECT_EQ(rules.severity(r), RuleSeverity::Warning) << spec_name(r);
    if (kind(r) == RuleKind::Step || kind(r) == RuleKind::Fault || kind(r) == RuleKind::Policy)
      EXPECT_EQ(rules.severity(r), RuleSeverity::Off) << spec_name(r);
  }
  EXPECT_TRUE(rules.movable_by_default);
  EXPECT_EQ(rules.implicit_copy_trait, ImplicitCopyTrait::ImplicitlyCopyable);
}

TEST(RuleSet, EarlierPresetsDifferWhereTheirSourcesSay) {
  const RuleSet beta = *RuleSet::preset("mojo-1.0-beta");
  EXPECT_FALSE(beta.movable_by_default);
  EXPECT_EQ(beta.severity(Rule::S11), RuleSeverity::Off);
  EXPECT_EQ(beta.severity(Rule::S9), RuleSeverity::Error);

  const RuleSet old = *RuleSet::preset("mojo-24.5");
  EXPECT_EQ(old.implicit_copy_trait, ImplicitCopyTrait::Copyable);
  EXPECT_EQ(old.severity(Rule::S9), RuleSeverity::Warning);
  EXPECT_EQ(old.severity(Rule::S1), RuleSeverity::Error);
  EXPECT_NE(old, beta);

  EXPECT_FALSE(RuleSet::preset("mojo-2.0").has_value());
  EXPECT_EQ(RuleSet::preset_names().front(), "mojo-1.0");
}

TEST(RuleSet, DisableOneRuleOrAFamily) {
  RuleSet rules;
  EXPECT_EQ(rules.disable("S4b"), std::nullopt);
  EXPECT_EQ(rules.severity(Rule::S4b), RuleSeverity::Off);
  EXPECT_EQ(rules.severity(Rule::S4a), RuleSeverity::Error);
  EXPECT_EQ(rules.disable("s7"), std::nullopt);  // case-insensitive family selector
  for (Rule r : {Rule::S7a, Rule::S7b, Rule::S7c}) EXPECT_EQ(rules.severity(r), RuleSeverity::Off);
  EXPECT_EQ(rules.name(), "mojo-1.0 -S4b -s7");
  EXPECT_EQ(rules.warn("S9"), std::nullopt);
  EXPECT_EQ(rules.severity(Rule::S9), RuleSeverity::Warning);
  EXPECT_EQ(rules.enable("S4b"), std::nullopt);
  EXPECT_EQ(rules.severity(Rule::S4b), RuleSeverity::Error);
}

TEST(RuleSet, RefusesSelectorsThatAreNotCheckerRules) {
  RuleSet rules;
  const RuleSet before = rules;
  EXPECT_NE(rules.disable("S0"), std::nullopt);
  EXPECT_NE(rules.disable("S99"), std::nullopt);
  EXPECT_NE(rules.disable("E-Move"), std::nullopt);
  EXPECT_NE(rules.disable("D1"), std::nullopt);
  EXPECT_NE(rules.disable("F-Leak"), std::nullopt);
  EXPECT_EQ(rules, before) << "a refused change leaves the rule set as it was";
}

TEST(DiagnosticSink, FollowsSeverityAndDropsRepeats) {
  RuleSet rules;
  ASSERT_EQ(rules.disable("S6a"), std::nullopt);
  ASSERT_EQ(rules.warn("S9"), std::nullopt);
  DiagnosticSink sink(rules);
  const Span at{3, 5, 3, 9};
  sink.report(Rule::S6a, at, "expression must be mutable in assignment");
  EXPECT_TRUE(sink.diagnostics().empty()) << "an Off rule reports nothing";
  sink.report(Rule::S9, at, "aliasing");
  EXPECT_FALSE(sink.has_errors()) << "a rule set to Warning does not reject";
  sink.report(Rule::S1, at, "use of uninitialized value 'x'");
  sink.report(Rule::S1, at, "use of uninitialized value 'x'");
  sink.report(Rule::S1, Span{4, 5, 4, 6}, "use of uninitialized value 'x'");
  ASSERT_EQ(sink.diagnostics().size(), 3u);
  EXPECT_TRUE(sink.has_errors());
  EXPECT_EQ(sink.diagnostics()[0].severity, Severity::Warning);
  EXPECT_EQ(sink.diagnostics()[1].code, "S1");
  EXPECT_EQ(sink.diagnostics()[2].span.line, 4u);
}

}  // namespace
}  // namespace ownmodel
