#include "cli/rule_options.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace ownmodel::cli {

void add_rule_options(CLI::App& cmd, RuleOptions& options) {
  std::vector<std::string> names(RuleSet::preset_names().begin(), RuleSet::preset_names().end());
  cmd.add_option("--rules", options.preset,
                 fmt::format("Rule-set preset: {}", fmt::join(names, ", ")))
      ->check(CLI::IsMember(names))
      ->capture_default_str();
  cmd.add_option("--disable", options.disable,
                 "Turn a rule off (S9), or a whole family (S4); repeatable")
      ->take_all();
  cmd.add_option("--warn", options.warn, "Report a rule as a warning only; repeatable")->take_all();
  cmd.add_option("--enable", options.enable, "Turn a rule on as an error; repeatable")->take_all();
}

RuleSet build_rule_set(const RuleOptions& options) {
  std::optional<RuleSet> rules = RuleSet::preset(options.preset);
  if (!rules) throw CLI::ValidationError("--rules", "unknown preset '" + options.preset + "'");
  auto apply = [&](const std::vector<std::string>& selectors, const char* flag, auto change) {
    for (const std::string& selector : selectors)
      if (std::optional<std::string> problem = change(*rules, selector))
        throw CLI::ValidationError(flag, *problem);
  };
  apply(options.enable, "--enable", [](RuleSet& r, const std::string& s) { return r.enable(s); });
  apply(options.warn, "--warn", [](RuleSet& r, const std::string& s) { return r.warn(s); });
  apply(options.disable, "--disable", [](RuleSet& r, const std::string& s) { return r.disable(s); });
  return *rules;
}

}  // namespace ownmodel::cli
