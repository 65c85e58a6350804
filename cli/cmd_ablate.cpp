// `ownmodel ablate`: rule necessity (campaigns/ablate.h), one shrunk
// counterexample per rule that guards memory safety.
#include <unistd.h>

#include <iostream>
#include <memory>
#include <thread>

#include <fmt/format.h>

#include "campaigns/ablate.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "cli/rule_options.h"
#include "reports/diagnostics_json.h"

namespace ownmodel::cli {
namespace {

struct AblateCliOptions {
  std::vector<std::string> rules_to_ablate;
  std::uint64_t budget = 2000;
  std::uint64_t seed = 1;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  std::string out = "out/ablate";
  std::string format = "text";
  bool progress = isatty(STDERR_FILENO) != 0;
  RuleOptions rules;
};

int run_ablate(const AblateCliOptions& o) {
  campaigns::AblateOptions options;
  options.base = build_rule_set(o.rules);
  for (const std::string& id : o.rules_to_ablate) {
    const std::vector<Rule> selected = select_rules(id);
    if (selected.empty() || std::any_of(selected.begin(), selected.end(), [](Rule r) {
          return kind(r) != RuleKind::Static || r == Rule::S0;
        }))
      throw CLI::ValidationError("--rule", fmt::format("'{}' names no static rule other than S0", id));
    options.only.insert(options.only.end(), selected.begin(), selected.end());
  }
  options.budget = o.budget;
  options.seed = o.seed;
  options.jobs = o.jobs;
  options.out_dir = o.out;
  options.replay_prefix = "ownmodel ablate --rules " + o.rules.preset;
  options.progress = progress_bar("ablate", o.progress);
  const campaigns::AblateResult r = campaigns::ablate(options);

  if (o.format == "json") {
    nlohmann::json j = r.to_json();
    j["base"] = options.base.name();
    j["budget"] = o.budget;
    j["seed"] = o.seed;
    if (!r.save_error.empty()) j["save_error"] = r.save_error;
    std::cout << dump_json(j) << "\n";
  } else {
    std::cout << fmt::format("ownmodel ablate: {} rule(s) of {}, up to {} programs each, seed {}, {:.1f} s\n\n",
                             r.rules.size(), options.base.name(), o.budget, o.seed, r.seconds);
    std::cout << fmt::format("  {:<6} {:>8} {:>9} {:>9} {:>8}  {}\n", "rule", "programs", "rejected", "alone",
                             "faulting", "verdict");
    for (const auto& a : r.rules)
      std::cout << fmt::format("  {:<6} {:>8} {:>9} {:>9} {:>8}  {}\n", spec_name(a.rule), a.programs,
                               a.rejected_by_rule, a.accepted_weakened, a.faulting, a.summary());
    for (const auto& a : r.rules) {
      if (!a.counterexample) continue;
      const auto& c = *a.counterexample;
      std::cout << fmt::format("\n{} ({}) — {} lines, shrunk from {}{}\n  {}\n", spec_name(a.rule), title(a.rule),
                               c.lines, c.original_lines, c.saved.empty() ? "" : ", saved to " + c.saved, c.fault)
                << c.program;
    }
  }
  if (!r.save_error.empty()) {
    std::cerr << "ownmodel ablate: error: " << r.save_error << "\n";
    return kBadInput;
  }
  return kOk;
}

}  // namespace

void add_ablate_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<AblateCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "ablate",
      "Rule necessity: for each static rule of the rule set (or each --rule), disable it and\n"
      "search for a program the weakened set accepts that faults. A counterexample is shrunk and\n"
      "saved under --out; otherwise the report says 'no counterexample in N programs', and whether\n"
      "the programs only that rule rejects all ran safely (a rule guarding something other than\n"
      "memory safety). Exit 0 when the search ran, 2 on bad usage.");
  cmd->add_option("--rule", o->rules_to_ablate, "Ablate only this rule or family (repeatable)");
  cmd->add_option("--budget", o->budget, "Programs tried per rule")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1'000'000'000}))
      ->capture_default_str();
  cmd->add_option("--seed", o->seed, "Seed of the search")->capture_default_str();
  cmd->add_option("--jobs,-j", o->jobs, "Worker threads")->check(CLI::Range(1u, 256u))->capture_default_str();
  cmd->add_option("--out", o->out, "Folder for counterexamples")->capture_default_str();
  cmd->add_option("--format", o->format, "Output format")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  cmd->add_flag("--progress,!--no-progress", o->progress, "Progress bar on stderr (default: when a terminal)");
  add_rule_options(*cmd, o->rules);
  cmd->callback([o, &exit_code] { exit_code = run_ablate(*o); });
}

}  // namespace ownmodel::cli
