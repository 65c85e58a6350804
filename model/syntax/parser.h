#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "model/diagnostics/diagnostic.h"
#include "model/diagnostics/source.h"
#include "model/syntax/ast.h"

namespace ownmodel {

/// Bounds that keep parsing total: any input ends in a Module or in diagnostics,
/// with bounded memory and host stack.
struct ParseLimits {
  std::uint32_t max_nesting = 200;            // blocks + brackets + operator depth
  std::size_t max_bytes = 64u * 1024 * 1024;  // larger inputs are refused up front
  std::size_t max_errors = 50;                // stop reporting after this many
};

/// The result of parsing one file. `module` is present exactly when
/// `diagnostics` holds no error (warnings, e.g. `deprecated`, may be present).
struct ParseResult {
  std::optional<ast::Module> module;
  std::vector<Diagnostic> diagnostics;
};

[[nodiscard]] ParseResult parse(const SourceFile& source, const ParseLimits& limits = {});

}  // namespace ownmodel
