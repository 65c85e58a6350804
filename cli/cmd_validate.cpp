// `ownmodel validate`: the main job. Runs every campaign that exists, prints a
// summary table and writes it (JSON and Markdown) under --out.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "campaigns/ablate.h"
#include "campaigns/checker.h"
#include "campaigns/enumerate.h"
#include "campaigns/front_end.h"
#include "campaigns/fuzz.h"
#include "campaigns/interpreter.h"
#include "campaigns/solver.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "reports/diagnostics_json.h"
#include "reports/files.h"

namespace ownmodel::cli {

namespace {

struct ValidateOptions {
  std::string examples = "examples";
  std::string rule_corpus = "tests/data/rules";
  std::uint64_t count = 100000;
  std::uint64_t fuzz_count = 1000000;
  std::uint64_t ablate_budget = 3000;
  std::string space{enumerate::default_preset};
  std::uint64_t seed = 1;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  std::string out = "out/validate";
  std::string format = "text";
  bool progress = isatty(STDERR_FILENO) != 0;
};

nlohmann::json to_json(const campaigns::CampaignResult& r) {
  nlohmann::json j{{"name", r.name},       {"cases", r.cases},
                   {"passed", r.passed},   {"failed", r.failure_count},
                   {"seconds", r.seconds}, {"ok", r.ok()}};
  j["failures"] = nlohmann::json::array();
  for (const auto& f : r.failures) {
    j["failures"].push_back({{"input", f.input_name}, {"what", f.what}, {"program", f.input}});
  }
  return j;
}

std::string markdown_table(const std::vector<campaigns::CampaignResult>& results) {
  std::string md = "| campaign | cases | passed | failed | seconds | cases/s |\n|---|---:|---:|---:|---:|---:|\n";
  for (const auto& r : results) {
    double rate = r.seconds > 0 ? static_cast<double>(r.cases) / r.seconds : 0;
    md += fmt::format("| {} | {} | {} | {} | {:.2f} | {:.0f} |\n", r.name, r.cases, r.passed,
                      r.failure_count, r.seconds, rate);
  }
  return md;
}

/// The fuzz campaign as one row of the summary: a case passes when it breaks
/// no property (campaigns/fuzz.h).
campaigns::CampaignResult as_row(const campaigns::FuzzResult& f) {
  campaigns::CampaignResult r;
  r.name = fmt::format("fuzz: four-way oracle, {:.2f} % false positives", f.table.false_positive_percent());
  r.cases = f.cases;
  r.passed = f.cases - f.failure_count;
  r.failure_count = f.failure_count;
  r.seconds = f.seconds;
  for (const campaigns::FuzzFailure& x : f.failures)
    r.failures.push_back({fmt::format("case {} ({}), {}", x.case_index, x.generator, x.replay),
                          x.category + ": " + x.what, x.shrunk});
  return r;
}

std::string ablation_markdown(const campaigns::AblateResult& a) {
  std::string md = "| rule | programs | rejected by it | by it alone | faulting without it | verdict |\n"
                   "|---|---:|---:|---:|---:|---|\n";
  for (const auto& r : a.rules)
    md += fmt::format("| {} {} | {} | {} | {} | {} | {} |\n", spec_name(r.rule), title(r.rule), r.programs,
                      r.rejected_by_rule, r.accepted_weakened, r.faulting, r.summary());
  return md;
}

int run_validate(const ValidateOptions& options) {
  std::vector<campaigns::CampaignResult> results;
  results.push_back(campaigns::examples_round_trip(
      options.examples, progress_bar("examples: parse, print, parse", options.progress)));
  results.push_back(campaigns::corpus_verdicts(
      {options.examples, options.rule_corpus},
      progress_bar("corpus: checker verdicts", options.progress)));
  results.push_back(campaigns::corpus_outputs(
      options.examples, progress_bar("corpus: interpreter outputs", options.progress)));
  results.push_back(campaigns::corpus_verified(options.examples, 3,
                                               progress_bar("corpus: Z3 verification", options.progress)));
  results.push_back(campaigns::pipeline_fuzz(
      options.count / 10, options.seed, progress_bar("pipeline fuzz", options.progress)));
  results.push_back(campaigns::random_round_trip(
      options.count, options.seed, progress_bar("random syntax trees", options.progress)));
  results.push_back(campaigns::parser_fuzz(options.count, options.seed,
                                           progress_bar("parser fuzz", options.progress)));

  const std::filesystem::path out_dir(options.out);
  campaigns::FuzzOptions fuzz;
  fuzz.count = options.fuzz_count;
  fuzz.seed = options.seed;
  fuzz.jobs = options.jobs;
  fuzz.out_dir = (out_dir / "fuzz").string();
  fuzz.replay_prefix = "ownmodel fuzz --rules mojo-1.0";
  fuzz.progress = progress_bar("fuzz: four-way oracle", options.progress);
  const campaigns::FuzzResult fuzzed = campaigns::fuzz(fuzz);
  results.push_back(as_row(fuzzed));

  campaigns::EnumerateOptions enumeration;
  {
    const enumerate::SpaceParse parsed = enumerate::parse_space(options.space);
    if (!parsed.params) throw CLI::ValidationError("--space", parsed.error);
    enumeration.space = *parsed.params;
  }
  enumeration.jobs = options.jobs;
  enumeration.progress = progress_bar("enumerate: " + enumeration.space.spec(), options.progress);
  const campaigns::EnumerateResult enumerated = campaigns::enumerate_space(enumeration);
  {
    campaigns::CampaignResult row;
    row.name = fmt::format("enumerate {}: four-way oracle, {:.2f} % false positives", enumerated.spec,
                           enumerated.table.false_positive_percent());
    row.cases = enumerated.programs;
    row.passed = enumerated.programs - enumerated.failure_count;
    row.failure_count = enumerated.failure_count;
    row.seconds = enumerated.seconds;
    for (const auto& f : enumerated.failures)
      row.failures.push_back({fmt::format("index {} (ownmodel enumerate --space {} --index {})", f.index,
                                          enumerated.spec, f.index),
                              f.category + ": " + f.what, f.program});
    results.push_back(std::move(row));
  }

  campaigns::AblateOptions ablation;
  ablation.budget = options.ablate_budget;
  ablation.seed = options.seed;
  ablation.jobs = options.jobs;
  ablation.out_dir = (out_dir / "ablate").string();
  ablation.progress = progress_bar("ablation: rules", options.progress);
  const campaigns::AblateResult ablated = campaigns::ablate(ablation);

  const bool all_ok = std::all_of(results.begin(), results.end(), [](auto& r) { return r.ok(); });
  nlohmann::json summary{{"ok", all_ok},
                         {"seed", options.seed},
                         {"count", options.count},
                         {"examples", options.examples},
                         {"rule_corpus", options.rule_corpus},
                         {"not_yet_run", {"proofs"}}};
  summary["campaigns"] = nlohmann::json::array();
  for (const auto& r : results) summary["campaigns"].push_back(to_json(r));
  summary["four_way"] = {{"fuzz", fuzzed.table.to_json()}, {"enumerate", enumerated.to_json()}};
  summary["ablation"] = ablated.to_json();

  const std::string table = markdown_table(results);
  const std::string fuzz_table = fuzzed.table.render();
  const std::string enumerate_table = enumerated.table.render();
  const std::string ablation_table = ablation_markdown(ablated);
  std::error_code ec;
  std::filesystem::create_directories(options.out, ec);
  const std::string markdown = "# ownmodel validate\n\n" + table + "\n## Four-way table (fuzz, mojo-1.0)\n\n```\n" +
                               fuzz_table + "```\n\n## Four-way table (enumerated space " + enumerated.spec +
                               ", " + enumerated.cardinality + " programs)\n\n```\n" + enumerate_table +
                               "```\n\n## Rule ablation\n\n" + ablation_table +
                               "\nThe proof campaign is not built yet.\n";
  const bool written = !ec && write_atomically(out_dir / "summary.json", dump_json(summary) + "\n") &&
                       write_atomically(out_dir / "summary.md", markdown);

  if (options.format == "json") {
    std::cout << dump_json(summary) << "\n";
  } else {
    std::cout << "ownmodel validate: the corpus through the checker, the interpreter and Z3; random\n"
                 "and mutated programs through the four-way oracle; rule ablation; the front end\n"
                 "over random trees and fuzzed inputs\n\n"
              << table << "\nfour-way table of the fuzz campaign (" << fuzzed.cases << " programs):\n"
              << fuzz_table << "\nfour-way table of the enumerated space " << enumerated.spec << " ("
              << enumerated.cardinality << " programs, all of them):\n"
              << enumerate_table << "\nrule ablation (up to " << options.ablate_budget << " programs per rule):\n";
    for (const auto& r : ablated.rules)
      std::cout << fmt::format("  {:<5} {}\n", spec_name(r.rule), r.summary());
    for (const auto& r : ablated.rules)
      if (r.counterexample)
        std::cout << fmt::format("\n{} counterexample ({}):\n{}", spec_name(r.rule),
                                 r.counterexample->saved.empty() ? r.counterexample->fault : r.counterexample->saved,
                                 r.counterexample->program);
    for (const auto& r : results) {
      for (const auto& f : r.failures) {
        std::cout << fmt::format("\nFAILED {}: {}\n  {}\n", r.name, f.input_name, f.what);
        if (!f.input.empty()) std::cout << "  program:\n" << f.input << "\n";
      }
    }
    std::cout << fmt::format("\n{}; the proof campaign is not built yet.\n",
                             all_ok ? "all campaigns passed" : "SOME CAMPAIGNS FAILED");
    if (written) std::cout << fmt::format("summary: {}\n", (out_dir / "summary.json").string());
  }
  if (!written || !fuzzed.save_error.empty() || !ablated.save_error.empty()) {
    std::cerr << fmt::format("ownmodel validate: error: cannot write reports under '{}'\n", options.out);
    return kBadInput;
  }
  return all_ok ? kOk : kFault;
}

}  // namespace

void add_validate_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ValidateOptions>();
  CLI::App* cmd = app.add_subcommand(
      "validate",
      "The main job: run every campaign at its default budget, print a summary table and\n"
      "write summary.json and summary.md under --out. Exit 0 when all pass, 3 when a\n"
      "campaign finds a failure, 2 when its inputs or outputs are unusable.");
  cmd->add_option("--examples", options->examples, "Folder of example .mojo programs")
      ->capture_default_str();
  cmd->add_option("--rule-corpus", options->rule_corpus,
                  "Folder of per-rule accept/reject programs (skipped when absent)")
      ->capture_default_str();
  cmd->add_option("--count", options->count, "Cases per random campaign")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1'000'000'000}))
      ->capture_default_str();
  cmd->add_option("--fuzz-count", options->fuzz_count, "Programs of the four-way fuzz campaign")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1'000'000'000}))
      ->capture_default_str();
  cmd->add_option("--ablate-budget", options->ablate_budget, "Programs tried per rule by ablation")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1'000'000'000}))
      ->capture_default_str();
  cmd->add_option("--space", options->space, "Program space of the exhaustive campaign (see enumerate --help)")
      ->capture_default_str();
  cmd->add_option("--jobs,-j", options->jobs, "Worker threads")->check(CLI::Range(1u, 256u))->capture_default_str();
  cmd->add_option("--seed", options->seed, "Seed of the random campaigns")->capture_default_str();
  cmd->add_option("--out", options->out, "Folder for the reports")->capture_default_str();
  cmd->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_flag("--progress,!--no-progress", options->progress,
                "Show progress bars on stderr (default: when stderr is a terminal)");
  cmd->callback([options, &exit_code] { exit_code = run_validate(*options); });
}

}  // namespace ownmodel::cli
