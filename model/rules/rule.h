#pragma once
// The rule catalogue as C++ values (docs/semantics.md §1).
//
// Every rule — checker rule, lint, elaboration policy, machine step, fault
// kind — is declared once in rule_list.def; this header turns that list into
// `enum class Rule` and lookup functions. Diagnostics, traces, reports,
// ablation and proofs all speak in these values.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace ownmodel {

/// What kind of judgment a rule belongs to.
enum class RuleKind : std::uint8_t {
  Static,  ///< checker rule; a violation is an error diagnostic
  Lint,    ///< checker rule; a violation is a warning
  Policy,  ///< elaboration rule placing copies, moves and destructions in the Core IR
  Step,    ///< small-step machine transition (step_X in reference-impl/, encode_X in solver/)
  Fault,   ///< a runtime fault kind
};

enum class Rule : std::uint8_t {
#define RULE(id, name, kind, title, summary) id,
#include "model/rules/rule_list.def"
#undef RULE
};

/// Number of rules in the catalogue.
inline constexpr std::size_t rule_count = 0
#define RULE(id, name, kind, title, summary) +1
#include "model/rules/rule_list.def"
#undef RULE
    ;

/// The spec name: "S4a", "E-Move", "F-Leak". Used in diagnostics and headings.
[[nodiscard]] std::string_view spec_name(Rule r);
/// The short title: "Definite initialization". The doc heading is "<spec name> <title>".
[[nodiscard]] std::string_view title(Rule r);
/// One-line summary of what the rule requires or does.
[[nodiscard]] std::string_view summary(Rule r);
[[nodiscard]] RuleKind kind(Rule r);
[[nodiscard]] std::string_view kind_name(RuleKind k);

/// The family a rule belongs to: "S4" for S4a…S4d; the spec name itself for
/// rules that are not split ("S1", "W2", "E-Move").
[[nodiscard]] std::string_view family(Rule r);

/// Every rule, in catalogue order.
[[nodiscard]] std::span<const Rule> all_rules();

/// Looks a rule up by its spec name ("S1", "E-Move") or enumerator spelling
/// ("E_Move"). ASCII case is ignored and '-' and '_' are interchangeable.
[[nodiscard]] std::optional<Rule> rule_from_id(std::string_view id);

/// The rules a user selector names: one rule (as rule_from_id), or a whole
/// family ("S4" → S4a, S4b, S4c, S4d). Empty if the selector names nothing.
[[nodiscard]] std::vector<Rule> select_rules(std::string_view selector);

}  // namespace ownmodel
