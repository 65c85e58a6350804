#include "model/diagnostics/render.h"

#include <algorithm>

#include <fmt/format.h>

namespace ownmodel {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

namespace {

// Source lines are shown as they are, except that control characters (and
// invalid bytes) become '?', so a binary file cannot garble a terminal.
std::string printable(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (char c : line) {
    auto u = static_cast<unsigned char>(c);
    out.push_back(u == '\t' || (u >= 0x20 && u != 0x7f) ? c : '?');
  }
  return out;
}

void append_located(std::string& out, const SourceFile& source, const Span& span,
                    const char* severity, const std::string& message, const std::string& code) {
  if (span.known()) {
    out += fmt::format("{}:{}:{}: {}: {}", source.name(), span.line, span.col, severity, message);
  } else {
    out += fmt::format("{}: {}: {}", source.name(), severity, message);
  }
  if (!code.empty()) out += fmt::format(" [{}]", code);
  out += '\n';
  if (!span.known()) return;
  std::string_view line = source.line_text(span.line);
  if (line.size() > 400) return;  // a caret under a huge line helps nobody
  out += fmt::format("    {}\n", printable(line));
  std::string pad;
  for (std::uint32_t i = 1; i < span.col && i - 1 < line.size(); ++i) {
    pad.push_back(line[i - 1] == '\t' ? '\t' : ' ');
  }
  std::uint32_t width = 1;
  if (span.end_line == span.line && span.end_col > span.col) width = span.end_col - span.col;
  width = std::min<std::uint32_t>(width, 120);
  out += fmt::format("    {}^{}\n", pad, std::string(width - 1, '~'));
}

}  // namespace

std::string render_text(const SourceFile& source, const Diagnostic& d) {
  std::string out;
  append_located(out, source, d.span, severity_name(d.severity), d.message, d.code);
  for (const auto& note : d.notes) append_located(out, source, note.span, "note", note.message, "");
  return out;
}

std::string render_text(const SourceFile& source, const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) out += render_text(source, d);
  return out;
}

}  // namespace ownmodel
