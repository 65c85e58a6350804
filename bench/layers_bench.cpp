// Programs per second of each layer of the four-way oracle, on one core, for
// the two populations the campaigns use (issue 6):
//   judgment   accepted programs of the judgment-directed generator, swarm
//              features, about 10 statements in main and 0–3 Bool inputs;
//   enumerated programs of the default exhaustive space (P{2,3,1,2}), ~4
//              statements in main after a fixed prelude, one Bool input.
// Layers: generate, lower + flow rules, + elaboration (check_module), run on
// every input (the machine), verify (Z3, bound 3). Each benchmark works on a
// fixed, pre-built sample so the layers are measured apart.
//
//   ./build/bench/layers_bench --benchmark_counters_tabular=true

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "campaigns/classify.h"
#include "generators/enumerate.h"
#include "generators/program_gen.h"
#include "model/check/check.h"
#include "model/flow/flow.h"
#include "model/rules/report.h"
#include "model/sema/lower.h"
#include "solver/bmc.h"

namespace ownmodel {
namespace {

constexpr std::size_t kSample = 2000;

const std::vector<ast::Module>& judgment_sample() {
  static const std::vector<ast::Module> sample = [] {
    std::vector<ast::Module> out;
    const rc::Gen<ast::Module> g = gen::accepted_program();
    for (std::size_t i = 0; i < kSample; ++i) out.push_back(g(rc::Random(i + 1), 100).value());
    return out;
  }();
  return sample;
}

const std::vector<ast::Module>& enumerated_sample() {
  static const std::vector<ast::Module> sample = [] {
    const enumerate::Space space(*enumerate::parse_space(enumerate::default_preset).params);
    const enumerate::BigInt n = space.cardinality();
    std::vector<ast::Module> out;
    for (std::size_t i = 0; i < kSample; ++i) out.push_back(space.program(n * i / kSample));  // spread over the space
    return out;
  }();
  return sample;
}

const std::vector<ast::Module>& sample_of(int which) { return which == 0 ? judgment_sample() : enumerated_sample(); }

std::vector<CheckResult> checked(int which) {
  std::vector<CheckResult> out;
  for (const ast::Module& m : sample_of(which)) out.push_back(check_module(m, RuleSet()));
  return out;
}

void rate(benchmark::State& state, std::size_t per_iteration) {
  state.counters["programs/s"] = benchmark::Counter(static_cast<double>(state.iterations() * per_iteration),
                                                    benchmark::Counter::kIsRate);
}

void BM_GenerateJudgment(benchmark::State& state) {
  const rc::Gen<ast::Module> g = gen::accepted_program();
  std::uint64_t seed = 1;
  for (auto _ : state) benchmark::DoNotOptimize(g(rc::Random(seed++), 100).value());
  rate(state, 1);
}

void BM_GenerateEnumerated(benchmark::State& state) {
  const enumerate::Space space(*enumerate::parse_space(enumerate::default_preset).params);
  enumerate::Cursor cursor(space);
  for (auto _ : state) {
    if (cursor.done()) cursor = enumerate::Cursor(space);
    benchmark::DoNotOptimize(&cursor.module());
    cursor.next();
  }
  rate(state, 1);
}

void BM_LowerAndFlowRules(benchmark::State& state) {
  const auto& sample = sample_of(static_cast<int>(state.range(0)));
  const RuleSet rules;
  for (auto _ : state)
    for (const ast::Module& m : sample) {
      DiagnosticSink sink(rules);
      std::optional<ir::Module> lowered = sema::lower(m, sink);
      if (lowered) flow::check_flow(*lowered, sink);
      benchmark::DoNotOptimize(lowered);
    }
  rate(state, sample.size());
}

void BM_CheckAndElaborate(benchmark::State& state) {
  const auto& sample = sample_of(static_cast<int>(state.range(0)));
  for (auto _ : state)
    for (const ast::Module& m : sample) benchmark::DoNotOptimize(check_module(m, RuleSet()));
  rate(state, sample.size());
}

void BM_RunAllInputs(benchmark::State& state) {
  const std::vector<CheckResult> modules = checked(static_cast<int>(state.range(0)));
  std::uint64_t runs = 0;
  for (auto _ : state)
    for (const CheckResult& c : modules) {
      campaigns::Classification cl;
      campaigns::run_all_inputs(*c.elaborated, c.accepted, {}, cl);
      runs += cl.runs;
    }
  rate(state, modules.size());
  state.counters["runs/program"] =
      static_cast<double>(runs) / static_cast<double>(std::max<std::uint64_t>(1, state.iterations() * modules.size()));
}

void BM_Verify(benchmark::State& state) {
  std::vector<CheckResult> modules = checked(static_cast<int>(state.range(0)));
  modules.resize(100);  // Z3 is slow: a smaller sample
  solver::VerifyOptions o;
  for (auto _ : state)
    for (const CheckResult& c : modules) benchmark::DoNotOptimize(solver::verify(*c.elaborated, o));
  rate(state, modules.size());
}

// Argument 0: judgment-directed programs; 1: enumerated programs.
BENCHMARK(BM_GenerateJudgment)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_GenerateEnumerated)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_LowerAndFlowRules)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CheckAndElaborate)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RunAllInputs)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Verify)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace ownmodel

BENCHMARK_MAIN();
