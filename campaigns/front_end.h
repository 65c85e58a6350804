#pragma once
// Front-end campaigns: what `ownmodel validate` can check before the checker and
// the machine exist. Each returns counts and the first failures as evidence.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ownmodel::campaigns {

/// One failing case, kept as evidence: what was fed in and what went wrong.
struct CampaignFailure {
  std::string input_name;  // file path, or "case N (seed S)"
  std::string what;
  std::string input;       // the program text (empty for example files)
};

struct CampaignResult {
  std::string name;
  std::uint64_t cases = 0;
  std::uint64_t passed = 0;
  double seconds = 0;
  std::vector<CampaignFailure> failures;  // the first few only
  std::uint64_t failure_count = 0;
  [[nodiscard]] bool ok() const { return failure_count == 0; }
};

/// Called after each case with (done, total) so a caller can show progress.
using Progress = std::function<void(std::uint64_t done, std::uint64_t total)>;

/// Every `.mojo` file under `dir` (recursively) parses without errors, and
/// parse → print → parse gives an equal tree whose printing is a fixed point.
[[nodiscard]] CampaignResult examples_round_trip(const std::string& dir, const Progress& progress);

/// `count` random syntax trees: print, parse back, compare.
[[nodiscard]] CampaignResult random_round_trip(std::uint64_t count, std::uint64_t seed,
                                               const Progress& progress);

/// `count` hostile inputs (token soups, random bytes, mutated programs): the
/// parser answers each with a tree or with well-formed error diagnostics.
[[nodiscard]] CampaignResult parser_fuzz(std::uint64_t count, std::uint64_t seed,
                                         const Progress& progress);

}  // namespace ownmodel::campaigns
