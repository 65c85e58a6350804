// The rule-violation mutators (generators/mutate.h): each injected program is
// rejected with its rule's id, accepted when that rule alone is disabled, and
// — for the memory-safety rules — faults on the machine when it runs unchecked
// by that rule.

#include <gtest/gtest.h>

#include "campaigns/classify.h"
#include <rapidcheck.h>

#include <algorithm>
#include <cctype>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include <fmt/format.h>

#include "generators/mutate.h"
#include "generators/program_gen.h"
#include "model/check/check.h"
#include "model/diagnostics/diagnostic.h"
#include "model/rules/rule_set.h"
#include "model/syntax/print.h"
#include "reference-impl/machine.h"

namespace ownmodel {
namespace {

constexpr std::uint64_t kSeed = 20260602;

std::vector<std::string> errors_of(const CheckResult& r) {
  std::vector<std::string> codes;
  for (const Diagnostic& d : r.diagnostics)
    if (d.severity == Severity::Error) codes.push_back(d.code);
  return codes;
}

std::string first_error(const CheckResult& r) {
  for (const Diagnostic& d : r.diagnostics)
    if (d.severity == Severity::Error) return fmt::format("{}:{}: [{}] {}", d.span.line, d.span.col, d.code, d.message);
  return "(no error)";
}

const ast::Function* main_of(const ast::Module& m) {
  for (const ast::Item& item : m.items)
    if (const auto* f = std::get_if<ast::Function>(&item.node); f != nullptr && f->name == "main") return f;
  return nullptr;
}

/// Some run of the program, on some combination of main's Bool inputs, faults
/// or breaks a step premise.
bool some_run_faults(const ir::Module& module) {
  campaigns::ClassifyOptions options;
  options.limits.max_steps = 1'000'000;
  campaigns::Classification c;
  campaigns::run_all_inputs(module, /*accepted=*/true, options, c);
  return c.fault.has_value();
}

class PerRule : public ::testing::TestWithParam<Rule> {};

TEST_P(PerRule, InjectedViolationIsRejectedByItsRuleAndAcceptedWithoutIt) {
  const Rule rule = GetParam();
  const std::string id(spec_name(rule));
  RuleSet without;
  ASSERT_FALSE(without.disable(id).has_value());
  rc::Random random(kSeed + static_cast<std::uint64_t>(rule));
  const auto features = gen::swarm_features();
  constexpr int kCases = 60;
  int rejected_by_rule = 0, only_error = 0, accepted_without = 0, faulted = 0;
  std::vector<std::string> failures;
  for (int i = 0; i < kCases; ++i) {
    const gen::Features f = features(random.split(), 100).value();
    const int statements = i % 7;  // 0..6: small programs too
    const ast::Module m = gen::violating_program(rule, f, statements)(random.split(), 100).value();
    const CheckResult strict = check_module(m, RuleSet());
    const std::vector<std::string> codes = errors_of(strict);
    const bool by_rule = std::find(codes.begin(), codes.end(), id) != codes.end();
    rejected_by_rule += by_rule ? 1 : 0;
    only_error += by_rule && std::all_of(codes.begin(), codes.end(), [&](const std::string& c) { return c == id; });
    const CheckResult loose = check_module(m, without);
    accepted_without += loose.accepted ? 1 : 0;
    if (loose.accepted && loose.elaborated && some_run_faults(*loose.elaborated)) ++faulted;
    if ((!by_rule || !loose.accepted) && failures.size() < 3)
      failures.push_back(fmt::format("strict: {}\nwithout {}: {}\n{}", first_error(strict), id,
                                     loose.accepted ? "accepted" : first_error(loose), print(m)));
  }
  std::cout << "  " << id << ": rejected by it " << rejected_by_rule << "/" << kCases << ", only error "
            << only_error << ", accepted without it " << accepted_without << ", faulting without it " << faulted
            << "\n";
  std::string shown;
  for (const std::string& f : failures) shown += "---\n" + f;
  EXPECT_GE(rejected_by_rule, kCases * 9 / 10) << shown;
  EXPECT_GE(accepted_without, kCases * 9 / 10) << shown;
  if (gen::faults_when_disabled(rule)) {
    EXPECT_GE(faulted, accepted_without * 9 / 10) << shown;
  }
}

INSTANTIATE_TEST_SUITE_P(Mutate, PerRule, ::testing::ValuesIn(gen::injectable_rules().begin(), gen::injectable_rules().end()),
                         [](const ::testing::TestParamInfo<Rule>& info) { return std::string(spec_name(info.param)); });

TEST(Mutate, TheHighPriorityRulesAreInjectable) {
  for (const char* id : {"S1", "S4a", "S4d", "S7a", "S7b", "S7c", "S8", "S9", "S10b", "S10c", "S11", "S3a", "S3b",
                         "S5a", "S5b", "S6a", "S6b", "S6c", "S2", "S4b", "S4c"}) {
    const std::optional<Rule> r = rule_from_id(id);
    ASSERT_TRUE(r.has_value());
    EXPECT_GT(gen::injection_variants(*r), 0) << id;
  }
  EXPECT_EQ(gen::injection_variants(Rule::S0), 0);
  EXPECT_THROW((void)gen::violating_program(Rule::S0, gen::Features::all(), 1), std::invalid_argument);
}

TEST(Mutate, SmallCounterexamplesFitInTenLinesOfMain) {
  // Ablation wants counterexamples of at most 10 lines: with the plain
  // features (one line per step) and 1–3 steps, main stays within that.
  rc::Random random(kSeed);
  for (Rule rule : gen::injectable_rules()) {
    for (int statements = 1; statements <= 3; ++statements) {
      const ast::Module m = gen::violating_program(rule, gen::Features::none(), statements)(random.split(), 100).value();
      const std::string text = print(*main_of(m));
      const auto lines = std::count(text.begin(), text.end(), '\n');
      EXPECT_LE(lines, 10) << spec_name(rule) << "\n" << text;
    }
  }
}

TEST(Mutate, TheMutationIsDeterministicAndKeepsNamesCanonical) {
  const gen::Plan plan = gen::plan(4)(rc::Random(kSeed), 100).value();
  for (Rule rule : gen::injectable_rules()) {
    for (int position = 0; position <= 4; ++position) {
      const std::string a = gen::violating_source(rule, gen::Features::all(), plan, position, 0);
      EXPECT_EQ(a, gen::violating_source(rule, gen::Features::all(), plan, position, 0));
      // v0, v1, … appear in order of first occurrence.
      int expected = 0;
      for (std::size_t at = a.find("def main"); (at = a.find('v', at)) != std::string::npos; ++at) {
        if (at > 0 && (std::isalnum(static_cast<unsigned char>(a[at - 1])) || a[at - 1] == '_')) continue;
        std::size_t end = at + 1;
        while (end < a.size() && std::isdigit(static_cast<unsigned char>(a[end]))) ++end;
        if (end == at + 1 || (end < a.size() && (std::isalnum(static_cast<unsigned char>(a[end])) || a[end] == '_')))
          continue;
        const int n = std::stoi(a.substr(at + 1, end - at - 1));
        EXPECT_LE(n, expected) << spec_name(rule) << "\n" << a;
        if (n == expected) ++expected;
      }
    }
  }
}

}  // namespace
}  // namespace ownmodel
