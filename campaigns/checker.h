#pragma once
// Checker campaigns: the static rules against the corpus's stated verdicts.

#include <string>
#include <vector>

#include "campaigns/front_end.h"

namespace ownmodel::campaigns {

/// Every `.mojo` file under each folder (recursively) is checked under the
/// rule set its header names (`# rules:`, default mojo-1.0); the verdict must
/// be its `expect:` and its error diagnostics exactly its `expect-error:`
/// lines (rule, line, column, message).
[[nodiscard]] CampaignResult corpus_verdicts(const std::vector<std::string>& dirs,
                                             const Progress& progress);

}  // namespace ownmodel::campaigns
