// Exhaustive enumeration speed (issue 6): programs/s/core of the enumerator
// alone, of enumerate + check_module, and of enumerate + check + run (the
// interpreter on both values of main's input), over the default space. The
// project's target is 1,000,000 programs/s/core for check + run on
// Featherweight-Rust-sized programs (about 4 statements); FR does ~10⁵
// (reference/perf-anchor.md). The last benchmark also prints the four-way
// table of what it ran. The cursors start at index 0, so a short run sees
// the first programs of a space (the shorter blocks come first).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <optional>
#include <string>

#include "generators/enumerate.h"
#include "model/check/check.h"
#include "model/rules/rule_set.h"
#include "reference-impl/machine.h"

namespace {

using namespace ownmodel;

const enumerate::Space& space_of(const std::string& spec) {
  // One Space per spec for the whole process; benchmarks run one at a time.
  static std::string built_for;
  static std::optional<enumerate::Space> space;
  if (!space || built_for != spec) {
    const enumerate::SpaceParse parsed = enumerate::parse_space(spec);
    if (!parsed.params) throw std::invalid_argument(parsed.error);
    space.emplace(*parsed.params);
    built_for = spec;
  }
  return *space;
}

/// A cursor over the space that starts again at 0 when it reaches the end.
struct Looping {
  explicit Looping(const enumerate::Space& s) : space(s), cursor(s) {}
  const ast::Module& next() {
    if (cursor.done()) cursor = enumerate::Cursor(space);
    const ast::Module& m = cursor.module();
    return m;
  }
  void advance() { cursor.next(); }
  const enumerate::Space& space;
  enumerate::Cursor cursor;
};

void rate(benchmark::State& state) {
  state.counters["programs/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

const char* spec_arg(const benchmark::State& state) {
  // The default space, the medium preset, and the analogue of FR's P{1,2,3,2}{def,3}.
  static const char* const specs[] = {"small", "medium", "P{1,2,3,2,3}"};
  return specs[state.range(0)];
}

void label(benchmark::State& state) {
  const enumerate::Space& s = space_of(spec_arg(state));
  std::string text = s.params().spec() + " n=" + s.cardinality().str();
  if (state.range(1) != 0) text += " cached";
  state.SetLabel(text);
}

/// check_module, with a CheckCache when the benchmark's second argument is 1
/// (the prelude's functions are then checked once).
struct Checker {
  explicit Checker(const benchmark::State& state) {
    if (state.range(1) != 0) cache.emplace();
  }
  CheckResult operator()(const ast::Module& m) {
    return cache ? check_module(m, rules, *cache) : check_module(m, rules);
  }
  const RuleSet rules{};
  std::optional<CheckCache> cache;
};

void BM_Enumerate(benchmark::State& state) {
  Looping programs(space_of(spec_arg(state)));
  std::uint64_t statements = 0;
  for (auto _ : state) {
    const ast::Module& m = programs.next();
    statements += std::get<ast::Function>(m.items.back().node).body.size();
    benchmark::DoNotOptimize(&m);
    programs.advance();
  }
  rate(state);
  state.counters["top-level stmts/program"] =
      static_cast<double>(statements) / static_cast<double>(state.iterations());
  label(state);
}
BENCHMARK(BM_Enumerate)->Args({0, 0})->Args({1, 0})->Args({2, 0});

void BM_EnumerateCheck(benchmark::State& state) {
  Looping programs(space_of(spec_arg(state)));
  Checker check(state);
  std::uint64_t accepted = 0;
  for (auto _ : state) {
    const CheckResult r = check(programs.next());
    accepted += r.accepted ? 1 : 0;
    benchmark::DoNotOptimize(r.elaborated);
    programs.advance();
  }
  rate(state);
  if (check.cache)
    state.counters["reused fns/program"] =
        static_cast<double>(check.cache->functions_reused()) / static_cast<double>(state.iterations());
  state.counters["accepted %"] = 100.0 * static_cast<double>(accepted) / static_cast<double>(state.iterations());
  label(state);
}
BENCHMARK(BM_EnumerateCheck)->Args({0, 0})->Args({0, 1})->Args({1, 0})->Args({1, 1});

void BM_EnumerateCheckRun(benchmark::State& state) {
  Looping programs(space_of(spec_arg(state)));
  Checker check(state);
  // The four-way table (anchors.md §3.2) over the programs this run saw; a
  // program faults when either value of `a` reaches a fault.
  std::uint64_t safe = 0, faulting = 0, false_positive = 0, false_negative = 0, other = 0, steps = 0;
  for (auto _ : state) {
    const CheckResult r = check(programs.next());
    programs.advance();
    if (!r.elaborated) {
      ++other;
      continue;
    }
    bool faulted = false, stopped_cleanly = true;
    for (const bool a : {false, true}) {
      run::MapOracle inputs;
      inputs.arguments.emplace(std::string(enumerate::Space::input_name), a);
      run::Program p;
      p.module = &*r.elaborated;
      p.accepted = r.accepted;
      p.oracle = &inputs;
      const run::Outcome o = run::run_program(p);
      steps += o.steps;
      faulted |= o.stop.kind == run::StopKind::Faulted;
      stopped_cleanly &= o.stop.kind == run::StopKind::Finished || o.stop.kind == run::StopKind::Faulted;
    }
    if (!stopped_cleanly) ++other;
    else if (r.accepted) ++(faulted ? false_negative : safe);
    else ++(faulted ? faulting : false_positive);
  }
  rate(state);
  const auto n = static_cast<double>(state.iterations());
  state.counters["accepted&safe"] = static_cast<double>(safe);
  state.counters["rejected&faulting"] = static_cast<double>(faulting);
  state.counters["false pos"] = static_cast<double>(false_positive);
  state.counters["false neg"] = static_cast<double>(false_negative);
  state.counters["other"] = static_cast<double>(other);
  state.counters["steps/program"] = static_cast<double>(steps) / n;
  label(state);
}
BENCHMARK(BM_EnumerateCheckRun)->Args({0, 0})->Args({0, 1})->Args({1, 0})->Args({1, 1});

}  // namespace

BENCHMARK_MAIN();
