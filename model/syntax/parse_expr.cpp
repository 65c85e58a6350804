// Expressions and types. Binary operators are parsed by precedence climbing
// (one function for all levels, so a parenthesis costs few host stack frames);
// prefix operators and brackets count toward the nesting limit, and every node's
// height is checked against it, so a chain like `a.b.c…` or `a + b + …` cannot
// build a tree deeper than the limit either.
#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "model/syntax/parser_impl.h"

namespace ownmodel::syntax {

namespace {

std::optional<ast::BinaryOp> binary_operator(TokenKind kind) {
  switch (kind) {
    case TokenKind::KwOr: return ast::BinaryOp::Or;
    case TokenKind::KwAnd: return ast::BinaryOp::And;
    case TokenKind::Eq: return ast::BinaryOp::Eq;
    case TokenKind::Ne: return ast::BinaryOp::Ne;
    case TokenKind::Lt: return ast::BinaryOp::Lt;
    case TokenKind::Le: return ast::BinaryOp::Le;
    case TokenKind::Gt: return ast::BinaryOp::Gt;
    case TokenKind::Ge: return ast::BinaryOp::Ge;
    case TokenKind::Plus: return ast::BinaryOp::Add;
    case TokenKind::Minus: return ast::BinaryOp::Sub;
    case TokenKind::Star: return ast::BinaryOp::Mul;
    case TokenKind::FloorDiv: return ast::BinaryOp::FloorDiv;
    case TokenKind::Percent: return ast::BinaryOp::Mod;
    default: return std::nullopt;
  }
}

Precedence precedence_of(ast::BinaryOp op) {
  switch (op) {
    case ast::BinaryOp::Or: return Precedence::Or;
    case ast::BinaryOp::And: return Precedence::And;
    case ast::BinaryOp::Eq: case ast::BinaryOp::Ne: case ast::BinaryOp::Lt:
    case ast::BinaryOp::Le: case ast::BinaryOp::Gt: case ast::BinaryOp::Ge:
      return Precedence::Comparison;
    case ast::BinaryOp::Add: case ast::BinaryOp::Sub:
      return Precedence::Additive;
    case ast::BinaryOp::Mul: case ast::BinaryOp::FloorDiv: case ast::BinaryOp::Mod:
      return Precedence::Multiplicative;
  }
  return Precedence::Or;
}

Precedence tighter(Precedence p) {
  return static_cast<Precedence>(static_cast<std::uint8_t>(p) + 1);
}

/// Tokens that cannot continue an expression after a postfix `^`, so a `^`
/// followed by one of them is the bitwise operator, not a transfer.
bool starts_operand(TokenKind kind) {
  switch (kind) {
    case TokenKind::Name: case TokenKind::Int: case TokenKind::String:
    case TokenKind::KwTrue: case TokenKind::KwFalse: case TokenKind::KwNot:
      return true;
    default:
      return false;
  }
}

}  // namespace

Operand Parser::parse_expression() {
  Operand expr = parse_binary(Precedence::Or);
  if (!d_panic && at(TokenKind::KwIf)) unsupported_here("conditional expressions ('a if c else b')");
  return expr;
}

Operand Parser::parse_binary(Precedence min_precedence) {
  Operand lhs = parse_prefix(min_precedence);
  bool lhs_is_comparison = false;
  while (!d_panic) {
    const Token token = peek();
    const std::optional<ast::BinaryOp> op = binary_operator(token.kind);
    if (!op) {
      switch (token.kind) {
        case TokenKind::OtherOperator:
        case TokenKind::KwUnsupported:
          report_if_unsupported_token();
          break;
        case TokenKind::At:
          unsupported(token.span, "the operator '@'");
          break;
        case TokenKind::KwIn:
          unsupported(token.span, "membership tests ('in')");
          break;
        case TokenKind::KwNot:
          if (peek(1).kind == TokenKind::KwIn) unsupported(token.span, "membership tests ('not in')");
          break;
        default:
          break;
      }
      break;
    }
    const Precedence precedence = precedence_of(*op);
    if (precedence < min_precedence) break;
    if (precedence == Precedence::Comparison && lhs_is_comparison) {
      unsupported(token.span, "chained comparisons ('a < b < c'): write 'a < b and b < c'");
      break;
    }
    advance();
    Operand rhs = parse_binary(tighter(precedence));  // left-associative
    if (d_panic) break;
    const std::uint32_t height = 1 + std::max(lhs.height, rhs.height);
    const Span span = join(lhs.expr.span, rhs.expr.span);
    lhs = Operand{ast::Expr{ast::Binary{*op, std::move(lhs.expr), std::move(rhs.expr)}, span},
                  height};
    lhs_is_comparison = precedence == Precedence::Comparison;
    if (!check_height(height, span)) break;
  }
  return lhs;
}

Operand Parser::parse_prefix(Precedence min_precedence) {
  const Token token = peek();
  ast::UnaryOp op;
  Precedence operand_precedence;
  if (token.kind == TokenKind::KwNot) {
    if (min_precedence > Precedence::Not) {
      syntax_error_here("'not' needs parentheses here, as in 'a == (not b)'");
      return {};
    }
    op = ast::UnaryOp::Not;
    operand_precedence = Precedence::Not;
  } else if (token.kind == TokenKind::Minus) {
    op = ast::UnaryOp::Neg;
    operand_precedence = Precedence::Unary;
  } else if (token.kind == TokenKind::Plus) {
    unsupported_here("the unary '+' operator");
    return {};
  } else {
    return parse_postfix();
  }
  advance();
  Nesting nesting(*this, token.span);
  if (!nesting.ok()) return {};
  Operand operand = parse_binary(operand_precedence);
  if (d_panic) return operand;
  const std::uint32_t height = operand.height + 1;
  const Span span = join(token.span, operand.expr.span);
  Operand result{ast::Expr{ast::Unary{op, std::move(operand.expr)}, span}, height};
  check_height(height, span);
  return result;
}

Operand Parser::parse_postfix() {
  Operand expr = parse_atom();
  while (!d_panic) {
    const Token token = peek();
    const Span start = expr.expr.span;
    switch (token.kind) {
      case TokenKind::Dot: {
        advance();
        if (!at(TokenKind::Name)) {
          syntax_error_here(fmt::format("expected a field or method name after '.', found {}",
                                        describe(peek())));
          return expr;
        }
        std::string field(advance().text);
        expr = Operand{ast::Expr{ast::Field{std::move(expr.expr), std::move(field)}, span_from(start)},
                       expr.height + 1};
        break;
      }
      case TokenKind::LParen: {
        std::uint32_t args_height = 0;
        std::vector<ast::Arg> args = parse_call_arguments(args_height);
        if (d_panic) return expr;
        expr = Operand{ast::Expr{ast::Call{std::move(expr.expr), std::move(args)}, span_from(start)},
                       1 + std::max(expr.height, args_height)};
        break;
      }
      case TokenKind::LBracket: {
        std::uint32_t indices_height = 0;
        std::vector<ast::Expr> indices = parse_index_list(indices_height);
        if (d_panic) return expr;
        expr = Operand{
            ast::Expr{ast::Index{std::move(expr.expr), std::move(indices)}, span_from(start)},
            1 + std::max(expr.height, indices_height)};
        break;
      }
      case TokenKind::Caret:
        if (starts_operand(peek(1).kind)) {
          unsupported(token.span, "the bitwise operator '^' (a '^' after a value transfers it)");
          return expr;
        }
        advance();
        expr = Operand{ast::Expr{ast::Transfer{std::move(expr.expr)}, span_from(start)},
                       expr.height + 1};
        break;
      default:
        return expr;
    }
    if (!check_height(expr.height, expr.expr.span)) return expr;
  }
  return expr;
}

std::vector<ast::Arg> Parser::parse_call_arguments(std::uint32_t& height) {
  const Token open = advance();
  std::vector<ast::Arg> args;
  Nesting nesting(*this, open.span);
  if (!nesting.ok()) return args;
  bool seen_keyword = false;
  while (!d_panic && !at(TokenKind::RParen)) {
    if (at(TokenKind::Star) || (at(TokenKind::OtherOperator) && peek().text == "**")) {
      unsupported_here("unpacking arguments ('*args', '**kwargs')");
      break;
    }
    std::optional<std::string> keyword;
    if (at(TokenKind::Name) && peek(1).kind == TokenKind::Assign) {
      const Token name = advance();
      advance();
      for (const ast::Arg& earlier : args) {
        if (earlier.keyword == name.text) {
          syntax_error(name.span, fmt::format("keyword argument '{}' is repeated", name.text));
        }
      }
      keyword = std::string(name.text);
      seen_keyword = true;
    } else if (seen_keyword) {
      syntax_error_here("a positional argument cannot follow keyword arguments");
      break;
    }
    Operand value = parse_expression();
    if (d_panic) break;
    height = std::max(height, value.height);
    args.push_back(ast::Arg{std::move(keyword), std::move(value.expr)});
    if (!accept(TokenKind::Comma)) break;
  }
  if (!d_panic && !accept(TokenKind::RParen)) {
    if (at(TokenKind::KwFor)) {
      unsupported_here("generator expressions");
    } else if (!report_if_unsupported_token()) {
      syntax_error_here(fmt::format("expected ',' or ')' after a call argument, found {}",
                                    describe(peek())));
    }
  }
  return args;
}

std::vector<ast::Expr> Parser::parse_index_list(std::uint32_t& height) {
  const Token open = advance();
  std::vector<ast::Expr> indices;
  Nesting nesting(*this, open.span);
  if (!nesting.ok()) return indices;
  while (!d_panic && !at(TokenKind::RBracket)) {
    if (at(TokenKind::Name) && peek(1).kind == TokenKind::Assign) {
      unsupported_here("keyword parameters in '[…]' (such as 'mut=True')");
      break;
    }
    if (at(TokenKind::Colon)) {
      unsupported_here("slices ('a[i:j]')");
      break;
    }
    Operand index = parse_expression();
    if (d_panic) break;
    if (at(TokenKind::Colon)) {
      unsupported_here("slices ('a[i:j]')");
      break;
    }
    height = std::max(height, index.height);
    indices.push_back(std::move(index.expr));
    if (!accept(TokenKind::Comma)) break;
  }
  if (!d_panic && !accept(TokenKind::RBracket)) {
    if (!report_if_unsupported_token()) {
      syntax_error_here(fmt::format("expected ',' or ']' after an index, found {}", describe(peek())));
    }
  }
  return indices;
}

Operand Parser::parse_atom() {
  const Token token = peek();
  switch (token.kind) {
    case TokenKind::Int:
      advance();
      return Operand{ast::Expr{ast::IntLit{static_cast<std::int64_t>(token.int_value)}, token.span}, 1};
    case TokenKind::KwTrue:
    case TokenKind::KwFalse:
      advance();
      return Operand{ast::Expr{ast::BoolLit{token.kind == TokenKind::KwTrue}, token.span}, 1};
    case TokenKind::String:
      advance();
      if (at(TokenKind::String) || at(TokenKind::DocString)) {
        unsupported_here("implicit concatenation of string literals");
        return {};
      }
      return Operand{ast::Expr{ast::StringLit{decode_string_literal(token.text)}, token.span}, 1};
    case TokenKind::DocString:
      unsupported_here("triple-quoted strings (except as a docstring)");
      return {};
    case TokenKind::Name:
      advance();
      return Operand{ast::Expr{ast::Name{std::string(token.text)}, token.span}, 1};
    case TokenKind::LParen:
      return parse_parenthesised();
    case TokenKind::LBracket:
      return parse_list_literal();
    case TokenKind::LBrace:
      unsupported_here("dictionary and set literals");
      return {};
    case TokenKind::KwUnsupported:
    case TokenKind::OtherOperator:
      report_if_unsupported_token();
      return {};
    default:
      syntax_error_here(fmt::format("expected an expression, found {}", describe(token)));
      return {};
  }
}

Operand Parser::parse_parenthesised() {
  const Token open = advance();
  Nesting nesting(*this, open.span);
  if (!nesting.ok()) return {};
  if (at(TokenKind::RParen)) {
    unsupported(open.span, "tuples");
    return {};
  }
  Operand inner = parse_expression();
  if (d_panic) return inner;
  if (at(TokenKind::Comma)) {
    unsupported_here("tuples");
    return inner;
  }
  if (at(TokenKind::KwFor)) {
    unsupported_here("generator expressions");
    return inner;
  }
  if (!expect_with(TokenKind::RParen, [&] {
        return fmt::format("expected ')' to close the '(' at {}:{}, found {}", open.span.line,
                           open.span.col, describe(peek()));
      })) {
    return inner;
  }
  inner.expr.span = span_from(open.span);  // the parentheses belong to the expression's text
  return inner;
}

Operand Parser::parse_list_literal() {
  const Token open = advance();
  Nesting nesting(*this, open.span);
  if (!nesting.ok()) return {};
  std::vector<ast::Expr> elements;
  std::uint32_t height = 0;
  while (!d_panic && !at(TokenKind::RBracket)) {
    Operand element = parse_expression();
    if (d_panic) break;
    if (elements.empty() && at(TokenKind::KwFor)) {
      unsupported_here("list comprehensions");
      break;
    }
    height = std::max(height, element.height);
    elements.push_back(std::move(element.expr));
    if (!accept(TokenKind::Comma)) break;
  }
  if (!d_panic) {
    expect_with(TokenKind::RBracket, [&] {
      return fmt::format("expected ',' or ']' in the list, found {}", describe(peek()));
    });
  }
  if (d_panic) return {};
  Operand list{ast::Expr{ast::ListLit{std::move(elements)}, span_from(open.span)}, height + 1};
  check_height(list.height, list.expr.span);
  return list;
}

ast::Type Parser::parse_type() {
  ast::Type type;
  if (!at(TokenKind::Name)) {
    if (!report_if_unsupported_token()) {
      syntax_error_here(fmt::format("expected a type, found {}", describe(peek())));
    }
    return type;
  }
  const Token name = advance();
  type.name = std::string(name.text);
  if (at(TokenKind::Dot)) {
    unsupported_here("qualified type names (such as 'Self.T')");
    return type;
  }
  if (at(TokenKind::LBracket)) {
    const Token open = advance();
    Nesting nesting(*this, open.span);
    if (!nesting.ok()) return type;
    while (!d_panic) {
      if (at(TokenKind::Name) && peek(1).kind == TokenKind::Assign) {
        unsupported_here("keyword parameters in a type (such as 'mut=True')");
        return type;
      }
      if (at(TokenKind::Int) || at(TokenKind::Minus) || at(TokenKind::KwTrue) ||
          at(TokenKind::KwFalse) || at(TokenKind::String)) {
        unsupported_here("values as type parameters");
        return type;
      }
      ast::Type argument = parse_type();
      if (d_panic) return type;
      if (at(TokenKind::LParen)) {
        unsupported_here("calls in type parameters (such as 'origin_of(x)')");
        return type;
      }
      type.args.push_back(std::move(argument));
      if (!accept(TokenKind::Comma) || at(TokenKind::RBracket)) break;
    }
    if (!expect_with(TokenKind::RBracket, [&] {
          return fmt::format("expected ',' or ']' in the type parameters, found {}",
                             describe(peek()));
        })) {
      return type;
    }
  }
  type.span = span_from(name.span);
  return type;
}

}  // namespace ownmodel::syntax
