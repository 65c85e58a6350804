// Static-pipeline throughput on the examples corpus, in programs per second:
// parse alone, parse + check (lowering, local and flow rules), and the full
// pipeline with elaboration, as `ownmodel check` runs it.
//
//   ./build/bench/check_bench --benchmark_counters_tabular=true

#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/check/check.h"
#include "model/diagnostics/source.h"
#include "model/flow/flow.h"
#include "model/rules/report.h"
#include "model/sema/lower.h"
#include "model/syntax/parser.h"

namespace ownmodel {
namespace {

namespace fs = std::filesystem;

/// Every `*.mojo` under examples/ (accepted and rejected), in path order.
const std::vector<SourceFile>& corpus() {
  static const std::vector<SourceFile> files = [] {
    std::vector<fs::path> paths;
    for (const auto& entry : fs::recursive_directory_iterator(OWNMODEL_EXAMPLES_DIR))
      if (entry.is_regular_file() && entry.path().extension() == ".mojo") paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());
    if (paths.empty()) throw std::runtime_error("no examples under " OWNMODEL_EXAMPLES_DIR);
    std::vector<SourceFile> loaded;
    for (const fs::path& path : paths) {
      std::ifstream in(path, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      loaded.emplace_back(path.filename().string(), text.str());
    }
    return loaded;
  }();
  return files;
}

void report_rate(benchmark::State& state) {
  state.counters["programs/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * corpus().size()), benchmark::Counter::kIsRate);
}

void BM_Parse(benchmark::State& state) {
  for (auto _ : state)
    for (const SourceFile& file : corpus()) benchmark::DoNotOptimize(parse(file));
  report_rate(state);
}
BENCHMARK(BM_Parse)->Unit(benchmark::kMillisecond);

/// Parse, lower with the local rules, run the flow rules: the verdict only.
void BM_ParseLowerCheck(benchmark::State& state) {
  const RuleSet rules;
  for (auto _ : state) {
    for (const SourceFile& file : corpus()) {
      ParseResult parsed = parse(file);
      if (!parsed.module) continue;
      DiagnosticSink sink(rules);
      std::optional<ir::Module> lowered = sema::lower(*parsed.module, sink);
      if (lowered) flow::check_flow(*lowered, sink);
      benchmark::DoNotOptimize(sink.has_errors());
    }
  }
  report_rate(state);
}
BENCHMARK(BM_ParseLowerCheck)->Unit(benchmark::kMillisecond);

/// What `ownmodel check` does per file: verdict, diagnostics and elaborated IR.
void BM_CheckSource(benchmark::State& state) {
  const RuleSet rules;
  for (auto _ : state)
    for (const SourceFile& file : corpus()) benchmark::DoNotOptimize(check_source(file, rules));
  report_rate(state);
}
BENCHMARK(BM_CheckSource)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace ownmodel

BENCHMARK_MAIN();
