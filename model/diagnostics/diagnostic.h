#pragma once
// Diagnostics are values: what went wrong, where, and the related places.
// Message text is written where the diagnostic is made; rendering (text with a
// caret line, or JSON) lives in render.h and knows nothing about its origin.

#include <string>
#include <vector>

#include "model/syntax/span.h"

namespace ownmodel {

enum class Severity { Error, Warning, Note };

[[nodiscard]] const char* severity_name(Severity s);

/// A secondary location that explains a diagnostic ("value transferred here").
struct DiagnosticNote {
  Span span;
  std::string message;
};

/// One finding about a source file.
///
/// `code` says which check produced it: a rule id from the rule catalogue
/// (`S1`, …) for ownership errors, or one of the front-end codes
///   syntax       the text is not in the grammar
///   unsupported  valid Mojo that the model's subset leaves out
///   input        the bytes are not a readable source (encoding, NUL, size)
///   limit        a resource bound was hit (nesting depth, …)
///   deprecated   an older spelling, accepted and normalised
struct Diagnostic {
  Severity severity = Severity::Error;
  std::string code;
  Span span;
  std::string message;
  std::vector<DiagnosticNote> notes;
};

[[nodiscard]] bool has_errors(const std::vector<Diagnostic>& diagnostics);

}  // namespace ownmodel
