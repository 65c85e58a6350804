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
