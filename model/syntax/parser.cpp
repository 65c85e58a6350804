// The parser's entry point, its token plumbing, diagnostics and error recovery,
// and the module level (items and imports). Declarations, statements and
// expressions are in parse_decl.cpp, parse_stmt.cpp and parse_expr.cpp.
#include "model/syntax/parser.h"

#include <new>

#include <fmt/format.h>

#include "model/syntax/parser_impl.h"

namespace ownmodel {

ParseResult parse(const SourceFile& source, const ParseLimits& limits) {
  ParseResult result;
  const std::string& text = source.text();
  if (text.size() > limits.max_bytes) {
    result.diagnostics.push_back(Diagnostic{
        Severity::Error, "input", Span{1, 1, 1, 2},
        fmt::format("the source is {} bytes long, more than the limit of {} bytes", text.size(),
                    limits.max_bytes),
        {}});
    return result;
  }
  if (auto bad_encoding = syntax::check_encoding(text)) {
    result.diagnostics.push_back(std::move(*bad_encoding));
    return result;
  }
  syntax::DiagnosticCollector diagnostics(limits.max_errors);
  syntax::Parser parser(text, limits, diagnostics);
  ast::Module module = parser.parse_module();
  result.diagnostics = diagnostics.take();
  if (!has_errors(result.diagnostics)) result.module = std::move(module);
  return result;
}

}  // namespace ownmodel

namespace ownmodel::syntax {

namespace {

bool is_layout(TokenKind kind) {
  return kind == TokenKind::Newline || kind == TokenKind::Indent || kind == TokenKind::Dedent;
}

/// Whether a token can begin a statement, to tell a misplaced statement from noise.
bool starts_statement(TokenKind kind) {
  switch (kind) {
    case TokenKind::Name: case TokenKind::Int: case TokenKind::String: case TokenKind::DocString:
    case TokenKind::KwVar: case TokenKind::KwRef: case TokenKind::KwIf: case TokenKind::KwWhile:
    case TokenKind::KwFor:
    case TokenKind::KwTry: case TokenKind::KwReturn: case TokenKind::KwRaise:
    case TokenKind::KwPass: case TokenKind::KwBreak: case TokenKind::KwContinue:
    case TokenKind::LParen: case TokenKind::LBracket: case TokenKind::Minus:
    case TokenKind::KwNot: case TokenKind::KwTrue: case TokenKind::KwFalse:
      return true;
    default:
      return false;
  }
}

std::string describe_reserved_word(std::string_view word) {
  if (word == "with") return "'with' statements";
  if (word == "assert") return "'assert' statements";
  if (word == "del") return "'del' statements";
  if (word == "global" || word == "nonlocal") return fmt::format("'{}' declarations", word);
  if (word == "lambda") return "lambda expressions";
  if (word == "class") return "classes (use 'struct')";
  if (word == "trait") return "trait declarations";
  if (word == "alias") return "'alias' declarations";
  if (word == "comptime") return "compile-time code ('comptime')";
  if (word == "yield") return "generators ('yield')";
  if (word == "async" || word == "await") return fmt::format("asynchronous code ('{}')", word);
  if (word == "is") return "identity comparisons ('is')";
  if (word == "as") return "renaming with 'as'";
  if (word == "finally") return "'finally' clauses";
  return fmt::format("'{}'", word);
}

std::string describe_operator(std::string_view op) {
  if (op == ";") return "several statements on one line (';')";
  if (op == "...") return "'...' placeholders";
  if (op == ":=") return "assignment expressions (':=')";
  if (op == "/") return "the '/' operator (Int division is written '//')";
  if (op == "**") return "the power operator '**'";
  if (op.size() >= 2 && op.back() == '=') return fmt::format("the compound assignment '{}'", op);
  return fmt::format("the operator '{}'", op);
}

}  // namespace

Parser::Parser(std::string_view text, const ParseLimits& limits, DiagnosticCollector& diagnostics)
    : d_lexer(text, diagnostics), d_limits(limits), d_diagnostics(diagnostics) {}

/* --- Tokens ------------------------------------------------------------- */

const Token& Parser::peek(std::size_t ahead) {
  if (d_diagnostics.stopped()) {
    d_end_token.span = Span{d_last_span.end_line, d_last_span.end_col, d_last_span.end_line,
                            d_last_span.end_col};
    return d_end_token;
  }
  while (d_count <= ahead) {
    // Built in place: assigning the returned token would reload it right after
    // the lexer stored it field by field, a store-forwarding stall.
    ::new (static_cast<void*>(&d_tokens[(d_first + d_count) % kLookahead])) Token(d_lexer.next());
    ++d_count;
  }
  return d_tokens[(d_first + ahead) % kLookahead];
}

Token Parser::advance() {
  Token token = peek();
  if (token.kind == TokenKind::End) return token;  // End repeats; it is never used up
  d_first = (d_first + 1) % kLookahead;
  --d_count;
  ++d_consumed;
  d_at_line_start = is_layout(token.kind);
  if (!d_at_line_start) d_last_span = token.span;
  return token;
}

bool Parser::accept(TokenKind kind) {
  if (!at(kind)) return false;
  advance();
  return true;
}

bool Parser::expect(TokenKind kind, std::string_view message) {
  if (d_panic) return false;
  if (accept(kind)) return true;
  if (!report_if_unsupported_token()) syntax_error_here(message);
  return false;
}

/* --- Diagnostics -------------------------------------------------------- */

void Parser::syntax_error(const Span& where, std::string message) {
  if (!d_panic) d_diagnostics.error("syntax", where, std::move(message));
  d_panic = true;
}

bool Parser::absorb_lexing_error() {
  const Token& token = peek();
  if (token.kind == TokenKind::Error) {  // reported by the lexer already
    d_panic = true;
    return true;
  }
  if (token.kind == TokenKind::UnclosedBracket) {
    syntax_error(token.span, fmt::format("'{}' was never closed", token.text));
    return true;
  }
  return false;
}

void Parser::syntax_error_here(std::string_view message) {
  if (!absorb_lexing_error()) syntax_error(peek().span, std::string(message));
}

void Parser::unsupported(const Span& where, std::string_view what) {
  if (!d_panic) d_diagnostics.error("unsupported", where, fmt::format("unsupported: {}", what));
  d_panic = true;
}

void Parser::unsupported_here(std::string_view what) {
  if (!absorb_lexing_error()) unsupported(peek().span, what);
}

void Parser::unsupported_clause(std::string_view what) {
  unsupported_here(what);
  while (!at(TokenKind::End) && !at(TokenKind::Newline)) advance();
  accept(TokenKind::Newline);
  while (at(TokenKind::Indent)) skip_indented_block();
}

void Parser::deprecated(const Span& where, std::string message) {
  d_diagnostics.warning("deprecated", where, std::move(message));
}

bool Parser::enter(const Span& where) {
  ++d_depth;
  if (d_depth <= d_limits.max_nesting) return true;
  limit_exceeded(where);
  return false;
}

bool Parser::check_height(std::uint32_t height, const Span& where) {
  if (static_cast<std::uint64_t>(d_depth) + height <= d_limits.max_nesting) return true;
  limit_exceeded(where);
  return false;
}

void Parser::limit_exceeded(const Span& where) {
  // Past the limit nothing useful can follow: stop the token stream so that
  // every parse function unwinds at once.
  d_diagnostics.error("limit", where,
                      fmt::format("nesting deeper than {} levels", d_limits.max_nesting));
  d_diagnostics.stop();
  d_panic = true;
}

bool Parser::report_if_unsupported_token() {
  const Token& token = peek();
  if (token.kind == TokenKind::KwUnsupported) {
    unsupported(token.span, describe_reserved_word(token.text));
    return true;
  }
  if (token.kind == TokenKind::OtherOperator) {
    unsupported(token.span, describe_operator(token.text));
    return true;
  }
  return false;
}

/* --- Recovery ----------------------------------------------------------- */

void Parser::recover(std::uint64_t consumed_before) {
  if (!d_at_line_start || d_consumed == consumed_before) {
    while (!at(TokenKind::End) && !at(TokenKind::Newline)) advance();
    accept(TokenKind::Newline);
  }
  while (at(TokenKind::Indent)) skip_indented_block();  // the body of a broken header
  d_panic = false;
}

void Parser::skip_indented_block() {
  int open = 0;
  do {
    Token token = advance();
    if (token.kind == TokenKind::Indent) ++open;
    if (token.kind == TokenKind::Dedent) --open;
    if (token.kind == TokenKind::End) return;
  } while (open > 0);
}

void Parser::expect_end_of_statement() {
  if (d_panic) return;
  if (accept(TokenKind::Newline) || at(TokenKind::End)) return;
  if (report_if_unsupported_token()) return;
  syntax_error_here(fmt::format("expected end of line after the statement, found {}",
                                describe(peek())));
}

/* --- Module level ------------------------------------------------------- */

ast::Module Parser::parse_module() {
  ast::Module module;
  bool first_item = true;
  while (!at(TokenKind::End)) {
    const std::uint64_t before = d_consumed;
    if (at(TokenKind::Indent)) {
      syntax_error_here("unexpected indent");
      skip_indented_block();
      d_panic = false;
      continue;
    }
    if (at(TokenKind::Newline) || at(TokenKind::Dedent)) {
      advance();
      continue;
    }
    parse_item(module, first_item);
    first_item = false;
    if (d_panic) recover(before);
  }
  return module;
}

void Parser::parse_item(ast::Module& module, bool first_item) {
  const Token token = peek();
  switch (token.kind) {
    case TokenKind::KwFrom:
    case TokenKind::KwImport: {
      ast::Import import = parse_import();
      if (!d_panic) module.items.push_back(ast::Item{std::move(import)});
      return;
    }
    case TokenKind::At: {
      std::vector<ast::Decorator> decorators = parse_decorators();
      if (d_panic) return;
      if (at(TokenKind::KwStruct)) {
        ast::Struct s = parse_struct(std::move(decorators));
        if (!d_panic) module.items.push_back(ast::Item{std::move(s)});
      } else if (at(TokenKind::KwDef) || at(TokenKind::KwFn)) {
        unsupported(token.span, "decorators on functions");
      } else {
        syntax_error_here(fmt::format("expected 'struct' after the decorators, found {}",
                                      describe(peek())));
      }
      return;
    }
    case TokenKind::KwStruct: {
      ast::Struct s = parse_struct({});
      if (!d_panic) module.items.push_back(ast::Item{std::move(s)});
      return;
    }
    case TokenKind::KwDef:
    case TokenKind::KwFn: {
      ParsedFunction function = parse_function();
      if (d_panic) return;
      normalise_function(function);
      module.items.push_back(ast::Item{std::move(function.function)});
      return;
    }
    case TokenKind::String:
    case TokenKind::DocString:
      if (first_item && peek(1).kind == TokenKind::Newline) {  // the module's docstring
        advance();
        advance();
        return;
      }
      break;
    case TokenKind::KwUnsupported:
    case TokenKind::OtherOperator:
      report_if_unsupported_token();
      return;
    default:
      break;
  }
  if (starts_statement(token.kind)) {
    unsupported(token.span,
                "statements at the top level of a file (put them in a function such as 'main')");
  } else {
    syntax_error_here(fmt::format("expected an import, a struct or a function, found {}",
                                  describe(token)));
  }
}

ast::Import Parser::parse_import() {
  ast::Import import;
  const Token keyword = advance();
  if (keyword.kind == TokenKind::KwFrom) {
    if (at(TokenKind::Dot) || (at(TokenKind::OtherOperator) && peek().text == "...")) {
      unsupported_here("relative imports");
      return import;
    }
    import.module = parse_dotted_name();
    if (!expect(TokenKind::KwImport, "expected 'import' after the module name")) return import;
    const bool parenthesised = accept(TokenKind::LParen);
    while (!d_panic) {
      if (at(TokenKind::Star)) {
        unsupported_here("'import *'");
        return import;
      }
      if (!at(TokenKind::Name)) {
        syntax_error_here(fmt::format("expected a name to import, found {}", describe(peek())));
        return import;
      }
      import.names.emplace_back(advance().text);
      if (report_if_unsupported_token()) return import;  // `as`
      if (!accept(TokenKind::Comma)) break;
      if (parenthesised && at(TokenKind::RParen)) break;
    }
    if (parenthesised && !expect(TokenKind::RParen, "expected ',' or ')' after an imported name")) {
      return import;
    }
  } else {
    import.module = parse_dotted_name();
    if (!d_panic && at(TokenKind::Comma)) {
      unsupported_here("importing several modules in one 'import'");
      return import;
    }
  }
  import.span = span_from(keyword.span);
  expect_end_of_statement();
  return import;
}

std::string Parser::parse_dotted_name() {
  if (!at(TokenKind::Name)) {
    syntax_error_here(fmt::format("expected a module name, found {}", describe(peek())));
    return {};
  }
  std::string name(advance().text);
  while (accept(TokenKind::Dot)) {
    if (!at(TokenKind::Name)) {
      syntax_error_here(fmt::format("expected a name after '.', found {}", describe(peek())));
      return name;
    }
    name += '.';
    name += advance().text;
  }
  return name;
}

}  // namespace ownmodel::syntax
