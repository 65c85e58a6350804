// `ownmodel fuzz`: the random property campaign (campaigns/fuzz.h) with a
// progress bar, the four-way table, and each failure shrunk and saved.
#include <unistd.h>

#include <iostream>
#include <memory>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "campaigns/fuzz.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "cli/rule_options.h"
#include "reports/diagnostics_json.h"

namespace ownmodel::cli {
namespace {

struct FuzzCliOptions {
  std::uint64_t count = 10'000;
  std::uint64_t seed = 1;
  std::optional<std::uint64_t> only_case;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  std::string out = "out/fuzz";
  std::string format = "text";
  std::size_t keep = 10;
  std::uint64_t shrink_budget = 4000;
  bool progress = isatty(STDERR_FILENO) != 0;
  RuleOptions rules;
};

nlohmann::json failure_json(const campaigns::FuzzFailure& f) {
  return {{"case", f.case_index},       {"generator", f.generator},     {"category", f.category},
          {"what", f.what},             {"original_lines", f.original_lines},
          {"shrunk_lines", f.shrunk_lines}, {"shrunk", f.shrunk},        {"replay", f.replay},
          {"saved", f.saved},           {"shrink_attempts", f.shrink_attempts}};
}

int run_fuzz(const FuzzCliOptions& o) {
  campaigns::FuzzOptions options;
  options.count = o.count;
  options.seed = o.seed;
  options.only_case = o.only_case;
  options.rules = build_rule_set(o.rules);
  options.jobs = o.jobs;
  options.out_dir = o.out;
  options.keep_failures = o.keep;
  options.shrink_budget = o.shrink_budget;
  options.replay_prefix = "ownmodel fuzz --rules " + o.rules.preset;
  for (const std::string& d : o.rules.disable) options.replay_prefix += " --disable " + d;
  options.progress = progress_bar("fuzz", o.progress && !o.only_case);
  const campaigns::FuzzResult r = campaigns::fuzz(options);

  if (o.format == "json") {
    nlohmann::json j{{"rules", options.rules.name()}, {"seed", o.seed},        {"cases", r.cases},
                     {"jobs", o.jobs},                 {"seconds", r.seconds},  {"table", r.table.to_json()},
                     {"failures_found", r.failure_count}};
    j["by_generator"] = nlohmann::json::object();
    for (const auto& [name, t] : r.by_generator) j["by_generator"][name] = t.to_json();
    j["failures"] = nlohmann::json::array();
    for (const auto& f : r.failures) j["failures"].push_back(failure_json(f));
    if (!r.save_error.empty()) j["save_error"] = r.save_error;
    std::cout << dump_json(j) << "\n";
  } else {
    std::cout << fmt::format("ownmodel fuzz: {} programs under {}, seed {}, {} job(s), {:.1f} s ({:.0f} programs/s)\n\n",
                             r.cases, options.rules.name(), o.seed, o.jobs, r.seconds,
                             r.seconds > 0 ? static_cast<double>(r.cases) / r.seconds : 0.0)
              << r.table.render();
    for (const auto& [name, t] : r.by_generator)
      std::cout << fmt::format("  generator {:<10} {} programs: {} accepted & safe, {} rejected, {} false negatives\n",
                               name, t.total(), t.accepted_safe, t.rejected(), t.accepted_faulting);
    for (const auto& f : r.failures) {
      std::cout << fmt::format("\nFAILED case {} ({}): {}\n  {}\n  shrunk from {} to {} lines ({} attempts){}\n",
                               f.case_index, f.generator, f.category, f.what, f.original_lines, f.shrunk_lines,
                               f.shrink_attempts, f.saved.empty() ? "" : ", saved to " + f.saved);
      std::cout << "  replay: " << f.replay << "\n" << f.shrunk;
    }
    std::cout << fmt::format("\n{} failure(s) found\n", r.failure_count);
  }
  if (!r.save_error.empty()) {
    std::cerr << "ownmodel fuzz: error: " << r.save_error << "\n";
    return kBadInput;
  }
  return r.failure_count == 0 ? kOk : kFault;
}

}  // namespace

void add_fuzz_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<FuzzCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "fuzz",
      "Random property campaign: generated programs are checked, elaborated and run on every\n"
      "input; the four-way table (accepted/rejected x safe/faulting) is printed. A failure (an\n"
      "accepted program that faults, unbalanced lifecycle events, a nondeterministic run, an\n"
      "internal error) is shrunk and saved under --out as .mojo and .json with its replay\n"
      "command. Exit 0 when no failure is found, 3 when one is, 2 on bad usage.");
  cmd->add_option("--count", o->count, "Programs to generate")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{10'000'000'000}))
      ->capture_default_str();
  cmd->add_option("--seed", o->seed, "Seed of the campaign")->capture_default_str();
  cmd->add_option("--case", o->only_case, "Run only this case of the campaign (replay a failure)");
  cmd->add_option("--jobs,-j", o->jobs, "Worker threads")->check(CLI::Range(1u, 256u))->capture_default_str();
  cmd->add_option("--out", o->out, "Folder for saved counterexamples")->capture_default_str();
  cmd->add_option("--keep", o->keep, "Failures to shrink and save (the rest are counted)")->capture_default_str();
  cmd->add_option("--shrink-budget", o->shrink_budget, "Predicate calls per shrink")->capture_default_str();
  cmd->add_option("--format", o->format, "Output format")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  cmd->add_flag("--progress,!--no-progress", o->progress, "Progress bar on stderr (default: when a terminal)");
  add_rule_options(*cmd, o->rules);
  cmd->callback([o, &exit_code] { exit_code = run_fuzz(*o); });
}

}  // namespace ownmodel::cli
