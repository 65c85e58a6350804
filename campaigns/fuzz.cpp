#include "campaigns/fuzz.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "generators/shrink.h"
#include "model/check/check.h"
#include "model/syntax/print.h"
#include "reports/diagnostics_json.h"
#include "reports/files.h"

namespace ownmodel::campaigns {
namespace {

/// Two runs of the module on its first input set give the same output,
/// events and step count; returns what differs, or "".
std::string determinism_problem(const ir::Module& module, const ClassifyOptions& options) {
  const ir::FunctionId entry = runnable_entry(module);
  if (entry == ir::none) return {};
  run::MapOracle oracle;
  const ir::Function& f = module.functions[entry];
  for (ir::SlotId p : f.params) {
    const ir::Slot& s = f.slots[p];
    if (s.type == module.bool_type) oracle.arguments[s.name] = true;
    else oracle.arguments[s.name] = std::int64_t{1};
  }
  run::Program program;
  program.module = &module;
  program.entry = entry;
  program.limits = options.limits;
  program.oracle = &oracle;
  const run::Outcome a = run::run_program(program);
  const run::Outcome b = run::run_program(program);
  if (a.output != b.output) return "two runs printed different output";
  if (a.steps != b.steps) return fmt::format("two runs took {} and {} steps", a.steps, b.steps);
  if (a.events.size() != b.events.size()) return "two runs produced different lifecycle events";
  for (std::size_t i = 0; i < a.events.size(); ++i)
    if (run::to_string(a.events[i]) != run::to_string(b.events[i]))
      return "two runs produced different lifecycle events at " + run::to_string(a.events[i]);
  return {};
}

std::string fault_line(const Classification& c) {
  if (!c.fault) return {};
  return fmt::format("{} with inputs [{}]", run::render_fault(*c.fault), inputs_text(c.fault_inputs));
}

}  // namespace

Verdict property_failure(const Classification& c) {
  if (!c.internal_error.empty()) return {"internal", c.internal_error};
  if (c.quadrant == Quadrant::AcceptedFaulting)
    return {fmt::format("false-negative {}", spec_name(c.fault->kind)), fault_line(c)};
  if (!c.imbalance.empty()) return {"unbalanced", c.imbalance};
  return {};
}

ast::Module shrink_keeping(const rc::Shrinkable<ast::Module>& failing,
                           const std::function<std::string(const ast::Module&)>& category_of,
                           const std::string& category, std::uint64_t budget, std::uint64_t* attempts) {
  std::uint64_t tried = 0;
  rc::Shrinkable<ast::Module> current = failing;
  {
    std::lock_guard lock(rapidcheck_mutex());
    bool progress = true;
    while (progress && tried < budget) {
      progress = false;
      rc::Seq<rc::Shrinkable<ast::Module>> shrinks = current.shrinks();
      const std::size_t current_lines = gen::program_lines(current.value());
      while (rc::Maybe<rc::Shrinkable<ast::Module>> next = shrinks.next()) {
        if (++tried > budget) break;
        // A RapidCheck shrink is simpler in the generator's terms (smaller
        // choices), which need not be smaller as a program: keep only those
        // that are no longer.
        const ast::Module candidate = next->value();
        if (gen::program_lines(candidate) <= current_lines && category_of(candidate) == category) {
          current = std::move(*next);
          progress = true;
          break;
        }
      }
    }
  }
  ast::Module m;
  {
    std::lock_guard lock(rapidcheck_mutex());
    m = current.value();
  }
  gen::ShrinkStats stats;
  stats.attempts = tried;
  m = gen::shrink(std::move(m), [&](const ast::Module& c) { return category_of(c) == category; },
                  std::max<std::uint64_t>(budget, tried + 1) , &stats);
  if (attempts) *attempts = stats.attempts;
  return m;
}

std::optional<std::string> save_counterexample(const std::string& dir, const std::string& stem,
                                               const std::string& program, const nlohmann::json& evidence,
                                               const std::vector<std::string>& header, std::string& error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    error = fmt::format("cannot create '{}': {}", dir, ec.message());
    return std::nullopt;
  }
  std::string text;
  // Every header line is a comment, also the continuation lines of a
  // multi-line fault, so the saved file stays a program.
  for (const std::string& line : header) {
    std::size_t from = 0;
    for (std::size_t nl; (nl = line.find('\n', from)) != std::string::npos; from = nl + 1)
      text += "# " + line.substr(from, nl - from) + "\n";
    text += "# " + line.substr(from) + "\n";
  }
  text += program;
  const fs::path mojo = fs::path(dir) / (stem + ".mojo");
  if (!write_atomically(mojo, text) ||
      !write_atomically(fs::path(dir) / (stem + ".json"), dump_json(evidence) + "\n")) {
    error = fmt::format("cannot write '{}'", mojo.string());
    return std::nullopt;
  }
  return mojo.generic_string();
}

FuzzResult fuzz(const FuzzOptions& options, std::vector<NamedGenerator> generators) {
  const auto start = std::chrono::steady_clock::now();
  if (generators.empty()) generators = default_generators();
  FuzzResult result;
  const std::uint64_t first = options.only_case.value_or(0);
  const std::uint64_t end = options.only_case ? first + 1 : options.count;
  result.cases = end - first;

  std::atomic<std::uint64_t> next{first}, done{0};
  std::mutex merge_mutex;
  struct Found {
    std::uint64_t index;
    rc::Shrinkable<ast::Module> program;
    Verdict verdict;
  };
  std::vector<Found> found;  // every failure, unshrunk (bounded by keep_failures below)

  auto worker = [&] {
    FourWayTable table;
    std::map<std::string, FourWayTable> by_generator;
    CheckCache cache;
    for (std::uint64_t i; (i = next.fetch_add(1)) < end;) {
      std::optional<rc::Shrinkable<ast::Module>> program;
      ast::Module module;
      {
        std::lock_guard lock(rapidcheck_mutex());
        program.emplace(generate_case(generators, options.seed, i));
        module = program->value();
      }
      const CheckResult checked = check_module(module, options.rules, cache);
      const Classification c = classify_checked(checked, options.classify);
      Verdict verdict = checked.elaborated ? property_failure(c) : Verdict{};
      if (checked.elaborated && verdict.category.empty() && options.determinism_every &&
          i % options.determinism_every == 0)
        if (std::string d = determinism_problem(*checked.elaborated, options.classify); !d.empty())
          verdict = {"nondeterministic", d};
      table.add(c);
      by_generator[generators[i % generators.size()].name].add(c);
      if (!verdict.category.empty()) {
        std::lock_guard lock(merge_mutex);
        ++result.failure_count;
        // Keep the failures with the smallest case numbers, whichever thread
        // finds them first, so the report is the same with any --jobs.
        found.push_back({i, std::move(*program), verdict});
        std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.index < b.index; });
        if (found.size() > options.keep_failures) found.pop_back();
      }
      const std::uint64_t n = done.fetch_add(1) + 1;
      if (options.progress) {
        std::lock_guard lock(merge_mutex);
        options.progress(n, result.cases);
      }
    }
    std::lock_guard lock(merge_mutex);
    result.table.merge(table);
    for (const auto& [name, t] : by_generator) result.by_generator[name].merge(t);
  };
  const unsigned jobs = std::max(1u, std::min<unsigned>(options.jobs, static_cast<unsigned>(result.cases)));
  std::vector<std::thread> threads;
  for (unsigned j = 1; j < jobs; ++j) threads.emplace_back(worker);
  worker();
  for (std::thread& t : threads) t.join();

  // Shrink and save the kept failures, in case order.
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.index < b.index; });
  for (const Found& f : found) {
    FuzzFailure failure;
    failure.case_index = f.index;
    failure.generator = generators[f.index % generators.size()].name;
    failure.category = f.verdict.category;
    failure.what = f.verdict.what;
    ast::Module original;
    {
      std::lock_guard lock(rapidcheck_mutex());
      original = f.program.value();
    }
    failure.original = print(original);
    failure.original_lines = gen::program_lines(original);
    auto category_of = [&](const ast::Module& m) {
      const CheckResult checked = check_module(m, options.rules);
      if (!checked.elaborated) return std::string("ill-formed");
      const Classification c = classify_checked(checked, options.classify);
      if (f.verdict.category == "nondeterministic")
        return determinism_problem(*checked.elaborated, options.classify).empty() ? std::string("deterministic")
                                                                                  : f.verdict.category;
      return property_failure(c).category;
    };
    const ast::Module shrunk = gen::with_printed_positions(
        shrink_keeping(f.program, category_of, f.verdict.category, options.shrink_budget, &failure.shrink_attempts));
    failure.shrunk = print(shrunk);
    failure.shrunk_lines = gen::program_lines(shrunk);
    const Classification shrunk_class = classify(shrunk, options.rules, options.classify);
    if (Verdict v = property_failure(shrunk_class); !v.what.empty()) failure.what = v.what;
    failure.replay = fmt::format("{} --seed {} --case {}", options.replay_prefix, options.seed, f.index);
    if (!options.out_dir.empty()) {
      nlohmann::json evidence{{"case", f.index},
                              {"seed", options.seed},
                              {"generator", failure.generator},
                              {"rules", options.rules.name()},
                              {"category", failure.category},
                              {"what", failure.what},
                              {"replay", failure.replay},
                              {"original", failure.original},
                              {"shrunk", failure.shrunk},
                              {"shrunk_lines", failure.shrunk_lines},
                              {"shrink_attempts", failure.shrink_attempts}};
      std::string stem = fmt::format("case-{}-{}", f.index, failure.category);
      std::replace(stem.begin(), stem.end(), ' ', '-');
      std::string error;
      if (auto saved = save_counterexample(options.out_dir, stem, failure.shrunk, evidence,
                                           {fmt::format("{} (shrunk from {} lines)", failure.category,
                                                        failure.original_lines),
                                            failure.what, "replay: " + failure.replay},
                                           error))
        failure.saved = *saved;
      else if (result.save_error.empty())
        result.save_error = error;
    }
    result.failures.push_back(std::move(failure));
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace ownmodel::campaigns
