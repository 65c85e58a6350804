#pragma once
// Interpreter campaigns: the machine against the corpus's stated outputs.

#include <string>
#include <vector>

#include "campaigns/front_end.h"

namespace ownmodel::campaigns {

/// Every accepted `.mojo` file under `dir` (recursively) with `expect-output:`
/// blocks runs once per `inputs:` set (once when it has none); the run must
/// finish without a fault and print exactly the block's lines.
[[nodiscard]] CampaignResult corpus_outputs(const std::string& dir, const Progress& progress);

}  // namespace ownmodel::campaigns

namespace ownmodel::campaigns {

/// `count` random programs (syntax trees from the grammar generator, and
/// mutated corpus programs) through the whole pipeline: check, elaborate and —
/// whatever the verdict — run on the machine with small bounds. The pipeline
/// must be total: positions of every diagnostic inside the file, an
/// elaborated module for every well-formed program, and no run ending in an
/// internal error (malformed IR). An accepted program that faults is counted
/// in `checker_unsound` and reported as a failure.
[[nodiscard]] CampaignResult pipeline_fuzz(std::uint64_t count, std::uint64_t seed,
                                           const Progress& progress);

}  // namespace ownmodel::campaigns
