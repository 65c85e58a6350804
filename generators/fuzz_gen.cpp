#include "generators/fuzz_gen.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "generators/ast_gen.h"
#include "model/syntax/print.h"

namespace ownmodel::gen {
namespace {

using rc::Gen;
namespace g = rc::gen;

Gen<std::string> one_of_words(std::initializer_list<std::string_view> words) {
  return g::elementOf(std::vector<std::string>(words.begin(), words.end()));
}

Gen<std::string> keyword() {
  return one_of_words({"def",    "fn",       "struct",   "var",      "ref",      "if",      "elif",
                       "else",   "while",    "for",      "in",       "break",    "continue", "return",
                       "raise",  "try",      "except",   "pass",     "and",      "or",      "not",
                       "True",   "False",    "import",   "from",     "as",       "with",    "assert",
                       "del",    "global",   "lambda",   "class",    "is",       "None",    "raises",
                       "imm",    "mut",      "out",      "deinit",   "owned",    "inout",   "borrowed",
                       "read",   "self",     "Self",     "_",        "where",    "alias",   "comptime",
                       "trait",  "finally",  "yield",    "__init__", "__deinit__", "__del__",
                       "__copyinit__", "__moveinit__", "copy", "move", "take", "existing",
                       "fieldwise_init", "explicit_destroy", "register_passable", "Deinitable",
                       "ImplicitlyDestructible", "Movable", "Copyable", "print", "range"});
}

Gen<std::string> punctuation() {
  return one_of_words({"+",  "-",  "*",  "/",  "//", "%",   "==", "!=", "<",   "<=", ">",  ">=",
                       "=",  "+=", "-=", "*=", "/=", "//=", "%=", "^",  ".",   ",",  ":",  "->",
                       "@",  "!",  "&",  "|",  "~",  "**",  "<<", ">>", ";",   "(",  ")",  "[",
                       "]",  "{",  "}",  "$",  "?",  "`",   "\\", "#",  "...", "=>", "::", "^."});
}

Gen<std::string> number() {
  return g::oneOf(g::map(g::arbitrary<std::uint64_t>(), [](std::uint64_t v) { return std::to_string(v); }),
                  g::map(g::inRange(0, 1000), [](int v) { return std::to_string(v); }),
                  one_of_words({"0x1F", "0b101", "0o17", "1_000", "0x", "0b2", "007", "1__0", "1_",
                                "9223372036854775807", "9223372036854775808",
                                "99999999999999999999999", "0xFFFFFFFFFFFFFFFF", "1.5", "1e3", ".5",
                                "1.", "0x_1", "1abc"}));
}

Gen<std::string> string_literal() {
  const Gen<std::string> piece = g::weightedOneOf<std::string>({
      {4, string_value()},
      {2, one_of_words({"\\n", "\\t", "\\r", "\\0", "\\\\", "\\\"", "\\'", "\\x41", "\\xff", "\\x4",
                        "\\q", "\\u1234", "\\", "\"", "'", "\n", "\r\n", "\xc3\xa9", "\xff", "\xc3"})},
  });
  return g::apply(
      [](std::string quote, std::vector<std::string> pieces, bool terminated) {
        std::string s = quote;
        for (const std::string& p : pieces) s += p;
        if (terminated) s += quote;
        return s;
      },
      one_of_words({"\"", "'", "\"\"\""}), g::container<std::vector<std::string>>(piece),
      g::weightedOneOf<bool>({{6, g::just(true)}, {1, g::just(false)}}));
}

/// One element of a token sequence; layout tokens change the indentation that
/// the next NEWLINE writes.
struct FuzzToken {
  enum class Kind { Text, Newline, Indent, Dedent } kind = Kind::Text;
  std::string text;  // for Text; the line end for Newline
  bool glued = false;  // no space before it
};

Gen<FuzzToken> fuzz_token() {
  const auto text = [](Gen<std::string> words) {
    const Gen<bool> glued = g::weightedOneOf<bool>({{4, g::just(false)}, {1, g::just(true)}});
    return g::apply(
        [](std::string t, bool glue) { return FuzzToken{FuzzToken::Kind::Text, std::move(t), glue}; },
        std::move(words), glued);
  };
  const auto layout = [](FuzzToken::Kind kind) { return g::just(FuzzToken{kind, "", false}); };
  return g::weightedOneOf<FuzzToken>({
      {5, text(keyword())},
      {5, text(identifier())},
      {5, text(punctuation())},
      {2, text(number())},
      {2, text(string_literal())},
      {1, text(one_of_words({"# comment", "\\\n", "\t", "\xef\xbb\xbf", std::string_view("\0", 1),
                             "\xff", "caf\xc3\xa9", "\r"}))},
      {4, g::map(one_of_words({"\n", "\n", "\n", "\r\n", "\n\n"}),
                 [](std::string end) { return FuzzToken{FuzzToken::Kind::Newline, std::move(end), false}; })},
      {2, layout(FuzzToken::Kind::Indent)},
      {2, layout(FuzzToken::Kind::Dedent)},
  });
}

std::string render(const std::vector<FuzzToken>& tokens, bool tabs) {
  std::string out;
  int level = 0;
  for (const FuzzToken& t : tokens) {
    switch (t.kind) {
      case FuzzToken::Kind::Indent: ++level; break;
      case FuzzToken::Kind::Dedent: level = std::max(0, level - 1); break;
      case FuzzToken::Kind::Newline:
        out += t.text;
        out.append(static_cast<std::size_t>(level) * (tabs ? 1 : 4), tabs ? '\t' : ' ');
        break;
      case FuzzToken::Kind::Text:
        if (!t.glued && !out.empty() && out.back() != '\n' && out.back() != ' ' && out.back() != '\t') {
          out += ' ';
        }
        out += t.text;
        break;
    }
  }
  return out;
}

// Layout, quotes, escapes, brackets, operators, NUL, DEL, invalid and valid UTF-8.
constexpr char kLexerBytes[] = " \n\t\r\"'\\()[]:,.=^#@_-+*/%<>!\x00\x7f\xff\xc3\xa9";

/// Any of the 256 bytes with equal chance (a bare arbitrary<char> stays near 0 at small sizes).
Gen<char> any_byte() { return g::resize(rc::kNominalSize, g::arbitrary<char>()); }

/// A byte a lexer cares about, or any byte at all.
Gen<char> interesting_byte() {
  return g::weightedOneOf<char>({
      {4, any_byte()},
      {4, g::elementOf(std::string(kLexerBytes, sizeof kLexerBytes - 1))},
      {3, g::elementOf(std::string("abcdefxyzABC0123456789"))},
  });
}

/// Uniform in [min, max): unlike a bare inRange, whose range shrinks with the
/// size, so that small sizes would only ever delete near the start.
Gen<std::size_t> uniform(std::size_t min, std::size_t max) {
  return g::resize(rc::kNominalSize, g::inRange(min, max));
}

/// A short chunk to splice into a program.
Gen<std::string> insertion() {
  return g::weightedOneOf<std::string>({
      {2, g::map(g::container<std::vector<char>>(interesting_byte()),
                 [](const std::vector<char>& cs) { return std::string(cs.begin(), cs.end()); })},
      {2, keyword()},
      {2, punctuation()},
      {1, one_of_words({"\n", "    ", "\t", "\n    ", "\n        ", ":\n", "\\\n", "\r\n"})},
  });
}

}  // namespace

Gen<std::string> token_soup() {
  static const Gen<std::string> built =
      g::apply([](const std::vector<FuzzToken>& tokens, bool tabs) { return render(tokens, tabs); },
               g::container<std::vector<FuzzToken>>(fuzz_token()),
               g::weightedOneOf<bool>({{5, g::just(false)}, {1, g::just(true)}}));
  return built;
}

Gen<std::string> random_bytes() {
  // Up to 400 bytes at the largest size: long enough for several lines. Half
  // the inputs are uniform noise, half lean towards the bytes a lexer reacts to.
  static const Gen<std::string> built =
      g::map(g::scale(4.0, g::oneOf(g::container<std::vector<char>>(any_byte()),
                                    g::container<std::vector<char>>(interesting_byte()))),
             [](const std::vector<char>& cs) { return std::string(cs.begin(), cs.end()); });
  return built;
}

Gen<std::string> mutated_program() {
  return g::exec([] {
    std::string text = print(*module());
    const std::size_t edits = *uniform(1, 5);
    for (std::size_t e = 0; e < edits; ++e) {
      // Positions are in [0, size]; chunks are clipped to the text.
      const auto position = [&text] { return *uniform(0, text.size() + 1); };
      const auto chunk_length = [] { return *uniform(1, 24); };
      switch (*uniform(0, 5)) {
        case 0: {  // delete
          const std::size_t at = position();
          text.erase(at, chunk_length());
          break;
        }
        case 1: {  // insert
          const std::size_t at = position();
          text.insert(at, *insertion());
          break;
        }
        case 2: {  // duplicate
          const std::string chunk = text.substr(position(), chunk_length());
          text.insert(position(), chunk);
          break;
        }
        case 3: {  // swap two chunks; the later one is replaced first so `a` stays valid
          std::size_t a = position();
          std::size_t b = position();
          if (a > b) std::swap(a, b);
          const std::size_t la = std::min(chunk_length(), b - a);
          const std::size_t lb = std::min(chunk_length(), text.size() - b);
          const std::string first = text.substr(a, la);
          const std::string second = text.substr(b, lb);
          text.replace(b, lb, first);
          text.replace(a, la, second);
          break;
        }
        default: {  // overwrite one byte
          if (text.empty()) break;
          text[*uniform(0, text.size())] = *interesting_byte();
          break;
        }
      }
    }
    return text;
  });
}

}  // namespace ownmodel::gen
