// Interpreter speed (issue 4): steps/s and programs/s on generated programs of
// about 10 statements, with and without the static pipeline in front, and
// steps/s on a long-running loop of calls and lifecycle work.
#include <benchmark/benchmark.h>

#include <optional>
#include <vector>

#include "model/check/check.h"
#include "model/diagnostics/source.h"
#include "reference-impl/machine.h"
#include "tests/reference-impl/program_gen.h"

namespace {

using namespace ownmodel;

struct Compiled {
  ir::Module module;
  bool accepted = false;
};

std::optional<Compiled> compile(const std::string& text) {
  const SourceFile source("bench.mojo", text);
  CheckResult r = check_source(source, RuleSet{});
  if (!r.elaborated) return std::nullopt;
  return Compiled{std::move(*r.elaborated), r.accepted};
}

const std::vector<Compiled>& corpus() {
  static const std::vector<Compiled> programs = [] {
    std::vector<Compiled> out;
    for (std::uint32_t seed = 0; out.size() < 200 && seed < 1000; ++seed)
      if (auto c = compile(testing::generate_program(seed, 10)); c && c->accepted) out.push_back(std::move(*c));
    return out;
  }();
  return programs;
}

/// Runs pre-elaborated ~10-statement programs: the machine alone.
void BM_RunGeneratedPrograms(benchmark::State& state) {
  const auto& programs = corpus();
  std::size_t k = 0;
  std::uint64_t steps = 0;
  for (auto _ : state) {
    run::Program p;
    p.module = &programs[k++ % programs.size()].module;
    p.accepted = true;
    const run::Outcome o = run::run_program(p);
    if (o.stop.kind != run::StopKind::Finished) state.SkipWithError(o.stop.message.c_str());
    steps += o.steps;
    benchmark::DoNotOptimize(o.output.data());
  }
  state.counters["programs/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["steps/s"] = benchmark::Counter(static_cast<double>(steps), benchmark::Counter::kIsRate);
  state.counters["steps/program"] = static_cast<double>(steps) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_RunGeneratedPrograms);

/// Source to output: parse, check, elaborate and run.
void BM_CheckAndRunGeneratedPrograms(benchmark::State& state) {
  std::vector<std::string> texts;
  for (std::uint32_t seed = 0; seed < 200; ++seed) texts.push_back(testing::generate_program(seed, 10));
  std::size_t k = 0;
  for (auto _ : state) {
    auto c = compile(texts[k++ % texts.size()]);
    if (!c) continue;
    run::Program p;
    p.module = &c->module;
    p.accepted = c->accepted;
    const run::Outcome o = run::run_program(p);
    benchmark::DoNotOptimize(o.output.data());
  }
  state.counters["programs/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_CheckAndRunGeneratedPrograms);

/// A long run: a loop of calls, copies, String work and destructor frames.
void BM_StepsLongLoop(benchmark::State& state) {
  const auto c = compile(
      "@fieldwise_init\n"
      "struct Item(Copyable):\n"
      "    var name: String\n"
      "    var n: Int\n"
      "\n"
      "    def __deinit__(deinit self):\n"
      "        pass\n"
      "\n"
      "\n"
      "def bump(mut it: Item):\n"
      "    it.n += 1\n"
      "\n"
      "\n"
      "def main():\n"
      "    var total = 0\n"
      "    var xs: List[Int] = []\n"
      "    for i in range(20000):\n"
      "        var a = Item(\"a\", i)\n"
      "        bump(a)\n"
      "        var b = a.copy()\n"
      "        total += b.n + a.n\n"
      "        if i % 100 == 0:\n"
      "            xs.append(total)\n"
      "    print(total, len(xs))\n");
  if (!c || !c->accepted) {
    state.SkipWithError("the loop program is not accepted");
    return;
  }
  std::uint64_t steps = 0;
  for (auto _ : state) {
    run::Program p;
    p.module = &c->module;
    p.accepted = true;
    const run::Outcome o = run::run_program(p);
    if (o.stop.kind != run::StopKind::Finished) state.SkipWithError(o.stop.message.c_str());
    steps += o.steps;
  }
  state.counters["steps/s"] = benchmark::Counter(static_cast<double>(steps), benchmark::Counter::kIsRate);
  state.counters["steps/run"] = static_cast<double>(steps) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_StepsLongLoop)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
