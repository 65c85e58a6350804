#include "model/rules/rule_set.h"

#include <fmt/format.h>

namespace ownmodel {
namespace {

constexpr std::array<std::string_view, 3> presets = {"mojo-1.0", "mojo-1.0-beta", "mojo-24.5"};

bool configurable(Rule r) { return kind(r) == RuleKind::Static || kind(r) == RuleKind::Lint; }

}  // namespace

RuleSet::RuleSet() : name_("mojo-1.0") {
  for (Rule r : all_rules()) {
    if (kind(r) == RuleKind::Static) severity_[static_cast<std::size_t>(r)] = RuleSeverity::Error;
    if (kind(r) == RuleKind::Lint) severity_[static_cast<std::size_t>(r)] = RuleSeverity::Warning;
  }
}

std::span<const std::string_view> RuleSet::preset_names() { return presets; }

std::optional<RuleSet> RuleSet::preset(std::string_view name) {
  RuleSet rules;  // mojo-1.0: every static rule an error, every lint a warning
  if (name == "mojo-1.0") return rules;
  if (name == "mojo-1.0-beta") {
    // The June-2026 manual: structs are not movable by default, no interior
    // origins (S11), no deprecation of implicit declarations (W3).
    rules.movable_by_default = false;
    rules.severity_[static_cast<std::size_t>(Rule::S11)] = RuleSeverity::Off;
    rules.severity_[static_cast<std::size_t>(Rule::W3)] = RuleSeverity::Off;
    rules.name_ = std::string(name);
    return rules;
  }
  if (name == "mojo-24.5") {
    // Mojo 24.5: Copyable alone allowed implicit copies and exclusivity was a warning.
    rules.movable_by_default = false;
    rules.implicit_copy_trait = ImplicitCopyTrait::Copyable;
    rules.severity_[static_cast<std::size_t>(Rule::S9)] = RuleSeverity::Warning;
    rules.severity_[static_cast<std::size_t>(Rule::S11)] = RuleSeverity::Off;
    rules.severity_[static_cast<std::size_t>(Rule::W3)] = RuleSeverity::Off;
    rules.name_ = std::string(name);
    return rules;
  }
  return std::nullopt;
}

RuleSeverity RuleSet::severity(Rule r) const { return severity_[static_cast<std::size_t>(r)]; }

std::optional<std::string> RuleSet::set(std::string_view selector, RuleSeverity to, char mark) {
  const std::vector<Rule> rules = select_rules(selector);
  if (rules.empty()) return fmt::format("no rule is named '{}'", selector);
  for (Rule r : rules) {
    if (!configurable(r))
      return fmt::format("'{}' is a {} rule; only static (S) and lint (W) rules can be changed",
                         spec_name(r), kind_name(kind(r)));
    if (r == Rule::S0) return std::string("S0 (well-formedness) cannot be changed");
  }
  for (Rule r : rules) severity_[static_cast<std::size_t>(r)] = to;
  name_ += fmt::format(" {}{}", mark, selector);
  return std::nullopt;
}

std::optional<std::string> RuleSet::disable(std::string_view selector) {
  return set(selector, RuleSeverity::Off, '-');
}
std::optional<std::string> RuleSet::warn(std::string_view selector) {
  return set(selector, RuleSeverity::Warning, '~');
}
std::optional<std::string> RuleSet::enable(std::string_view selector) {
  return set(selector, RuleSeverity::Error, '+');
}

}  // namespace ownmodel
