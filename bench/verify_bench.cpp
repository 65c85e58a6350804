// Verification throughput of `ownmodel verify`'s engine (solver/bmc.h) on
// generated programs of ~10 statements with 2–4 branches and three symbolic
// Bool inputs: programs/s, median and worst query time, unknown count.
// Usage: verify_bench [programs=200] [bound=3] [timeout_ms=5000]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "model/check/check.h"
#include "model/diagnostics/source.h"
#include "solver/bmc.h"
#include "tests/solver/program_gen_unsafe.h"

int main(int argc, char** argv) {
  using namespace ownmodel;
  const int programs = argc > 1 ? std::atoi(argv[1]) : 200;
  solver::VerifyOptions o;
  o.bound = argc > 2 ? static_cast<unsigned>(std::atoi(argv[2])) : 3;
  o.timeout_ms = argc > 3 ? static_cast<unsigned>(std::atoi(argv[3])) : 5000;
  std::vector<double> queries;
  int verified = 0, unknown = 0, unsupported = 0, reachable = 0, branches_total = 0;
  double verify_ms = 0;
  for (int k = 0; k < programs; ++k) {
    const std::string text = testing::generate_unsafe_program(static_cast<std::uint32_t>(k), 10);
    const CheckResult checked = check_source(SourceFile("gen.mojo", text), RuleSet{});
    if (!checked.elaborated) continue;
    for (const ir::BasicBlock& b : checked.elaborated->functions[checked.elaborated->entry].blocks)
      branches_total += std::holds_alternative<ir::Branch>(b.term.node) ? 1 : 0;
    const auto t0 = std::chrono::steady_clock::now();
    const solver::VerifyResult r = solver::verify(*checked.elaborated, o);
    verify_ms += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    ++verified;
    if (!r.supported) ++unsupported;
    for (const solver::KindResult& kr : r.kinds) {
      if (kr.queried) queries.push_back(kr.ms);
      if (kr.status == solver::Reach::Unknown) ++unknown;
      if (kr.status == solver::Reach::Reachable) ++reachable;
    }
  }
  std::sort(queries.begin(), queries.end());
  const double median = queries.empty() ? 0 : queries[queries.size() / 2];
  const double worst = queries.empty() ? 0 : queries.back();
  std::printf("programs verified: %d (unsupported %d), bound %u, timeout %u ms\n", verified, unsupported, o.bound,
              o.timeout_ms);
  std::printf("average branch terminators per program: %.2f\n", verified ? double(branches_total) / verified : 0.0);
  std::printf("throughput: %.1f programs/s (encode + all queries)\n", verify_ms > 0 ? verified * 1000.0 / verify_ms : 0.0);
  std::printf("Z3 queries: %zu, median %.2f ms, worst %.2f ms\n", queries.size(), median, worst);
  std::printf("outcomes reachable: %d, queries unknown: %d\n", reachable, unknown);
  return 0;
}
