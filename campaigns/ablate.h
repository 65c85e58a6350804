#pragma once
// Rule ablation behind `ownmodel ablate` (DESIGN.md §8): is each rule of a rule
// set necessary? For each static rule the base set reports as an error, the
// weakened set (that rule disabled) is searched for a program it accepts that
// faults — which the base set rejects with that rule. The first few found are
// shrunk, and the smallest result kept (keeping: the base rejects it with the rule, the weakened set accepts
// it and it faults with the same fault kind) and reported with its trace
// inputs. When the budget runs out without one, the report says so, and says
// whether the rule rejected programs that all ran safely: a rule that guards
// something other than memory safety (hidden copies, API hygiene).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "campaigns/classify.h"
#include "campaigns/front_end.h"
#include "campaigns/fuzz.h"
#include "model/rules/rule_set.h"

namespace ownmodel::campaigns {

struct AblateOptions {
  RuleSet base;
  /// Only these rules (default: every static rule that is an error in `base`).
  std::vector<Rule> only;
  /// Programs tried per rule before giving up.
  std::uint64_t budget = 2000;
  std::uint64_t seed = 1;
  unsigned jobs = 1;
  std::uint64_t shrink_budget = 4000;
  /// Counterexamples shrunk per rule; the smallest result is reported.
  std::size_t candidates = 8;
  ClassifyOptions classify;
  std::string out_dir;  ///< counterexamples are saved here when set
  std::string replay_prefix = "ownmodel ablate";
  /// Called with (rules done, rules total).
  Progress progress;
};

struct Counterexample {
  std::string program;       ///< shrunk, printed
  std::size_t lines = 0;
  std::string original;
  std::size_t original_lines = 0;
  Rule fault_kind = Rule::F_Uninit;
  std::string fault;         ///< rendered fault with its inputs
  std::string generator;
  std::uint64_t case_index = 0;
  std::string replay;
  std::string saved;         ///< .mojo path, when saved
};

enum class Necessity : std::uint8_t {
  Necessary,        ///< a counterexample was found
  NotSafetyRelated, ///< programs it alone rejects were found, and all ran safely
  NoEvidence,       ///< the generators produced no program that it alone rejects
};
[[nodiscard]] const char* necessity_name(Necessity n);

struct RuleAblation {
  Rule rule = Rule::S1;
  std::string weakened;             ///< the weakened rule set's name
  std::uint64_t programs = 0;       ///< generated and checked
  std::uint64_t rejected_by_rule = 0;  ///< the base set reports the rule
  std::uint64_t accepted_weakened = 0; ///< of those, the weakened set accepts
  std::uint64_t faulting = 0;       ///< of those, a run faults (outside unsafe code)
  Necessity verdict = Necessity::NoEvidence;
  std::optional<Counterexample> counterexample;
  double seconds = 0;
  [[nodiscard]] std::string summary() const;
};

struct AblateResult {
  std::vector<RuleAblation> rules;
  double seconds = 0;
  std::string save_error;
  [[nodiscard]] nlohmann::json to_json() const;
};

/// The rules ablation looks at by default: the static rules `base` reports as errors.
[[nodiscard]] std::vector<Rule> ablatable_rules(const RuleSet& base);

/// Where the programs for a rule come from.
using RuleSources = std::function<std::vector<NamedGenerator>(Rule)>;

/// Ablates each rule, drawing programs from `sources` (generators_for_rule when empty).
[[nodiscard]] AblateResult ablate(const AblateOptions& options, const RuleSources& sources = {});

}  // namespace ownmodel::campaigns
