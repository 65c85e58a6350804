#include "model/diagnostics/source.h"

namespace ownmodel {

SourceFile::SourceFile(std::string name, std::string text)
    : d_name(std::move(name)), d_text(std::move(text)) {
  d_line_starts.push_back(0);
  for (std::size_t i = 0; i < d_text.size(); ++i) {
    if (d_text[i] == '\n') d_line_starts.push_back(i + 1);
  }
}

std::string_view SourceFile::line_text(std::uint32_t line) const {
  if (line == 0 || line > d_line_starts.size()) return {};
  std::size_t begin = d_line_starts[line - 1];
  std::size_t end = line < d_line_starts.size() ? d_line_starts[line] : d_text.size();
  std::string_view text(d_text);
  text = text.substr(begin, end - begin);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

}  // namespace ownmodel
