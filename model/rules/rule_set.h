#pragma once
// Rule sets as values (docs/semantics.md §4): which static and lint rules are
// errors, warnings or off, plus the switches that change what programs mean.
// Presets stand for Mojo versions; ablation and rule-set comparison build
// variants with disable()/warn()/enable().

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "model/rules/rule.h"

namespace ownmodel {

enum class RuleSeverity : std::uint8_t { Off, Warning, Error };

/// Which trait makes a value implicitly copyable (S5a).
enum class ImplicitCopyTrait : std::uint8_t { ImplicitlyCopyable, Copyable };

/// When the fields of a `deinit` argument die (D5, Q9).
enum class DeinitFields : std::uint8_t { AfterBody, Asap };

class RuleSet {
 public:
  /// The default preset, mojo-1.0.
  RuleSet();

  /// A named preset: "mojo-1.0", "mojo-1.0-beta", "mojo-24.5"; nullopt if unknown.
  [[nodiscard]] static std::optional<RuleSet> preset(std::string_view name);
  /// The preset names, default first.
  [[nodiscard]] static std::span<const std::string_view> preset_names();

  /// "mojo-1.0", or "mojo-1.0 -S9 +S11" after changes.
  [[nodiscard]] const std::string& name() const { return name_; }

  /// Off for policy, step and fault rules: they are not part of a rule set.
  [[nodiscard]] RuleSeverity severity(Rule r) const;
  [[nodiscard]] bool enabled(Rule r) const { return severity(r) != RuleSeverity::Off; }

  /// Set every rule a selector names ("S4b", or the family "S4") to Off,
  /// Warning or Error. Returns an error message for a selector that names no
  /// static or lint rule, for S0 (it cannot be changed), and for D/E/F ids.
  [[nodiscard]] std::optional<std::string> disable(std::string_view selector);
  [[nodiscard]] std::optional<std::string> warn(std::string_view selector);
  [[nodiscard]] std::optional<std::string> enable(std::string_view selector);

  bool movable_by_default = true;
  ImplicitCopyTrait implicit_copy_trait = ImplicitCopyTrait::ImplicitlyCopyable;
  DeinitFields deinit_fields = DeinitFields::AfterBody;

  friend bool operator==(const RuleSet&, const RuleSet&) = default;

 private:
  std::optional<std::string> set(std::string_view selector, RuleSeverity to, char mark);

  std::string name_;
  std::array<RuleSeverity, rule_count> severity_{};
};

}  // namespace ownmodel
