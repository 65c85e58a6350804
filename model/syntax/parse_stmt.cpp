// Statements and blocks.
#include <iterator>
#include <utility>

#include <fmt/format.h>

#include "model/syntax/parser_impl.h"

namespace ownmodel::syntax {

namespace {

std::optional<ast::BinaryOp> augmented_operator(TokenKind kind) {
  switch (kind) {
    case TokenKind::PlusAssign: return ast::BinaryOp::Add;
    case TokenKind::MinusAssign: return ast::BinaryOp::Sub;
    case TokenKind::StarAssign: return ast::BinaryOp::Mul;
    case TokenKind::FloorDivAssign: return ast::BinaryOp::FloorDiv;
    case TokenKind::ModAssign: return ast::BinaryOp::Mod;
    default: return std::nullopt;
  }
}

bool starts_compound_statement(TokenKind kind) {
  switch (kind) {
    case TokenKind::KwIf: case TokenKind::KwWhile: case TokenKind::KwFor: case TokenKind::KwTry:
    case TokenKind::KwDef: case TokenKind::KwFn: case TokenKind::KwStruct: case TokenKind::At:
      return true;
    default:
      return false;
  }
}

}  // namespace

ast::Block Parser::parse_block(std::string_view owner, BlockKind kind) {
  Nesting nesting(*this, d_last_span);
  if (!nesting.ok()) return {};
  // Statements are gathered in a buffer kept for this depth and moved into an
  // exactly sized Block at the end: growing each Block in place costs several
  // allocations per block, which dominates parsing time on large files.
  if (d_block_buffers.size() <= d_block_depth) d_block_buffers.emplace_back();
  ast::Block& buffer = d_block_buffers[d_block_depth];
  buffer.clear();
  ++d_block_depth;
  std::optional<Span> docstring;
  auto skip_docstring = [&] {
    // A function's leading triple-quoted string documents it; it is not code.
    if (kind == BlockKind::FunctionBody && at(TokenKind::DocString) &&
        peek(1).kind == TokenKind::Newline) {
      docstring = advance().span;
      advance();
    }
  };
  if (accept(TokenKind::Newline)) {
    if (!at(TokenKind::Indent)) {
      syntax_error_here(fmt::format("expected an indented block after {}", owner));
    } else {
      advance();
      skip_docstring();
      parse_indented_lines([&] { parse_statement(buffer); });
    }
  } else {
    skip_docstring();  // `def f(): """doc"""`
    if (!docstring) parse_simple_statement(buffer);
  }
  --d_block_depth;
  if (buffer.empty() && docstring) buffer.push_back(ast::Stmt{ast::Pass{}, *docstring});
  ast::Block block(std::make_move_iterator(buffer.begin()), std::make_move_iterator(buffer.end()));
  buffer.clear();
  return block;
}

void Parser::parse_simple_statement(ast::Block& block) {
  if (starts_compound_statement(peek().kind)) {
    syntax_error_here(fmt::format("{} must start a line of its own", describe(peek())));
    return;
  }
  parse_statement(block);
}

void Parser::parse_statement(ast::Block& block) {
  const Token token = peek();
  auto push = [&](ast::Stmt stmt) {
    if (!d_panic) block.push_back(std::move(stmt));
  };
  auto keyword_statement = [&](ast::Stmt::Node node) {
    advance();
    expect_end_of_statement();
    push(ast::Stmt{std::move(node), token.span});
  };
  switch (token.kind) {
    case TokenKind::KwVar: push(parse_var_decl()); return;
    case TokenKind::KwRef: push(parse_ref_decl()); return;
    case TokenKind::KwIf: push(parse_if()); return;
    case TokenKind::KwWhile: push(parse_while()); return;
    case TokenKind::KwFor: push(parse_for()); return;
    case TokenKind::KwTry: push(parse_try()); return;
    case TokenKind::KwBreak: keyword_statement(ast::Break{}); return;
    case TokenKind::KwContinue: keyword_statement(ast::Continue{}); return;
    case TokenKind::KwPass: keyword_statement(ast::Pass{}); return;
    case TokenKind::KwReturn: {
      advance();
      std::optional<ast::Expr> value;
      if (!at(TokenKind::Newline) && !at(TokenKind::End)) {
        value = parse_expression().expr;
        if (!d_panic && at(TokenKind::Comma)) unsupported_here("tuples (returning several values)");
      }
      const Span span = span_from(token.span);
      expect_end_of_statement();
      push(ast::Stmt{ast::Return{std::move(value)}, span});
      return;
    }
    case TokenKind::KwRaise: {
      advance();
      if (at(TokenKind::Newline) || at(TokenKind::End)) {
        unsupported(token.span, "re-raising with a bare 'raise'");
        return;
      }
      Operand value = parse_expression();
      if (!d_panic && at(TokenKind::KwFrom)) unsupported_here("'raise … from …'");
      const Span span = span_from(token.span);
      expect_end_of_statement();
      push(ast::Stmt{ast::Raise{std::move(value.expr)}, span});
      return;
    }
    case TokenKind::KwDef:
    case TokenKind::KwFn: {
      (void)parse_function();  // parsed so that a capture list is reported where it is
      if (!d_panic) unsupported(token.span, "nested functions");
      return;
    }
    case TokenKind::KwStruct: unsupported(token.span, "structs declared inside a function"); return;
    case TokenKind::At: unsupported(token.span, "decorators inside a function"); return;
    case TokenKind::KwFrom:
    case TokenKind::KwImport: unsupported(token.span, "imports inside a function"); return;
    case TokenKind::KwElif: syntax_error_here("'elif' does not follow an 'if' block"); return;
    case TokenKind::KwElse: syntax_error_here("'else' does not follow an 'if' block"); return;
    case TokenKind::KwExcept: syntax_error_here("'except' does not follow a 'try' block"); return;
    case TokenKind::KwUnsupported: report_if_unsupported_token(); return;
    default: parse_expression_statement(block); return;
  }
}

ast::Stmt Parser::parse_var_decl() {
  const Token keyword = advance();
  if (!at(TokenKind::Name)) {
    syntax_error_here(fmt::format("expected a variable name after 'var', found {}", describe(peek())));
    return {};
  }
  const Token name = advance();
  ast::VarDecl decl;
  decl.name = std::string(name.text);
  if (at(TokenKind::Comma)) {
    unsupported_here("declaring several variables in one 'var'");
    return {};
  }
  if (accept(TokenKind::Colon)) {
    decl.type = parse_type();
    if (d_panic) return {};
  }
  if (accept(TokenKind::Assign)) {
    decl.init = parse_expression().expr;
    if (d_panic) return {};
  }
  if (!decl.type && !decl.init && (at(TokenKind::Newline) || at(TokenKind::End))) {
    syntax_error(name.span, fmt::format("'var {}' needs a type or an initial value", decl.name));
    return {};
  }
  const Span span = span_from(keyword.span);
  expect_end_of_statement();
  return ast::Stmt{std::move(decl), span};
}

ast::Stmt Parser::parse_ref_decl() {
  const Token keyword = advance();
  if (at(TokenKind::LBracket)) {
    unsupported_here("'ref' bindings with explicit origins");
    return {};
  }
  if (!at(TokenKind::Name)) {
    syntax_error_here(fmt::format("expected a name after 'ref', found {}", describe(peek())));
    return {};
  }
  const Token name = advance();
  if (at(TokenKind::Colon)) {
    unsupported_here("type annotations on 'ref' bindings");
    return {};
  }
  if (!expect_with(TokenKind::Assign,
                   [&] { return fmt::format("expected '=' after 'ref {}'", name.text); })) {
    return {};
  }
  Operand place = parse_expression();
  if (d_panic) return {};
  const Span span = span_from(keyword.span);
  expect_end_of_statement();
  return ast::Stmt{ast::RefDecl{std::string(name.text), std::move(place.expr)}, span};
}

ast::Stmt Parser::parse_if() {
  const Token keyword = advance();
  ast::If node;
  Operand condition = parse_expression();
  if (!expect(TokenKind::Colon, "expected ':' after the condition of 'if'")) return {};
  ast::Block body = parse_block("'if'");
  if (d_panic) return {};
  node.branches.push_back(ast::If::Branch{std::move(condition.expr), std::move(body)});
  while (at(TokenKind::KwElif)) {
    advance();
    condition = parse_expression();
    if (!expect(TokenKind::Colon, "expected ':' after the condition of 'elif'")) return {};
    body = parse_block("'elif'");
    if (d_panic) return {};
    node.branches.push_back(ast::If::Branch{std::move(condition.expr), std::move(body)});
  }
  if (at(TokenKind::KwElse)) {
    advance();
    if (!expect(TokenKind::Colon, "expected ':' after 'else'")) return {};
    node.orelse = parse_block("'else'");
    if (d_panic) return {};
  }
  return ast::Stmt{std::move(node), span_from(keyword.span)};
}

void Parser::reject_loop_else() {
  if (at(TokenKind::KwElse)) unsupported_clause("'else' after a loop");
}

ast::Stmt Parser::parse_while() {
  const Token keyword = advance();
  Operand condition = parse_expression();
  if (!expect(TokenKind::Colon, "expected ':' after the condition of 'while'")) return {};
  ast::Block body = parse_block("'while'");
  if (d_panic) return {};
  const Span span = span_from(keyword.span);
  reject_loop_else();
  return ast::Stmt{ast::While{std::move(condition.expr), std::move(body)}, span};
}

ast::Stmt Parser::parse_for() {
  const Token keyword = advance();
  if (at(TokenKind::KwRef) || at(TokenKind::KwVar)) {
    unsupported_here(fmt::format("'for {} …' loops", peek().text));
    return {};
  }
  if (!at(TokenKind::Name)) {
    if (at(TokenKind::LParen)) {
      unsupported_here("several loop variables");
    } else {
      syntax_error_here(fmt::format("expected a loop variable after 'for', found {}", describe(peek())));
    }
    return {};
  }
  const Token name = advance();
  if (at(TokenKind::Comma)) {
    unsupported_here("several loop variables");
    return {};
  }
  if (!expect(TokenKind::KwIn, "expected 'in' after the loop variable")) return {};
  Operand iterable = parse_expression();
  if (!expect(TokenKind::Colon, "expected ':' after the iterable of 'for'")) return {};
  ast::Block body = parse_block("'for'");
  if (d_panic) return {};
  const Span span = span_from(keyword.span);
  reject_loop_else();
  return ast::Stmt{ast::For{std::string(name.text), std::move(iterable.expr), std::move(body)}, span};
}

ast::Stmt Parser::parse_try() {
  const Token keyword = advance();
  if (!expect(TokenKind::Colon, "expected ':' after 'try'")) return {};
  ast::Try node;
  node.body = parse_block("'try'");
  if (d_panic) return {};
  if (!at(TokenKind::KwExcept)) {
    if (at(TokenKind::KwUnsupported) && peek().text == "finally") {
      unsupported_clause("'finally' clauses");
    } else {
      syntax_error_here(fmt::format("expected 'except' after the body of 'try', found {}",
                                    describe(peek())));
    }
    return {};
  }
  advance();
  if (at(TokenKind::Name)) {
    const Token name = advance();
    if (!at(TokenKind::Colon)) {
      if (at(TokenKind::KwUnsupported) || at(TokenKind::Name) || at(TokenKind::LParen)) {
        unsupported_here("'except' clauses with an error type (write 'except e:')");
      } else {
        expect(TokenKind::Colon, "expected ':' after 'except'");
      }
      return {};
    }
    node.error_name = std::string(name.text);
  }
  if (!expect(TokenKind::Colon, "expected ':' after 'except'")) return {};
  node.handler = parse_block("'except'");
  if (d_panic) return {};
  const Span span = span_from(keyword.span);
  if (at(TokenKind::KwExcept)) {
    unsupported_clause("several 'except' clauses");
  } else if (at(TokenKind::KwElse)) {
    unsupported_clause("'else' after 'try'");
  } else if (at(TokenKind::KwUnsupported) && peek().text == "finally") {
    unsupported_clause("'finally' clauses");
  }
  return ast::Stmt{std::move(node), span};
}

void Parser::parse_expression_statement(ast::Block& block) {
  const Token first = peek();
  if (first.kind == TokenKind::Name && peek(1).kind == TokenKind::Colon) {
    // `x: T = e` declares like `var x: T = e`.
    advance();
    advance();
    ast::VarDecl decl;
    decl.name = std::string(first.text);
    decl.implicit = true;
    decl.type = parse_type();
    if (d_panic) return;
    if (accept(TokenKind::Assign)) {
      decl.init = parse_expression().expr;
      if (d_panic) return;
    }
    const Span span = span_from(first.span);
    expect_end_of_statement();
    if (!d_panic) block.push_back(ast::Stmt{std::move(decl), span});
    return;
  }
  Operand target = parse_expression();
  if (d_panic) return;
  if (at(TokenKind::Comma)) {
    unsupported_here("tuples (several values separated by ',')");
    return;
  }
  if (at(TokenKind::Colon)) {
    syntax_error_here("only a plain name can be declared with a type, as in 'x: Int = 0'");
    return;
  }
  const Token op = peek();
  const std::optional<ast::BinaryOp> augmented = augmented_operator(op.kind);
  if (op.kind != TokenKind::Assign && !augmented) {
    const Span span = span_from(first.span);
    expect_end_of_statement();
    if (!d_panic) block.push_back(ast::Stmt{ast::ExprStmt{std::move(target.expr)}, span});
    return;
  }
  advance();
  Operand value = parse_expression();
  if (d_panic) return;
  if (at(TokenKind::Assign)) {
    unsupported_here("chained assignment ('a = b = c')");
    return;
  }
  const auto* name = std::get_if<ast::Name>(&target.expr.node);
  const bool discard = op.kind == TokenKind::Assign && name && name->id == "_";
  if (!discard) check_assignable(target.expr);
  const Span span = span_from(first.span);
  expect_end_of_statement();
  if (d_panic) return;
  if (discard) {
    block.push_back(ast::Stmt{ast::Discard{std::move(value.expr)}, span});
  } else if (augmented) {
    block.push_back(
        ast::Stmt{ast::AugAssign{*augmented, std::move(target.expr), std::move(value.expr)}, span});
  } else {
    block.push_back(ast::Stmt{ast::Assign{std::move(target.expr), std::move(value.expr)}, span});
  }
}

void Parser::check_assignable(const ast::Expr& target) {
  const ast::Expr::Node& node = target.node;
  if (std::holds_alternative<ast::Name>(node) || std::holds_alternative<ast::Field>(node) ||
      std::holds_alternative<ast::Index>(node)) {
    return;
  }
  const char* what = "an operator expression";
  if (std::holds_alternative<ast::Call>(node)) what = "a call";
  if (std::holds_alternative<ast::Transfer>(node)) what = "a transferred value ('x^')";
  if (std::holds_alternative<ast::IntLit>(node) || std::holds_alternative<ast::BoolLit>(node) ||
      std::holds_alternative<ast::StringLit>(node) || std::holds_alternative<ast::ListLit>(node)) {
    what = "a literal";
  }
  syntax_error(target.span, fmt::format("cannot assign to {}", what));
}

}  // namespace ownmodel::syntax
