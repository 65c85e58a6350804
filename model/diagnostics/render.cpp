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

// Length of the valid UTF-8 sequence starting at `text[i]`, or 0 if it is not one.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xe ? 3
                       : (lead >> 3) == 0x1e ? 4 : 0;
  if (length == 0 || i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xc0) != 0x80) return 0;
  }
  return length;
}

// A source line as shown under a diagnostic, with the caret line that points at
// byte column `col`. Control characters and bytes that are not UTF-8 become
// '?', so a binary file cannot garble a terminal; each shown character takes
// one caret column, so the caret stays under the right character.
struct ShownLine {
  std::string text;
  std::string pad;  // whitespace up to the caret
};

ShownLine show_line(std::string_view line, std::uint32_t col) {
  ShownLine shown;
  for (std::size_t i = 0; i < line.size();) {
    std::size_t length = utf8_sequence_length(line, i);
    auto lead = static_cast<unsigned char>(line[i]);
    bool control = length == 1 && lead != '\t' && (lead < 0x20 || lead == 0x7f);
    if (length == 0 || control) {
      shown.text.push_back('?');
      length = 1;
    } else {
      shown.text.append(line.substr(i, length));
    }
    if (i + 1 < col) shown.pad.push_back(lead == '\t' ? '\t' : ' ');
    i += length;
  }
  return shown;
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
  ShownLine shown = show_line(line, span.col);
  out += fmt::format("    {}\n", shown.text);
  std::uint32_t width = 1;
  if (span.end_line == span.line && span.end_col > span.col) width = span.end_col - span.col;
  width = std::min<std::uint32_t>(width, 120);
  out += fmt::format("    {}^{}\n", shown.pad, std::string(width - 1, '~'));
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
