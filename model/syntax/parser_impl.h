#pragma once
// Private to the parser's source files (parser.cpp, parse_expr.cpp,
// parse_stmt.cpp, parse_decl.cpp, normalise.cpp). The grammar is docs/grammar.md.
//
// Error handling: a parse function that meets a mistake reports it and sets
// `d_panic`; from then on every function returns as soon as it can, and the
// nearest statement (or member, or item) loop skips to the next line at the same
// or a lower indentation and clears the flag. Only the first error of a
// statement is reported. A hit limit stops the token stream altogether.
//
// Depth: `d_depth` counts the blocks, brackets and prefix operators being parsed;
// every expression node also has a height. A node whose depth plus height would
// pass `max_nesting` is a `limit` error, so no tree the parser builds is deeper
// than the limit, and neither is the parser's own recursion.

#include <array>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/syntax/ast.h"
#include "model/syntax/lexer.h"
#include "model/syntax/parser.h"

namespace ownmodel::syntax {

/// An expression with the height of its tree (a leaf has height 1).
struct Operand {
  ast::Expr expr;
  std::uint32_t height = 1;
};

/// Binding strength of the expression levels, loosest first (docs/grammar.md).
enum class Precedence : std::uint8_t { Or = 1, And, Not, Comparison, Additive, Multiplicative, Unary };

/// An older convention keyword seen on a parameter; it is reported once the
/// function is known, since `owned` means `deinit` in some lifecycle methods.
struct LegacyConvention {
  std::size_t param_index = 0;
  std::string_view keyword;  // "inout", "owned", "borrowed" or "read"
  Span span;
};

struct ParsedFunction {
  ast::Function function;
  Span name_span;
  std::vector<LegacyConvention> legacy;
};

class Parser {
 public:
  Parser(std::string_view text, const ParseLimits& limits, DiagnosticCollector& diagnostics);

  ast::Module parse_module();

 private:
  /// Counts one level of nesting for as long as it lives.
  class Nesting {
   public:
    Nesting(Parser& parser, const Span& where) : d_parser(parser), d_ok(parser.enter(where)) {}
    ~Nesting() { --d_parser.d_depth; }
    Nesting(const Nesting&) = delete;
    Nesting& operator=(const Nesting&) = delete;
    [[nodiscard]] bool ok() const { return d_ok; }

   private:
    Parser& d_parser;
    bool d_ok;
  };

  /* --- tokens (parser.cpp) --- */
  const Token& peek(std::size_t ahead = 0);
  Token advance();
  [[nodiscard]] bool at(TokenKind kind) { return peek().kind == kind; }
  [[nodiscard]] bool at_name(std::string_view text) {
    const Token& t = peek();
    return t.kind == TokenKind::Name && t.text == text;
  }
  bool accept(TokenKind kind);
  /// Consumes a token of `kind`, or reports `message` at the current token.
  bool expect(TokenKind kind, std::string_view message);
  /// Like expect, with the message built only when it is needed.
  template <class MakeMessage>
  bool expect_with(TokenKind kind, MakeMessage make_message) {
    if (d_panic) return false;
    if (accept(kind)) return true;
    if (!report_if_unsupported_token()) syntax_error_here(make_message());
    return false;
  }
  /// The span from `start` to the end of the last token consumed.
  [[nodiscard]] Span span_from(const Span& start) const { return join(start, d_last_span); }

  /* --- diagnostics (parser.cpp) --- */
  void syntax_error(const Span& where, std::string message);
  /// When the current token is a lexing error: reports it if the lexer has not
  /// (an unclosed bracket), enters panic mode and returns true.
  bool absorb_lexing_error();
  /// A syntax error at the current token, unless that token is a lexing error.
  void syntax_error_here(std::string_view message);
  void unsupported(const Span& where, std::string_view what);
  /// An unsupported construct at the current token, unless that token is a lexing error.
  void unsupported_here(std::string_view what);
  /// An unsupported clause (`else` after a loop, `finally`, …) at the current
  /// token; the clause's line and block are skipped so they cause no second error.
  void unsupported_clause(std::string_view what);
  void deprecated(const Span& where, std::string message);
  bool enter(const Span& where);
  bool check_height(std::uint32_t height, const Span& where);
  void limit_exceeded(const Span& where);
  /// After a statement with an error: skip the rest of its line (or the whole
  /// line if the statement consumed nothing) and any block under it.
  void recover(std::uint64_t consumed_before);
  void skip_indented_block();
  /// The lines of an indented block, after its INDENT: calls `parse_line` for
  /// each, recovering after an error, and consumes the closing DEDENT.
  template <class ParseLine>
  void parse_indented_lines(ParseLine parse_line) {
    while (!at(TokenKind::Dedent) && !at(TokenKind::End)) {
      const std::uint64_t before = d_consumed;
      if (at(TokenKind::Indent)) {
        syntax_error_here("unexpected indent");
        skip_indented_block();
        d_panic = false;
        continue;
      }
      parse_line();
      if (d_panic) recover(before);
    }
    accept(TokenKind::Dedent);
  }
  void expect_end_of_statement();
  /// Reports the current token as an unsupported construct when it is one of the
  /// reserved words or operators outside the subset; returns whether it did.
  bool report_if_unsupported_token();

  /* --- module level (parser.cpp) --- */
  void parse_item(ast::Module& module, bool first_item);
  ast::Import parse_import();
  std::string parse_dotted_name();

  /* --- declarations (parse_decl.cpp) --- */
  std::vector<ast::Decorator> parse_decorators();
  ParsedFunction parse_function();
  std::vector<ast::Param> parse_params(std::vector<LegacyConvention>& legacy);
  ast::Param parse_param(bool keyword_only, std::size_t index, std::vector<LegacyConvention>& legacy);
  std::vector<ast::Expr> parse_origins();
  ast::Struct parse_struct(std::vector<ast::Decorator> decorators);
  ast::TraitRef parse_trait();
  void parse_struct_member(ast::Struct& s, std::vector<ParsedFunction>& methods);

  /* --- normalisation of older spellings (normalise.cpp) --- */
  void report_legacy_conventions(ParsedFunction& f, std::optional<std::size_t> deinit_param,
                                 std::optional<std::size_t> silent_param);
  void normalise_function(ParsedFunction& f);
  void normalise_method(ParsedFunction& f);
  void normalise_struct(ast::Struct& s, std::vector<ParsedFunction>& methods);
  /// Renames parameter `index` and every use of its name in the body; false (and
  /// an `unsupported` error) when the body already uses the new name.
  bool rename_parameter(ParsedFunction& f, std::size_t index, const std::string& new_name,
                        std::string_view method);

  /* --- statements (parse_stmt.cpp) --- */
  enum class BlockKind : std::uint8_t { Statements, FunctionBody };
  ast::Block parse_block(std::string_view owner, BlockKind kind = BlockKind::Statements);
  void parse_statement(ast::Block& block);
  void parse_simple_statement(ast::Block& block);
  ast::Stmt parse_var_decl();
  ast::Stmt parse_ref_decl();
  ast::Stmt parse_if();
  ast::Stmt parse_while();
  ast::Stmt parse_for();
  ast::Stmt parse_try();
  void reject_loop_else();
  void parse_expression_statement(ast::Block& block);
  void check_assignable(const ast::Expr& target);

  /* --- expressions and types (parse_expr.cpp) --- */
  Operand parse_expression();
  Operand parse_binary(Precedence min_precedence);
  Operand parse_prefix(Precedence min_precedence);
  Operand parse_postfix();
  Operand parse_atom();
  Operand parse_parenthesised();
  Operand parse_list_literal();
  std::vector<ast::Arg> parse_call_arguments(std::uint32_t& height);
  std::vector<ast::Expr> parse_index_list(std::uint32_t& height);
  ast::Type parse_type();

  Lexer d_lexer;
  const ParseLimits& d_limits;
  DiagnosticCollector& d_diagnostics;

  // Lookahead: a small ring of tokens pulled from the lexer on demand.
  static constexpr std::size_t kLookahead = 4;
  std::array<Token, kLookahead> d_tokens{};
  std::size_t d_first = 0;
  std::size_t d_count = 0;
  Token d_end_token;

  std::uint64_t d_consumed = 0;  // tokens consumed so far, to tell whether recovery advanced
  Span d_last_span;             // the last token consumed, for node spans
  bool d_at_line_start = true;  // the last token consumed ended a line
  bool d_panic = false;
  std::uint32_t d_depth = 0;

  // Reused buffers (see parse_block): one per block depth, in a deque so that
  // adding a deeper one leaves the references to shallower ones valid.
  std::deque<ast::Block> d_block_buffers;
  std::size_t d_block_depth = 0;
  std::vector<ast::Param> d_param_buffer;
};

}  // namespace ownmodel::syntax
