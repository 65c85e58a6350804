#pragma once
// Writing report files so that a reader never sees a half-written one.

#include <filesystem>
#include <string>

namespace ownmodel {

/// Writes `text` to `path` through a temporary file beside it and a rename;
/// false (and `path` untouched) when either fails.
[[nodiscard]] bool write_atomically(const std::filesystem::path& path, const std::string& text);

}  // namespace ownmodel
