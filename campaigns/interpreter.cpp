#include "campaigns/interpreter.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "campaigns/corpus_header.h"
#include "model/check/check.h"
#include "reference-impl/machine.h"

namespace ownmodel::campaigns {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kKeptFailures = 20;

/// The words of each `inputs:` line, in order; one empty set when there is none.
std::vector<std::vector<std::string>> input_sets(const corpus::Header& header) {
  std::vector<std::vector<std::string>> sets;
  for (const std::string& line : header.values("inputs")) {
    std::istringstream words(line);
    sets.emplace_back();
    for (std::string w; words >> w;) sets.back().push_back(w);
  }
  if (sets.empty()) sets.emplace_back();
  return sets;
}

/// What is wrong with one run; empty when the output is the expected one.
std::string judge_run(const ir::Module& module, const std::vector<std::string>& inputs,
                      const std::vector<std::string>& expected) {
  run::MapOracle oracle;
  for (const std::string& input : inputs)
    if (std::optional<std::string> problem = run::parse_argument(input, oracle))
      return "bad `inputs:` value: " + *problem;
  run::Program program;
  program.module = &module;
  program.accepted = true;
  program.oracle = &oracle;
  const run::Outcome outcome = run::run_program(program);
  if (outcome.stop.kind != run::StopKind::Finished)
    return fmt::format("the run ended with {} after {} steps: {}", run::stop_name(outcome.stop.kind),
                       outcome.steps,
                       outcome.stop.fault ? outcome.stop.fault->message : outcome.stop.message);
  std::string want;
  for (const std::string& line : expected) want += line + '\n';
  if (outcome.output != want)
    return fmt::format("output differs:\n--- expected\n{}--- printed\n{}", want, outcome.output);
  return {};
}

}  // namespace

CampaignResult corpus_outputs(const std::string& dir, const Progress& progress) {
  const auto start = std::chrono::steady_clock::now();
  CampaignResult result;
  result.name = "corpus: interpreter outputs";
  const std::vector<fs::path> files = corpus::mojo_files({dir});
  std::uint64_t done = 0;
  for (const fs::path& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    const corpus::Header header = corpus::read_header(text.str(), corpus::Corpus::Examples);
    if (progress) progress(++done, files.size());
    if (header.expects_accepted() != true || header.outputs.empty()) continue;
    const CheckResult checked = check_source(SourceFile(path.generic_string(), text.str()), RuleSet());
    const std::vector<std::vector<std::string>> sets = input_sets(header);
    for (std::size_t k = 0; k < header.outputs.size(); ++k) {
      std::string problem;
      if (!checked.accepted || !checked.elaborated)
        problem = "the checker does not accept it";
      else if (k >= sets.size() && sets.size() > 1)
        problem = "more `expect-output:` blocks than `inputs:` lines";
      else
        problem = judge_run(*checked.elaborated, sets[std::min(k, sets.size() - 1)], header.outputs[k]);
      ++result.cases;
      if (problem.empty()) {
        ++result.passed;
        continue;
      }
      ++result.failure_count;
      if (result.failures.size() < kKeptFailures)
        result.failures.push_back({fmt::format("{} (output {})", path.generic_string(), k + 1),
                                   problem, {}});
    }
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace ownmodel::campaigns

#include <rapidcheck.h>

#include "campaigns/classify.h"
#include "generators/ast_gen.h"
#include "generators/fuzz_gen.h"
#include "model/syntax/print.h"

namespace ownmodel::campaigns {
namespace {

constexpr int kFuzzSize = 100;  // RapidCheck's default maximum size

struct PipelineCounts {
  std::uint64_t well_formed = 0, accepted = 0, finished = 0;
};

/// What is wrong with the pipeline on one program; empty when it behaved.
std::string pipeline_problem(const SourceFile& source, PipelineCounts& counts) {
  const CheckResult checked = check_source(source, RuleSet());
  for (const Diagnostic& d : checked.diagnostics)
    if (d.span.line == 0 || d.span.line > source.line_count() + 1)
      return fmt::format("diagnostic [{}] '{}' has no position inside the file", d.code, d.message);
  if (!checked.elaborated) return {};
  ++counts.well_formed;
  counts.accepted += checked.accepted ? 1 : 0;
  run::Program program;
  program.module = &*checked.elaborated;
  program.accepted = checked.accepted;
  program.limits.max_steps = 20'000;
  program.limits.max_frames = 200;
  program.limits.max_heap_cells = 10'000;
  const ir::Module& m = *checked.elaborated;
  run::MapOracle oracle;
  program.entry = runnable_entry(m);
  if (program.entry == ir::none) return {};
  for (ir::SlotId p : m.functions[program.entry].params) {
    const ir::Slot& slot = m.functions[program.entry].slots[p];
    oracle.arguments[slot.name] =
        slot.type == m.int_type ? run::InputValue{std::int64_t{0}} : run::InputValue{false};
  }
  program.oracle = &oracle;
  const run::Outcome outcome = run::run_program(program);
  counts.finished += outcome.stop.kind == run::StopKind::Finished ? 1 : 0;
  if (outcome.stop.kind == run::StopKind::Internal)
    return "the machine found malformed IR: " + outcome.stop.message;
  if (outcome.checker_unsound)
    return "an accepted program faulted: " +
           (outcome.stop.fault ? outcome.stop.fault->message : outcome.stop.message);
  return {};
}

}  // namespace

CampaignResult pipeline_fuzz(std::uint64_t count, std::uint64_t seed, const Progress& progress) {
  const auto start = std::chrono::steady_clock::now();
  CampaignResult result;
  result.name = "pipeline fuzz: check, elaborate, run";
  rc::Random random(seed);
  const auto trees = gen::module();
  const auto mutated = gen::mutated_program();
  PipelineCounts counts;
  for (std::uint64_t i = 0; i < count; ++i) {
    const int size = static_cast<int>(i % (kFuzzSize + 1));
    const std::string text =
        i % 2 == 0 ? print(trees(random.split(), size).value()) : mutated(random.split(), size).value();
    const std::string problem =
        pipeline_problem(SourceFile(fmt::format("<fuzz {}>", i), text), counts);
    ++result.cases;
    if (problem.empty()) {
      ++result.passed;
    } else {
      ++result.failure_count;
      if (result.failures.size() < kKeptFailures)
        result.failures.push_back({fmt::format("case {} (seed {})", i, seed), problem, text});
    }
    if (progress) progress(i + 1, count);
  }
  result.name += fmt::format(" ({} well formed, {} accepted, {} ran to the end)", counts.well_formed,
                             counts.accepted, counts.finished);
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace ownmodel::campaigns
