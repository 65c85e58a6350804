#pragma once
#include <cstdint>

namespace ownmodel {

/// A range of source text: 1-based line and column of the first character, and
/// of the character just past the last one. Columns count bytes.
struct Span {
  std::uint32_t line = 0;
  std::uint32_t col = 0;
  std::uint32_t end_line = 0;
  std::uint32_t end_col = 0;

  [[nodiscard]] bool known() const { return line != 0; }

  /// Source positions are not part of a node's identity: two trees are equal when
  /// they spell the same program, wherever it was written (parse∘print round trip).
  friend bool operator==(const Span&, const Span&) { return true; }
};

/// The span from the start of `a` to the end of `b`.
[[nodiscard]] inline Span join(const Span& a, const Span& b) {
  return Span{a.line, a.col, b.end_line, b.end_col};
}

}  // namespace ownmodel
