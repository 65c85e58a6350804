#pragma once
// Solver campaigns: the Z3 encoding against the corpus.

#include <string>

#include "campaigns/front_end.h"

namespace ownmodel::campaigns {

/// Every `.mojo` file under `dir` (recursively) that the default rule set
/// accepts is verified (bound `bound`): no outcome may be reachable and no
/// query unknown or unsupported — what the interpreter's runs of the same files
/// also say. Rejected files are skipped.
[[nodiscard]] CampaignResult corpus_verified(const std::string& dir, unsigned bound, const Progress& progress);

}  // namespace ownmodel::campaigns
