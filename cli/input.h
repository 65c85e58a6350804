#pragma once
#include <cstddef>
#include <optional>
#include <string>

#include "model/diagnostics/diagnostic.h"
#include "model/diagnostics/source.h"

namespace ownmodel::cli {

/// A source file read from disk, or the reason it could not be read (code "input").
struct LoadedSource {
  std::optional<SourceFile> source;
  std::optional<Diagnostic> error;
};

/// Reads `path` whole; refuses directories, unreadable files and files larger
/// than `max_bytes` without reading them.
[[nodiscard]] LoadedSource load_source(const std::string& path, std::size_t max_bytes);

}  // namespace ownmodel::cli
