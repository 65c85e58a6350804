#pragma once
// The lexer of the Mojo subset: turns source text into tokens with Python-style
// layout (NEWLINE, INDENT, DEDENT). It is a stream: the parser pulls tokens one
// at a time, so memory stays proportional to the nesting, not to the file.
//
// Lexing errors are reported to a DiagnosticCollector as they are found; the
// offending token comes out as TokenKind::Error so the parser can recover without
// reporting the same mistake twice.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics/diagnostic.h"
#include "model/syntax/span.h"

namespace ownmodel::syntax {

/// Gathers the front end's diagnostics. Once `max_errors` errors are in, or a
/// fatal limit was hit (`stop()`), it drops everything else and reports
/// `stopped()`, which makes the lexer end the token stream so the parse unwinds.
class DiagnosticCollector {
 public:
  explicit DiagnosticCollector(std::size_t max_errors)
      : d_max_errors(max_errors == 0 ? 1 : max_errors) {}

  void error(std::string_view code, const Span& span, std::string message);
  void warning(std::string_view code, const Span& span, std::string message);
  void stop() { d_stopped = true; }
  [[nodiscard]] bool stopped() const { return d_stopped; }
  [[nodiscard]] std::size_t error_count() const { return d_errors; }
  /// The diagnostics in source order (stable for equal positions).
  [[nodiscard]] std::vector<Diagnostic> take();

 private:
  std::vector<Diagnostic> d_diagnostics;
  std::size_t d_max_errors;
  std::size_t d_errors = 0;
  bool d_stopped = false;
};

enum class TokenKind : std::uint8_t {
  End,
  Newline,
  Indent,
  Dedent,
  Error,  // a malformed token; its diagnostic has been reported already
  // Where a logical line ends (at the end of the input, or before a line that
  // starts a statement) with a bracket still open. It spans that bracket and
  // the parser reports it, unless the line already had an error.
  UnclosedBracket,
  Name,
  Int,
  String,     // '…' or "…"
  DocString,  // '''…''' or """…""": only meaningful as a docstring
  // Keywords of the subset.
  KwDef, KwFn, KwStruct, KwVar, KwRef, KwIf, KwElif, KwElse, KwWhile, KwFor, KwIn, KwBreak,
  KwContinue, KwPass, KwReturn, KwRaise, KwTry, KwExcept, KwAnd, KwOr, KwNot, KwTrue, KwFalse,
  KwFrom, KwImport,
  // A reserved word of a construct outside the subset (`with`, `lambda`, `alias`, …).
  KwUnsupported,
  // Punctuation and operators of the subset.
  LParen, RParen, LBracket, RBracket, LBrace, RBrace, Comma, Colon, Dot, Arrow, At, Caret,
  Assign, PlusAssign, MinusAssign, StarAssign, FloorDivAssign, ModAssign,
  Eq, Ne, Lt, Le, Gt, Ge, Plus, Minus, Star, FloorDiv, Percent,
  // An operator outside the subset: `/`, `**`, `&`, `|`, `~`, `<<`, `;`, `...`, `:=`, ….
  OtherOperator,
};

struct Token {
  TokenKind kind = TokenKind::End;
  Span span;
  std::string_view text;        // the token's source text (empty for layout tokens)
  std::uint64_t int_value = 0;  // the value of an Int token (at most INT64_MAX)
};

class Lexer {
 public:
  Lexer(std::string_view text, DiagnosticCollector& diagnostics);

  /// The next token. After the last one it keeps returning End.
  Token next();

 private:
  struct Bracket {
    std::size_t offset;
    Span span;
  };

  Token produce();
  /// At the start of a line: skips blank and comment lines, then sets
  /// `layout_token` to an INDENT or DEDENT and returns true if the indentation changed.
  bool start_logical_line(Token& layout_token);
  bool apply_indentation(std::string_view indent, const Span& where, Token& layout_token);
  Token scan_token();
  Token end_of_input();
  /// Inside brackets, whether the line just begun starts with a word that only
  /// begins statements (`def`, `return`, …): then a bracket was left open.
  [[nodiscard]] bool line_starts_statement() const;
  /// Ends the logical line at an open bracket (see TokenKind::UnclosedBracket).
  Token abandon_brackets();
  Token scan_name(std::size_t begin);
  Token scan_number(std::size_t begin);
  Token scan_string(std::size_t begin);
  Token scan_operator(std::size_t begin);
  /// Scans a quoted string body from `begin` (at the opening quote) and returns
  /// whether it is well-formed; reports at most one error.
  bool skip_string(std::size_t begin, bool report);
  Token invalid_character(std::size_t begin);

  void consume_newline();  // at '\n' or "\r\n"
  [[nodiscard]] bool at_newline(std::size_t pos) const;
  [[nodiscard]] std::uint32_t col_of(std::size_t offset) const {
    return static_cast<std::uint32_t>(offset - d_line_start + 1);
  }
  /// From (line, col) to the current position.
  [[nodiscard]] Span span_from(std::uint32_t line, std::uint32_t col) const;
  [[nodiscard]] Span point_here() const;
  Token make(TokenKind kind, std::size_t begin, std::uint32_t line, std::uint32_t col) const;
  Token layout(TokenKind kind, const Span& span) const { return Token{kind, span, {}, 0}; }

  std::string_view d_text;
  DiagnosticCollector& d_diagnostics;
  std::size_t d_pos = 0;
  std::uint32_t d_line = 1;
  std::size_t d_line_start = 0;  // offset of the current line's first byte
  bool d_at_line_start = true;
  TokenKind d_last_kind = TokenKind::Newline;  // so that an empty file gets no NEWLINE
  std::size_t d_pending_dedents = 0;
  bool d_pending_newline = false;
  Span d_pending_dedent_span;
  std::vector<std::string_view> d_indents;  // each level extends the one below it
  std::vector<Bracket> d_brackets;
};

/// The decoded value of a String or DocString token (its escapes resolved). The
/// token must have been produced by the Lexer, which validated it.
[[nodiscard]] std::string decode_string_literal(std::string_view token_text);

/// The `input` error for text that is not valid UTF-8 or holds a NUL byte, at the
/// first offending byte; nothing when the text is readable.
[[nodiscard]] std::optional<Diagnostic> check_encoding(std::string_view text);

/// A short readable description of a token for messages: `'foo'`, `end of line`.
[[nodiscard]] std::string describe(const Token& token);

}  // namespace ownmodel::syntax
