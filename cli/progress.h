#pragma once
// A one-line progress bar on stderr for the long-running commands.

#include <string>

#include "campaigns/front_end.h"

namespace ownmodel::cli {

/// Redraws `name [####....] done/total rate/s` at most ~100 times per run; an
/// empty callback when `enabled` is false.
[[nodiscard]] campaigns::Progress progress_bar(const std::string& name, bool enabled);

}  // namespace ownmodel::cli
