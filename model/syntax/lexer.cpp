#include "model/syntax/lexer.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>

#include <fmt/format.h>

namespace ownmodel::syntax {

/* --- DiagnosticCollector ------------------------------------------------ */

void DiagnosticCollector::error(std::string_view code, const Span& span, std::string message) {
  if (d_stopped) return;
  d_diagnostics.push_back(Diagnostic{Severity::Error, std::string(code), span, std::move(message), {}});
  if (++d_errors >= d_max_errors) d_stopped = true;
}

void DiagnosticCollector::warning(std::string_view code, const Span& span, std::string message) {
  if (d_stopped) return;
  d_diagnostics.push_back(
      Diagnostic{Severity::Warning, std::string(code), span, std::move(message), {}});
}

std::vector<Diagnostic> DiagnosticCollector::take() {
  // The lexer runs ahead of the parser and normalisations report after a whole
  // struct is read, so the order of reporting is not quite the order of the text.
  std::stable_sort(d_diagnostics.begin(), d_diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     if (a.span.line != b.span.line) return a.span.line < b.span.line;
                     return a.span.col < b.span.col;
                   });
  return std::move(d_diagnostics);
}

/* --- Character classes -------------------------------------------------- */

namespace {

enum : std::uint8_t { kIdentStart = 1, kDigit = 2, kHex = 4 };

constexpr std::array<std::uint8_t, 256> make_char_classes() {
  std::array<std::uint8_t, 256> classes{};
  for (int c = 'a'; c <= 'z'; ++c) classes[c] |= kIdentStart;
  for (int c = 'A'; c <= 'Z'; ++c) classes[c] |= kIdentStart;
  classes['_'] |= kIdentStart;
  for (int c = '0'; c <= '9'; ++c) classes[c] |= kDigit | kHex;
  for (int c = 'a'; c <= 'f'; ++c) classes[c] |= kHex;
  for (int c = 'A'; c <= 'F'; ++c) classes[c] |= kHex;
  return classes;
}
constexpr std::array<std::uint8_t, 256> kCharClasses = make_char_classes();

bool is_ident_start(char c) { return kCharClasses[static_cast<unsigned char>(c)] & kIdentStart; }
bool is_digit(char c) { return kCharClasses[static_cast<unsigned char>(c)] & kDigit; }
bool is_ident_char(char c) {
  return kCharClasses[static_cast<unsigned char>(c)] & (kIdentStart | kDigit);
}
bool is_hex(char c) { return kCharClasses[static_cast<unsigned char>(c)] & kHex; }

/// The value of a digit in bases up to 16; 99 for anything else.
unsigned digit_value(char c) {
  if (c >= '0' && c <= '9') return static_cast<unsigned>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<unsigned>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<unsigned>(c - 'A' + 10);
  return 99;
}

TokenKind keyword_kind(std::string_view w) {
  using K = TokenKind;
  switch (w.size()) {
    case 2:
      if (w == "if") return K::KwIf;
      if (w == "in") return K::KwIn;
      if (w == "or") return K::KwOr;
      if (w == "fn") return K::KwFn;
      if (w == "is" || w == "as") return K::KwUnsupported;
      break;
    case 3:
      if (w == "var") return K::KwVar;
      if (w == "def") return K::KwDef;
      if (w == "ref") return K::KwRef;
      if (w == "for") return K::KwFor;
      if (w == "and") return K::KwAnd;
      if (w == "not") return K::KwNot;
      if (w == "try") return K::KwTry;
      if (w == "del") return K::KwUnsupported;
      break;
    case 4:
      if (w == "else") return K::KwElse;
      if (w == "elif") return K::KwElif;
      if (w == "pass") return K::KwPass;
      if (w == "True") return K::KwTrue;
      if (w == "from") return K::KwFrom;
      if (w == "with") return K::KwUnsupported;
      break;
    case 5:
      if (w == "while") return K::KwWhile;
      if (w == "break") return K::KwBreak;
      if (w == "raise") return K::KwRaise;
      if (w == "False") return K::KwFalse;
      if (w == "class" || w == "trait" || w == "alias" || w == "yield" || w == "async" ||
          w == "await") {
        return K::KwUnsupported;
      }
      break;
    case 6:
      if (w == "struct") return K::KwStruct;
      if (w == "return") return K::KwReturn;
      if (w == "except") return K::KwExcept;
      if (w == "import") return K::KwImport;
      if (w == "assert" || w == "global" || w == "lambda") return K::KwUnsupported;
      break;
    case 7:
      if (w == "finally") return K::KwUnsupported;
      break;
    case 8:
      if (w == "continue") return K::KwContinue;
      if (w == "comptime" || w == "nonlocal") return K::KwUnsupported;
      break;
    default:
      break;
  }
  return K::Name;
}

/// Python-style string prefixes (`r"…"`, `f"…"`, `t"…"`, …), which the subset leaves out.
bool is_string_prefix(std::string_view w) {
  if (w.empty() || w.size() > 2) return false;
  auto prefix_letter = [](char c) {
    switch (c) {
      case 'r': case 'R': case 'b': case 'B': case 'f': case 'F':
      case 't': case 'T': case 'u': case 'U':
        return true;
      default:
        return false;
    }
  };
  return std::all_of(w.begin(), w.end(), prefix_letter);
}

std::string shown_byte(char c) {
  auto u = static_cast<unsigned char>(c);
  if (u >= 0x21 && u < 0x7f) return std::string(1, c);
  return fmt::format("\\x{:02x}", u);
}

/// The length of the UTF-8 sequence led by `lead` (1 for ASCII or a stray byte).
std::size_t utf8_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

}  // namespace

/* --- Lexer -------------------------------------------------------------- */

Lexer::Lexer(std::string_view text, DiagnosticCollector& diagnostics)
    : d_text(text), d_diagnostics(diagnostics) {
  if (d_text.starts_with("\xEF\xBB\xBF")) d_pos = 3;  // a byte-order mark is not text
  d_indents.emplace_back();
}

Token Lexer::next() {
  Token token = produce();
  d_last_kind = token.kind;
  return token;
}

// Each path returns its token directly, so that it is built in place: merging
// the paths into one local made every token a partial store followed by a wide
// reload, a store-forwarding stall that cost a tenth of the parse.
Token Lexer::produce() {
  if (d_diagnostics.stopped()) return layout(TokenKind::End, point_here());
  if (d_pending_dedents > 0) {
    --d_pending_dedents;
    return layout(TokenKind::Dedent, d_pending_dedent_span);
  }
  if (d_pending_newline) {
    d_pending_newline = false;
    d_at_line_start = true;
    return layout(TokenKind::Newline, point_here());
  }
  if (d_at_line_start) {
    Token indentation;
    if (start_logical_line(indentation)) return indentation;
  }
  return scan_token();
}

bool Lexer::at_newline(std::size_t pos) const {
  char c = d_text[pos];
  return c == '\n' || (c == '\r' && pos + 1 < d_text.size() && d_text[pos + 1] == '\n');
}

void Lexer::consume_newline() {
  if (d_text[d_pos] == '\r') ++d_pos;
  ++d_pos;
  ++d_line;
  d_line_start = d_pos;
}

Span Lexer::span_from(std::uint32_t line, std::uint32_t col) const {
  return Span{line, col, d_line, col_of(d_pos)};
}

Span Lexer::point_here() const {
  std::uint32_t col = col_of(d_pos);
  return Span{d_line, col, d_line, col};
}

Token Lexer::make(TokenKind kind, std::size_t begin, std::uint32_t line, std::uint32_t col) const {
  return Token{kind, span_from(line, col), d_text.substr(begin, d_pos - begin), 0};
}

bool Lexer::start_logical_line(Token& layout_token) {
  const std::size_t size = d_text.size();
  for (;;) {
    std::size_t indent_begin = d_pos;
    while (d_pos < size && (d_text[d_pos] == ' ' || d_text[d_pos] == '\t')) ++d_pos;
    if (d_pos < size && d_text[d_pos] == '#') {
      const void* newline = std::memchr(d_text.data() + d_pos, '\n', size - d_pos);
      d_pos = newline ? static_cast<std::size_t>(static_cast<const char*>(newline) - d_text.data())
                      : size;
    }
    if (d_pos >= size) {
      d_at_line_start = false;
      return false;
    }
    if (at_newline(d_pos)) {  // blank and comment-only lines do not count
      consume_newline();
      continue;
    }
    d_at_line_start = false;
    Span where{d_line, col_of(indent_begin), d_line, col_of(d_pos)};
    return apply_indentation(d_text.substr(indent_begin, d_pos - indent_begin), where, layout_token);
  }
}

bool Lexer::apply_indentation(std::string_view indent, const Span& where, Token& layout_token) {
  std::string_view top = d_indents.back();
  if (indent == top) return false;
  if (indent.size() > top.size() && indent.starts_with(top)) {
    d_indents.push_back(indent);
    layout_token = layout(TokenKind::Indent, where);
    return true;
  }
  Span line_start{where.end_line, where.end_col, where.end_line, where.end_col};
  if (!top.starts_with(indent)) {
    // Neither extends the other: the same depth is spelled with different bytes.
    d_diagnostics.error("syntax", where, "inconsistent use of tabs and spaces in indentation");
    return false;
  }
  std::size_t level = d_indents.size() - 1;
  while (level > 0 && d_indents[level].size() > indent.size()) --level;
  std::size_t closed = d_indents.size() - 1 - level;
  if (d_indents[level].size() != indent.size()) {
    d_diagnostics.error("syntax", where, "unindent does not match any outer indentation level");
    // Recover: the innermost closed level stays open at this line's indentation.
    --closed;
    d_indents.resize(d_indents.size() - closed);
    d_indents.back() = indent;
  } else {
    d_indents.resize(level + 1);
  }
  if (closed == 0) return false;
  d_pending_dedents = closed - 1;
  d_pending_dedent_span = line_start;
  layout_token = layout(TokenKind::Dedent, line_start);
  return true;
}

Token Lexer::scan_token() {
  const std::size_t size = d_text.size();
  for (;;) {
    while (d_pos < size && (d_text[d_pos] == ' ' || d_text[d_pos] == '\t')) ++d_pos;
    if (d_pos >= size) return end_of_input();
    char c = d_text[d_pos];
    if (c == '#') {
      const void* newline = std::memchr(d_text.data() + d_pos, '\n', size - d_pos);
      d_pos = newline ? static_cast<std::size_t>(static_cast<const char*>(newline) - d_text.data())
                      : size;
      continue;
    }
    if (at_newline(d_pos)) {
      if (!d_brackets.empty()) {  // newlines inside brackets only separate words
        consume_newline();
        if (line_starts_statement()) return abandon_brackets();
        continue;
      }
      std::uint32_t col = col_of(d_pos);
      Span span{d_line, col, d_line, col + 1};
      consume_newline();
      d_at_line_start = true;
      return layout(TokenKind::Newline, span);
    }
    if (c == '\\') {
      if (d_pos + 1 < size && at_newline(d_pos + 1)) {
        ++d_pos;
        consume_newline();
        continue;
      }
      std::uint32_t line = d_line;
      std::uint32_t col = col_of(d_pos);
      ++d_pos;
      Token token = make(TokenKind::Error, d_pos - 1, line, col);
      d_diagnostics.error("syntax", token.span,
                          "a line continuation character '\\' must be the last on its line");
      return token;
    }
    break;
  }
  const std::size_t begin = d_pos;
  char c = d_text[begin];
  if (is_ident_start(c)) return scan_name(begin);
  if (is_digit(c)) return scan_number(begin);
  if (c == '"' || c == '\'') return scan_string(begin);
  return scan_operator(begin);
}

bool Lexer::line_starts_statement() const {
  std::size_t p = d_pos;
  while (p < d_text.size() && (d_text[p] == ' ' || d_text[p] == '\t')) ++p;
  std::size_t begin = p;
  while (p < d_text.size() && is_ident_char(d_text[p])) ++p;
  switch (keyword_kind(d_text.substr(begin, p - begin))) {
    case TokenKind::KwDef: case TokenKind::KwFn: case TokenKind::KwStruct:
    case TokenKind::KwElif: case TokenKind::KwWhile: case TokenKind::KwTry:
    case TokenKind::KwExcept: case TokenKind::KwReturn: case TokenKind::KwRaise:
    case TokenKind::KwPass: case TokenKind::KwBreak: case TokenKind::KwContinue:
    case TokenKind::KwImport: case TokenKind::KwFrom:
      return true;
    default:
      return false;
  }
}

Token Lexer::abandon_brackets() {
  const Bracket innermost = d_brackets.back();
  d_brackets.clear();
  d_pending_newline = true;  // the logical line ends before this line
  return Token{TokenKind::UnclosedBracket, innermost.span, d_text.substr(innermost.offset, 1), 0};
}

Token Lexer::end_of_input() {
  if (!d_brackets.empty()) {
    const Bracket innermost = d_brackets.back();
    d_brackets.clear();
    return Token{TokenKind::UnclosedBracket, innermost.span, d_text.substr(innermost.offset, 1), 0};
  }
  if (d_last_kind != TokenKind::Newline && d_last_kind != TokenKind::Indent &&
      d_last_kind != TokenKind::Dedent) {
    return layout(TokenKind::Newline, point_here());
  }
  if (d_indents.size() > 1) {
    d_pending_dedents = d_indents.size() - 2;
    d_pending_dedent_span = point_here();
    d_indents.resize(1);
    return layout(TokenKind::Dedent, point_here());
  }
  return layout(TokenKind::End, point_here());
}

Token Lexer::scan_name(std::size_t begin) {
  const std::uint32_t line = d_line;
  const std::uint32_t col = col_of(begin);
  std::size_t p = begin + 1;
  while (p < d_text.size() && is_ident_char(d_text[p])) ++p;
  std::string_view word = d_text.substr(begin, p - begin);
  if (p < d_text.size() && (d_text[p] == '"' || d_text[p] == '\'') && is_string_prefix(word)) {
    skip_string(p, /*report=*/false);
    Token token = make(TokenKind::Error, begin, line, col);
    d_diagnostics.error("unsupported", token.span,
                        fmt::format("unsupported: string literals with a prefix ('{}\"…\"')", word));
    return token;
  }
  d_pos = p;
  return make(keyword_kind(word), begin, line, col);
}

Token Lexer::scan_number(std::size_t begin) {
  const std::uint32_t line = d_line;
  const std::uint32_t col = col_of(begin);
  const std::size_t size = d_text.size();
  auto at = [&](std::size_t p) { return p < size ? d_text[p] : '\0'; };

  unsigned base = 10;
  std::size_t p = begin;
  if (d_text[p] == '0') {
    switch (at(p + 1)) {
      case 'x': case 'X': base = 16; break;
      case 'o': case 'O': base = 8; break;
      case 'b': case 'B': base = 2; break;
      default: break;
    }
    if (base != 10) p += 2;
  }
  constexpr std::uint64_t kMax = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  std::uint64_t value = 0;
  bool any_digit = false;
  bool malformed = false;
  bool overflow = false;
  bool nonzero_digit = false;
  for (;;) {
    char c = at(p);
    if (c == '_') {
      // A separator sits between digits (or right after a base prefix).
      if (!(any_digit || base != 10) || digit_value(at(p + 1)) >= base) malformed = true;
      ++p;
      continue;
    }
    unsigned digit = digit_value(c);
    if (digit >= base) break;
    any_digit = true;
    nonzero_digit |= digit != 0;
    if (value > (kMax - digit) / base) overflow = true;
    if (!overflow) value = value * base + digit;
    ++p;
  }
  if (base == 10) {
    bool fraction = at(p) == '.' && at(p + 1) != '.';
    bool exponent = (at(p) == 'e' || at(p) == 'E') &&
                    (is_digit(at(p + 1)) ||
                     ((at(p + 1) == '+' || at(p + 1) == '-') && is_digit(at(p + 2))));
    if (fraction || exponent) {
      if (fraction) {
        ++p;
        while (is_digit(at(p)) || at(p) == '_') ++p;
      }
      if (at(p) == 'e' || at(p) == 'E') {
        ++p;
        if (at(p) == '+' || at(p) == '-') ++p;
        while (is_digit(at(p)) || at(p) == '_') ++p;
      }
      d_pos = p;
      Token token = make(TokenKind::Error, begin, line, col);
      d_diagnostics.error("unsupported", token.span, "unsupported: floating-point literals");
      return token;
    }
  }
  if (is_ident_char(at(p))) {  // `12abc`, `0x1g`, `0b102`
    malformed = true;
    while (is_ident_char(at(p))) ++p;
  }
  d_pos = p;
  Token token = make(TokenKind::Int, begin, line, col);
  if (malformed || !any_digit) {
    token.kind = TokenKind::Error;
    d_diagnostics.error("syntax", token.span, "invalid integer literal");
  } else if (base == 10 && d_text[begin] == '0' && nonzero_digit) {
    token.kind = TokenKind::Error;
    d_diagnostics.error("syntax", token.span,
                        "leading zeros in decimal integer literals are not permitted");
  } else if (overflow) {
    token.kind = TokenKind::Error;
    d_diagnostics.error("unsupported", token.span,
                        "unsupported: integer literal larger than 9223372036854775807 "
                        "(the largest Int)");
  } else {
    token.int_value = value;
  }
  return token;
}

Token Lexer::scan_string(std::size_t begin) {
  const std::uint32_t line = d_line;
  const std::uint32_t col = col_of(begin);
  const char quote = d_text[begin];
  const bool triple = begin + 2 < d_text.size() && d_text[begin + 1] == quote &&
                      d_text[begin + 2] == quote;
  bool ok = skip_string(begin, /*report=*/true);
  TokenKind kind = !ok ? TokenKind::Error : triple ? TokenKind::DocString : TokenKind::String;
  return make(kind, begin, line, col);
}

bool Lexer::skip_string(std::size_t begin, bool report) {
  const std::size_t size = d_text.size();
  const std::uint32_t line = d_line;
  const std::uint32_t col = col_of(begin);
  const char quote = d_text[begin];
  const bool triple = begin + 2 < size && d_text[begin + 1] == quote && d_text[begin + 2] == quote;
  const std::uint32_t quote_len = triple ? 3 : 1;
  bool ok = true;
  auto fail = [&](const Span& span, std::string message) {
    if (ok && report) d_diagnostics.error("syntax", span, std::move(message));
    ok = false;
  };
  std::size_t p = begin + quote_len;
  for (;;) {
    if (p >= size) {
      d_pos = p;
      fail(Span{line, col, line, col + quote_len},
           triple ? "unterminated triple-quoted string literal" : "unterminated string literal");
      return false;
    }
    char c = d_text[p];
    if (c == quote) {
      if (!triple) {
        d_pos = p + 1;
        return ok;
      }
      if (p + 2 < size && d_text[p + 1] == quote && d_text[p + 2] == quote) {
        d_pos = p + 3;
        return ok;
      }
      ++p;
      continue;
    }
    if (at_newline(p)) {
      if (!triple) {
        d_pos = p;
        fail(Span{line, col, d_line, col_of(p)}, "unterminated string literal");
        // The line is broken anyway; ending it here keeps an open bracket
        // before the string from swallowing the rest of the file.
        d_brackets.clear();
        return false;
      }
      if (c == '\r') ++p;
      ++p;
      ++d_line;
      d_line_start = p;
      continue;
    }
    if (c == '\\') {
      char e = p + 1 < size ? d_text[p + 1] : '\0';
      Span escape{d_line, col_of(p), d_line, col_of(p) + 2};
      switch (e) {
        case 'n': case 't': case 'r': case '0': case '\\': case '"': case '\'':
          p += 2;
          continue;
        case 'x':
          if (p + 3 < size && is_hex(d_text[p + 2]) && is_hex(d_text[p + 3])) {
            p += 4;
          } else {
            fail(escape, "invalid '\\x' escape: expected two hexadecimal digits");
            p += 2;
          }
          continue;
        default:
          if (!triple && (p + 1 >= size || at_newline(p + 1))) {
            ++p;  // the line break ends the string: reported as unterminated
            continue;
          }
          fail(escape, fmt::format("unknown escape sequence '\\{}'", shown_byte(e)));
          ++p;
          continue;
      }
    }
    ++p;
  }
}

Token Lexer::scan_operator(std::size_t begin) {
  const std::uint32_t line = d_line;
  const std::uint32_t col = col_of(begin);
  const std::size_t size = d_text.size();
  auto at = [&](std::size_t p) { return p < size ? d_text[p] : '\0'; };
  const char c = d_text[begin];
  const char c1 = at(begin + 1);
  const char c2 = at(begin + 2);
  using K = TokenKind;
  K kind = K::OtherOperator;
  std::size_t length = 1;
  auto with_equals = [&](K plain, K assign) {
    if (c1 == '=') {
      length = 2;
      return assign;
    }
    return plain;
  };
  switch (c) {
    case '(': case '[': case '{': {
      kind = c == '(' ? K::LParen : c == '[' ? K::LBracket : K::LBrace;
      d_brackets.push_back(Bracket{begin, Span{line, col, line, col + 1}});
      break;
    }
    case ')': case ']': case '}':
      kind = c == ')' ? K::RParen : c == ']' ? K::RBracket : K::RBrace;
      if (!d_brackets.empty()) d_brackets.pop_back();
      break;
    case ',': kind = K::Comma; break;
    case ':': kind = with_equals(K::Colon, K::OtherOperator); break;
    case '.':
      if (c1 == '.' && c2 == '.') {
        length = 3;
      } else {
        kind = K::Dot;
      }
      break;
    case '@': kind = with_equals(K::At, K::OtherOperator); break;
    case '^': kind = with_equals(K::Caret, K::OtherOperator); break;
    case '=': kind = with_equals(K::Assign, K::Eq); break;
    case '!':
      if (c1 != '=') return invalid_character(begin);
      kind = K::Ne;
      length = 2;
      break;
    case '<': case '>':
      if (c1 == c) {
        length = c2 == '=' ? 3 : 2;  // shifts
      } else {
        kind = c == '<' ? with_equals(K::Lt, K::Le) : with_equals(K::Gt, K::Ge);
      }
      break;
    case '+': kind = with_equals(K::Plus, K::PlusAssign); break;
    case '-':
      if (c1 == '>') {
        kind = K::Arrow;
        length = 2;
      } else {
        kind = with_equals(K::Minus, K::MinusAssign);
      }
      break;
    case '*':
      if (c1 == '*') {
        length = c2 == '=' ? 3 : 2;
      } else {
        kind = with_equals(K::Star, K::StarAssign);
      }
      break;
    case '/':
      if (c1 == '/') {
        kind = c2 == '=' ? K::FloorDivAssign : K::FloorDiv;
        length = c2 == '=' ? 3 : 2;
      } else {
        length = c1 == '=' ? 2 : 1;
      }
      break;
    case '%': kind = with_equals(K::Percent, K::ModAssign); break;
    case '&': case '|':
      length = c1 == '=' ? 2 : 1;
      break;
    case '~': case ';':
      break;
    default:
      return invalid_character(begin);
  }
  d_pos = begin + length;
  return make(kind, begin, line, col);
}

Token Lexer::invalid_character(std::size_t begin) {
  const std::uint32_t line = d_line;
  const std::uint32_t col = col_of(begin);
  auto lead = static_cast<unsigned char>(d_text[begin]);
  std::size_t length = std::min(utf8_length(lead), d_text.size() - begin);
  d_pos = begin + length;
  Token token = make(TokenKind::Error, begin, line, col);
  std::string message;
  if (lead == '\r') {
    message = "carriage return without a line feed";
  } else if (lead < 0x80) {
    message = fmt::format("invalid character '{}' in the source", shown_byte(d_text[begin]));
  } else {
    message = fmt::format("invalid character '{}' in the source", token.text);
  }
  d_diagnostics.error("syntax", token.span, std::move(message));
  return token;
}

/* --- Free functions ----------------------------------------------------- */

std::string decode_string_literal(std::string_view token_text) {
  const char quote = token_text.front();
  const bool triple =
      token_text.size() >= 6 && token_text[1] == quote && token_text[2] == quote;
  const std::size_t quote_len = triple ? 3 : 1;
  std::string_view body = token_text.substr(quote_len, token_text.size() - 2 * quote_len);
  std::string out;
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c == '\r' && i + 1 < body.size() && body[i + 1] == '\n') continue;  // CRLF → LF
    if (c != '\\') {
      out.push_back(c);
      continue;
    }
    char e = body[++i];
    switch (e) {
      case 'n': out.push_back('\n'); break;
      case 't': out.push_back('\t'); break;
      case 'r': out.push_back('\r'); break;
      case '0': out.push_back('\0'); break;
      case 'x':
        out.push_back(static_cast<char>(digit_value(body[i + 1]) * 16 + digit_value(body[i + 2])));
        i += 2;
        break;
      default: out.push_back(e); break;  // \\ \" \'
    }
  }
  return out;
}

std::optional<Diagnostic> check_encoding(std::string_view text) {
  const std::size_t size = text.size();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t i = 0;
  std::string problem;
  while (i < size) {
    if (i + 8 <= size) {  // fast path: eight ASCII bytes, none of them NUL
      std::uint64_t word;
      std::memcpy(&word, bytes + i, 8);
      const std::uint64_t high_bits = 0x8080808080808080ull;
      const bool has_zero = ((word - 0x0101010101010101ull) & ~word & high_bits) != 0;
      if ((word & high_bits) == 0 && !has_zero) {
        i += 8;
        continue;
      }
    }
    unsigned char lead = bytes[i];
    if (lead == 0) {
      problem = "the source contains a NUL byte";
      break;
    }
    if (lead < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    std::uint32_t code = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
      code = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      code = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      code = lead & 0x07;
    }
    bool valid = length != 0 && i + length <= size;
    for (std::size_t k = 1; valid && k < length; ++k) {
      if ((bytes[i + k] & 0xC0) != 0x80) valid = false;
      code = (code << 6) | (bytes[i + k] & 0x3F);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (valid && length == 3 && (code < 0x800 || (code >= 0xD800 && code <= 0xDFFF))) valid = false;
    if (valid && length == 4 && (code < 0x10000 || code > 0x10FFFF)) valid = false;
    if (!valid) {
      problem = fmt::format("the source is not valid UTF-8 (byte 0x{:02X})", lead);
      break;
    }
    i += length;
  }
  if (problem.empty()) return std::nullopt;
  std::uint32_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t k = 0; k < i; ++k) {
    if (bytes[k] == '\n') {
      ++line;
      line_start = k + 1;
    }
  }
  auto col = static_cast<std::uint32_t>(i - line_start + 1);
  return Diagnostic{Severity::Error, "input", Span{line, col, line, col + 1}, std::move(problem), {}};
}

std::string describe(const Token& token) {
  switch (token.kind) {
    case TokenKind::End: return "end of file";
    case TokenKind::Newline: return "end of line";
    case TokenKind::Indent: return "an indented line";
    case TokenKind::Dedent: return "the end of the indented block";
    case TokenKind::Int: return "an integer literal";
    case TokenKind::String:
    case TokenKind::DocString: return "a string literal";
    default: break;
  }
  constexpr std::size_t kShown = 40;
  if (token.text.size() > kShown) return fmt::format("'{}…'", token.text.substr(0, kShown));
  return fmt::format("'{}'", token.text);
}

}  // namespace ownmodel::syntax
