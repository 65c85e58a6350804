#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ownmodel {

/// A named source text with an index of its line starts, so that a Span can be
/// turned back into the line it points at.
class SourceFile {
 public:
  SourceFile(std::string name, std::string text);

  [[nodiscard]] const std::string& name() const { return d_name; }
  [[nodiscard]] const std::string& text() const { return d_text; }
  [[nodiscard]] std::uint32_t line_count() const {
    return static_cast<std::uint32_t>(d_line_starts.size());
  }
  /// The text of 1-based line `line`, without its line terminator; empty when out of range.
  [[nodiscard]] std::string_view line_text(std::uint32_t line) const;

 private:
  std::string d_name;
  std::string d_text;
  std::vector<std::size_t> d_line_starts;
};

}  // namespace ownmodel
