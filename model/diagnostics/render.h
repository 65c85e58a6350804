#pragma once
#include <string>
#include <vector>

#include "model/diagnostics/diagnostic.h"
#include "model/diagnostics/source.h"

namespace ownmodel {

/// Compiler-style text:
///   file.mojo:12:5: error: use of uninitialized value 'x' [S1]
///       print(x)
///             ^
/// followed by each note in the same form.
[[nodiscard]] std::string render_text(const SourceFile& source, const Diagnostic& d);
[[nodiscard]] std::string render_text(const SourceFile& source,
                                      const std::vector<Diagnostic>& diagnostics);

}  // namespace ownmodel
