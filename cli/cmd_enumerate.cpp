// `ownmodel enumerate`: an exhaustive program space (or one shard of it)
// through the four-way oracle (campaigns/enumerate.h).
#include <unistd.h>

#include <iostream>
#include <memory>
#include <thread>

#include <fmt/format.h>

#include "campaigns/enumerate.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "cli/rule_options.h"
#include "model/syntax/print.h"
#include "reports/diagnostics_json.h"

namespace ownmodel::cli {
namespace {

struct EnumerateCliOptions {
  std::string space{enumerate::default_preset};
  std::string shard = "0/1";
  std::optional<std::string> index;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  std::string format = "text";
  std::size_t keep = 20;
  bool cardinality_only = false;
  bool progress = isatty(STDERR_FILENO) != 0;
  RuleOptions rules;
};

int run_enumerate(const EnumerateCliOptions& o) {
  campaigns::EnumerateOptions options;
  const enumerate::SpaceParse space = enumerate::parse_space(o.space);
  if (!space.params) throw CLI::ValidationError("--space", space.error);
  options.space = *space.params;
  const enumerate::ShardParse shard = enumerate::parse_shard(o.shard);
  if (!shard.shard) throw CLI::ValidationError("--shard", shard.error);
  options.shard = *shard.shard;
  if (o.index) {
    enumerate::BigInt index;
    const bool digits = !o.index->empty() && o.index->size() < 200 &&
                        std::all_of(o.index->begin(), o.index->end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits) throw CLI::ValidationError("--index", "'" + *o.index + "' is not a decimal index");
    index = enumerate::BigInt(*o.index);
    if (index >= enumerate::Space(options.space).cardinality())
      throw CLI::ValidationError("--index", fmt::format("{} is outside the space ({} programs)", *o.index,
                                                        enumerate::Space(options.space).cardinality().str()));
    options.only_index = index;
  }
  if (o.cardinality_only) {
    const enumerate::Space s(options.space);
    if (o.format == "json")
      std::cout << dump_json({{"space", options.space.spec()}, {"cardinality", s.cardinality().str()}}) << "\n";
    else
      std::cout << fmt::format("{}: {} programs\n{}\n", options.space.spec(), s.cardinality().str(),
                               options.space.describe());
    return kOk;
  }
  options.rules = build_rule_set(o.rules);
  options.jobs = o.jobs;
  options.keep_failures = o.keep;
  options.progress = progress_bar("enumerate " + options.space.spec(), o.progress && !o.index);
  const campaigns::EnumerateResult r = campaigns::enumerate_space(options);

  if (o.index) {
    // Replay: show the program and how it is classified.
    const enumerate::Space s(options.space);
    std::cout << print(s.program(*options.only_index));
  }
  if (o.format == "json") {
    nlohmann::json j = r.to_json();
    j["rules"] = options.rules.name();
    j["shard"] = o.shard;
    j["jobs"] = o.jobs;
    std::cout << dump_json(j) << "\n";
  } else {
    const std::string range = o.index ? "index " + r.begin
                                      : fmt::format("shard {} = indices [{}, {})", o.shard, r.begin, r.end);
    std::cout << fmt::format("ownmodel enumerate: space {} ({})\n  cardinality {}; {}\n"
                             "  {} programs under {} in {:.1f} s: {:.0f} programs/s on {} job(s)\n\n",
                             r.spec, r.description, r.cardinality, range, r.programs, options.rules.name(),
                             r.seconds, r.programs_per_second(), o.jobs)
              << r.table.render();
    for (const auto& f : r.failures)
      std::cout << fmt::format("\nFAILED index {}: {}\n  {}\n  replay: ownmodel enumerate --space {} --index {}\n{}",
                               f.index, f.category, f.what, r.spec, f.index, f.program);
    std::cout << fmt::format("\n{} failure(s) found\n", r.failure_count);
  }
  return r.failure_count == 0 ? kOk : kFault;
}

}  // namespace

void add_enumerate_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<EnumerateCliOptions>();
  std::string presets;
  for (const enumerate::Preset& p : enumerate::presets())
    presets += fmt::format("\n  {:<7} {}  {}", p.name, p.spec, p.purpose);
  CLI::App* cmd = app.add_subcommand(
      "enumerate",
      "Exhaustive campaign: every program of a parameterised space (or shard K/N of it) is\n"
      "checked and run on both values of its input; prints the exact cardinality, the\n"
      "four-way table and programs/s. Exit 0 when no accepted program faults, 3 otherwise.\n"
      "Spaces: P{i,v,d,w[,b]}[:form,...] (i int literals, at most v variables, if-nesting\n"
      "depth d, 1..w statements per block, at most b if statements; forms decl, assign,\n"
      "move, consume, show, bump, copy, print, setfield, ref, ifelse, if) or a preset:" +
          presets);
  cmd->add_option("--space", o->space, "Space spec or preset name")->capture_default_str();
  cmd->add_option("--shard", o->shard, "Run only shard K of N (K/N, 0 <= K < N)")->capture_default_str();
  cmd->add_option("--index", o->index, "Run and print only the program with this index");
  cmd->add_flag("--cardinality", o->cardinality_only, "Print the space's exact size and stop");
  cmd->add_option("--jobs,-j", o->jobs, "Worker threads")->check(CLI::Range(1u, 256u))->capture_default_str();
  cmd->add_option("--keep", o->keep, "Failures listed (the rest are counted)")->capture_default_str();
  cmd->add_option("--format", o->format, "Output format")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  cmd->add_flag("--progress,!--no-progress", o->progress, "Progress bar on stderr (default: when a terminal)");
  add_rule_options(*cmd, o->rules);
  cmd->callback([o, &exit_code] { exit_code = run_enumerate(*o); });
}

}  // namespace ownmodel::cli
