#include "cli/progress.h"

#include <algorithm>
#include <chrono>
#include <iostream>

#include <fmt/format.h>

namespace ownmodel::cli {

campaigns::Progress progress_bar(const std::string& name, bool enabled) {
  if (!enabled) return {};
  const auto start = std::chrono::steady_clock::now();
  return [name, start](std::uint64_t done, std::uint64_t total) {
    if (total == 0) return;
    if (done != total && done % std::max<std::uint64_t>(1, total / 100) != 0) return;
    const int width = 30;
    const int filled = static_cast<int>(width * done / total);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cerr << fmt::format("\r{:<40} [{}{}] {}/{} {:.0f}/s", name, std::string(filled, '#'),
                             std::string(width - filled, '.'), done, total,
                             seconds > 0 ? static_cast<double>(done) / seconds : 0.0)
              << (done == total ? "\n" : "") << std::flush;
  };
}

}  // namespace ownmodel::cli
