// The lexer on its own: layout tokens, spans, literals, line ends, and each
// lexing error at its position.

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <string>
#include <vector>

#include "model/syntax/lexer.h"

namespace ownmodel::syntax {
namespace {

std::string kind_name(TokenKind kind) {
  switch (kind) {
    case TokenKind::End: return "END";
    case TokenKind::Newline: return "NL";
    case TokenKind::Indent: return "INDENT";
    case TokenKind::Dedent: return "DEDENT";
    case TokenKind::Error: return "ERROR";
    case TokenKind::UnclosedBracket: return "UNCLOSED";
    case TokenKind::Name: return "name";
    case TokenKind::Int: return "int";
    case TokenKind::String: return "str";
    case TokenKind::DocString: return "doc";
    case TokenKind::KwUnsupported: return "reserved";
    case TokenKind::OtherOperator: return "other";
    default: return "";  // keywords and punctuation: shown by their text
  }
}

struct Lexed {
  std::vector<Token> tokens;
  std::vector<Diagnostic> diagnostics;
};

Lexed lex(std::string_view text) {
  DiagnosticCollector diagnostics(50);
  Lexer lexer(text, diagnostics);
  Lexed out;
  for (;;) {
    out.tokens.push_back(lexer.next());
    if (out.tokens.back().kind == TokenKind::End || out.tokens.size() > 10000) break;
  }
  out.diagnostics = diagnostics.take();
  return out;
}

/// The tokens as one string: layout and literal kinds by name, the rest by text.
std::string tokens(std::string_view text) {
  std::string out;
  for (const Token& t : lex(text).tokens) {
    if (!out.empty()) out += ' ';
    std::string name = kind_name(t.kind);
    if (t.kind == TokenKind::Name || t.kind == TokenKind::Int) {
      out += name + ":" + std::string(t.text);
    } else {
      out += name.empty() ? std::string(t.text) : name;
    }
  }
  return out;
}

std::string span_of(const Span& s) {
  return std::to_string(s.line) + ":" + std::to_string(s.col) + "-" + std::to_string(s.end_line) +
         ":" + std::to_string(s.end_col);
}

/// The first diagnostic as "code line:col message".
std::string first_diagnostic(std::string_view text) {
  Lexed lexed = lex(text);
  if (lexed.diagnostics.empty()) return "none";
  const Diagnostic& d = lexed.diagnostics.front();
  return d.code + " " + std::to_string(d.span.line) + ":" + std::to_string(d.span.col) + " " +
         d.message;
}

TEST(Lexer, EmptyInputIsJustEnd) {
  EXPECT_EQ(tokens(""), "END");
  EXPECT_EQ(tokens("\n\n   \n# comment only\n"), "END");
}

TEST(Lexer, StatementsEndWithNewline) {
  EXPECT_EQ(tokens("x = 1\n"), "name:x = int:1 NL END");
  EXPECT_EQ(tokens("x = 1"), "name:x = int:1 NL END");  // no final line break
}

TEST(Lexer, IndentationGivesIndentAndDedent) {
  EXPECT_EQ(tokens("if a:\n    if b:\n        x\ny\n"),
            "if name:a : NL INDENT if name:b : NL INDENT name:x NL DEDENT DEDENT name:y NL END");
  EXPECT_EQ(tokens("if a:\n    x\n"), "if name:a : NL INDENT name:x NL DEDENT END");
}

TEST(Lexer, BlankAndCommentLinesDoNotCount) {
  EXPECT_EQ(tokens("if a:\n\n    # note\n        # deeper note\n    x  # trailing\n\ny\n"),
            "if name:a : NL INDENT name:x NL DEDENT name:y NL END");
}

TEST(Lexer, NewlinesInsideBracketsAreIgnored) {
  EXPECT_EQ(tokens("f(a,\n      b)\n[1,\n2]\n"), "name:f ( name:a , name:b ) NL [ int:1 , int:2 ] NL END");
}

TEST(Lexer, BackslashJoinsLines) {
  EXPECT_EQ(tokens("x = 1 + \\\n    2\n"), "name:x = int:1 + int:2 NL END");
  EXPECT_EQ(tokens("x = 1 + \\\r\n    2\r\n"), "name:x = int:1 + int:2 NL END");
}

TEST(Lexer, CrlfLineEndsAreAccepted) {
  EXPECT_EQ(tokens("if a:\r\n    x\r\n"), tokens("if a:\n    x\n"));
  Lexed lexed = lex("a\r\nbc\r\n");
  EXPECT_EQ(span_of(lexed.tokens[2].span), "2:1-2:3");
}

TEST(Lexer, ByteOrderMarkIsSkipped) {
  Lexed lexed = lex("\xEF\xBB\xBFx = 1\n");
  EXPECT_TRUE(lexed.diagnostics.empty());
  ASSERT_EQ(lexed.tokens[0].kind, TokenKind::Name);
  EXPECT_EQ(lexed.tokens[0].text, "x");
  EXPECT_EQ(span_of(lexed.tokens[0].span), "1:4-1:5");  // columns count bytes
}

TEST(Lexer, SpansAreOneBasedWithExclusiveEnds) {
  Lexed lexed = lex("x = 10\n  \n(yy)\n");
  EXPECT_EQ(span_of(lexed.tokens[0].span), "1:1-1:2");
  EXPECT_EQ(span_of(lexed.tokens[1].span), "1:3-1:4");
  EXPECT_EQ(span_of(lexed.tokens[2].span), "1:5-1:7");
  EXPECT_EQ(span_of(lexed.tokens[3].span), "1:7-1:8");  // the line break
  EXPECT_EQ(span_of(lexed.tokens[5].span), "3:2-3:4");
}

TEST(Lexer, KeywordsAndReservedWords) {
  EXPECT_EQ(tokens("def fn struct var ref if elif else while for in"),
            "def fn struct var ref if elif else while for in NL END");
  EXPECT_EQ(tokens("with lambda comptime alias"), "reserved reserved reserved reserved NL END");
  // Convention words are ordinary names; the parser reads them by position.
  EXPECT_EQ(tokens("mut out owned read raises"),
            "name:mut name:out name:owned name:read name:raises NL END");
}

TEST(Lexer, Operators) {
  EXPECT_EQ(tokens("a += b -= c *= d //= e %= f"), "name:a += name:b -= name:c *= name:d //= name:e %= name:f NL END");
  EXPECT_EQ(tokens("== != < <= > >= + - * // % ^ @ -> . , :"),
            "== != < <= > >= + - * // % ^ @ -> . , : NL END");
  EXPECT_EQ(tokens("/ ** & | ~ << >> ; ... :="), "other other other other other other other other other other NL END");
}

TEST(Lexer, IntegerLiterals) {
  auto value = [](std::string_view text) {
    Lexed lexed = lex(text);
    EXPECT_EQ(lexed.tokens[0].kind, TokenKind::Int) << text;
    return lexed.tokens[0].int_value;
  };
  EXPECT_EQ(value("0"), 0u);
  EXPECT_EQ(value("1_000_000"), 1000000u);
  EXPECT_EQ(value("0x_FF"), 255u);
  EXPECT_EQ(value("0b1010"), 10u);
  EXPECT_EQ(value("0o17"), 15u);
  EXPECT_EQ(value("9223372036854775807"), 9223372036854775807u);
}

TEST(Lexer, StringLiteralsAreDecoded) {
  Lexed lexed = lex(R"("a\n\t\r\0\\\"\'\x41" 'it''s')");
  ASSERT_EQ(lexed.tokens[0].kind, TokenKind::String);
  EXPECT_EQ(decode_string_literal(lexed.tokens[0].text), std::string("a\n\t\r\0\\\"'A", 9));
  EXPECT_EQ(decode_string_literal(lexed.tokens[1].text), "it");
  EXPECT_EQ(decode_string_literal(lex("\"é\"").tokens[0].text), "é");
  Lexed doc = lex("\"\"\"two\r\nlines\"\"\"\n");
  ASSERT_EQ(doc.tokens[0].kind, TokenKind::DocString);
  EXPECT_EQ(decode_string_literal(doc.tokens[0].text), "two\nlines");
}

TEST(Lexer, ErrorsAreReportedWhereTheyStart) {
  EXPECT_EQ(first_diagnostic("x = \"abc\ny\n"), "syntax 1:5 unterminated string literal");
  EXPECT_EQ(first_diagnostic("x = '''abc\n"), "syntax 1:5 unterminated triple-quoted string literal");
  EXPECT_EQ(first_diagnostic("x = \"a\\qb\"\n"), "syntax 1:7 unknown escape sequence '\\q'");
  EXPECT_EQ(first_diagnostic("x = \"\\x4\"\n"),
            "syntax 1:6 invalid '\\x' escape: expected two hexadecimal digits");
  EXPECT_EQ(first_diagnostic("x = 12ab\n"), "syntax 1:5 invalid integer literal");
  EXPECT_EQ(first_diagnostic("x = 1__0\n"), "syntax 1:5 invalid integer literal");
  EXPECT_EQ(first_diagnostic("x = 0x\n"), "syntax 1:5 invalid integer literal");
  EXPECT_EQ(first_diagnostic("x = 007\n"),
            "syntax 1:5 leading zeros in decimal integer literals are not permitted");
  EXPECT_EQ(first_diagnostic("x = 9223372036854775808\n").substr(0, 33),
            "unsupported 1:5 unsupported: inte");
  EXPECT_EQ(first_diagnostic("x = 1.5\n"), "unsupported 1:5 unsupported: floating-point literals");
  EXPECT_EQ(first_diagnostic("x = 1e9\n"), "unsupported 1:5 unsupported: floating-point literals");
  EXPECT_EQ(first_diagnostic("x = t\"{a}\"\n").substr(0, 28), "unsupported 1:5 unsupported:");
  EXPECT_EQ(first_diagnostic("x = $\n"), "syntax 1:5 invalid character '$' in the source");
  EXPECT_EQ(first_diagnostic("x = \x01\n"), "syntax 1:5 invalid character '\\x01' in the source");
  EXPECT_EQ(first_diagnostic("x = \xC3\xA9\n"), "syntax 1:5 invalid character 'é' in the source");
  EXPECT_EQ(first_diagnostic("x = a\rb\n"), "syntax 1:6 carriage return without a line feed");
  EXPECT_EQ(first_diagnostic("x = a \\ b\n"),
            "syntax 1:7 a line continuation character '\\' must be the last on its line");
}

TEST(Lexer, AnUnclosedBracketEndsTheLogicalLine) {
  // At the end of the input, and before a line that can only start a statement.
  EXPECT_EQ(tokens("f(a,\n  [b\n"), "name:f ( name:a , [ name:b UNCLOSED NL END");
  EXPECT_EQ(tokens("x = f(a\ndef g"), "name:x = name:f ( name:a UNCLOSED NL def name:g NL END");
  Lexed lexed = lex("f(a,\n  [b\n");
  EXPECT_EQ(span_of(lexed.tokens[6].span), "2:3-2:4");
  EXPECT_TRUE(lexed.diagnostics.empty());  // the parser reports it, in context
  // Parameter conventions may start a continuation line.
  EXPECT_EQ(tokens("def f(\n    var x: Int)"), "def name:f ( var name:x : name:Int ) NL END");
  // An unterminated string ends its line too, so `(` before it is not left open.
  EXPECT_EQ(tokens("print(\"a)\nx"), "name:print ( ERROR NL name:x NL END");
}

TEST(Lexer, IndentationErrors) {
  EXPECT_EQ(first_diagnostic("if a:\n\tx\n        y\n"),
            "syntax 3:1 inconsistent use of tabs and spaces in indentation");
  EXPECT_EQ(first_diagnostic("if a:\n    x\n  y\n"),
            "syntax 3:1 unindent does not match any outer indentation level");
  // Tabs alone are fine when used consistently.
  EXPECT_EQ(first_diagnostic("if a:\n\tif b:\n\t\tx\n\ty\n"), "none");
}

TEST(Lexer, AfterAnUnindentErrorTheLayoutStaysBalanced) {
  Lexed lexed = lex("if a:\n        x\n    y\nz\n");
  int depth = 0;
  for (const Token& t : lexed.tokens) {
    if (t.kind == TokenKind::Indent) ++depth;
    if (t.kind == TokenKind::Dedent) --depth;
    EXPECT_GE(depth, 0);
  }
  EXPECT_EQ(depth, 0);
  EXPECT_EQ(lexed.diagnostics.size(), 1u);
}

TEST(Lexer, EncodingCheck) {
  EXPECT_FALSE(check_encoding("plain ascii\nand é ü 日本 🙂\n").has_value());
  auto nul = check_encoding(std::string("ab\ncd\0e", 7));
  ASSERT_TRUE(nul.has_value());
  EXPECT_EQ(nul->code, "input");
  EXPECT_EQ(span_of(nul->span), "2:3-2:4");
  auto stray = check_encoding("abc\n\n  x\xFFy\n");
  ASSERT_TRUE(stray.has_value());
  EXPECT_EQ(span_of(stray->span), "3:4-3:5");
  EXPECT_NE(stray->message.find("0xFF"), std::string::npos);
  EXPECT_TRUE(check_encoding("\xC0\x80").has_value());          // overlong NUL
  EXPECT_TRUE(check_encoding("\xED\xA0\x80").has_value());      // a UTF-16 surrogate
  EXPECT_TRUE(check_encoding("\xF4\x90\x80\x80").has_value());  // past U+10FFFF
  EXPECT_TRUE(check_encoding("ok \xE2\x82").has_value());       // truncated at the end
  EXPECT_TRUE(check_encoding("0123456789abcdef\x80").has_value());  // after the fast path
}

RC_GTEST_PROP(Lexer, EveryTokenSpanIsInsideTheText, ()) {
  const auto text = *rc::gen::container<std::string>(rc::gen::inRange<char>(1, 127));
  Lexed lexed = lex(text);
  std::uint32_t lines = 1;
  for (char c : text) lines += c == '\n';
  for (const Token& t : lexed.tokens) {
    RC_ASSERT(t.span.line >= 1u);
    RC_ASSERT(t.span.line <= lines);
    RC_ASSERT(t.span.col >= 1u);
    RC_ASSERT(t.span.end_line >= t.span.line);
  }
  RC_ASSERT(lexed.tokens.back().kind == TokenKind::End);
}

}  // namespace
}  // namespace ownmodel::syntax
