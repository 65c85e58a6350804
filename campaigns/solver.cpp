#include "campaigns/solver.h"

#include <algorithm>
#include <chrono>
#include <filesystem>

#include <fmt/format.h>

#include "campaigns/corpus_header.h"
#include "model/check/check.h"
#include "solver/bmc.h"

namespace ownmodel::campaigns {

CampaignResult corpus_verified(const std::string& dir, unsigned bound, const Progress& progress) {
  namespace fs = std::filesystem;
  const auto start = std::chrono::steady_clock::now();
  CampaignResult result;
  result.name = fmt::format("corpus: Z3 finds no fault (bound {})", bound);
  const std::vector<fs::path> files = corpus::mojo_files({dir});
  std::uint64_t done = 0;
  for (const fs::path& path : files) {
    if (progress) progress(++done, files.size());
    const CheckResult checked = check_source(SourceFile(path.generic_string(), corpus::read_text(path)), RuleSet());
    if (!checked.accepted || !checked.elaborated) continue;
    ++result.cases;
    solver::VerifyOptions options;
    options.bound = bound;
    const solver::VerifyResult r = solver::verify(*checked.elaborated, options);
    std::string problem;
    if (!r.supported) problem = "outside the encoded subset: " + r.unsupported;
    for (const solver::KindResult& k : r.kinds)
      if (problem.empty() && k.status != solver::Reach::Unreachable)
        problem = fmt::format("{} is {}{}", spec_name(k.kind), solver::reach_name(k.status),
                              k.reason.empty() ? "" : " (" + k.reason + ")");
    if (problem.empty()) {
      ++result.passed;
    } else {
      ++result.failure_count;
      if (result.failures.size() < 20) result.failures.push_back({path.generic_string(), problem, {}});
    }
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace ownmodel::campaigns
