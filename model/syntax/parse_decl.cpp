// Declarations: decorators, functions and their parameters, structs and traits.
// The older spellings met here are rewritten in normalise.cpp.
#include <iterator>
#include <utility>

#include <fmt/format.h>

#include "model/syntax/parser_impl.h"

namespace ownmodel::syntax {

std::vector<ast::Decorator> Parser::parse_decorators() {
  std::vector<ast::Decorator> decorators;
  while (!d_panic && at(TokenKind::At)) {
    const Token at_sign = advance();
    if (!at(TokenKind::Name)) {
      syntax_error_here(fmt::format("expected a decorator name after '@', found {}", describe(peek())));
      break;
    }
    ast::Decorator decorator;
    decorator.name = std::string(advance().text);
    if (at(TokenKind::Dot)) {
      unsupported_here("qualified decorator names");
      break;
    }
    if (accept(TokenKind::LParen)) {
      if (at(TokenKind::String)) decorator.argument = decode_string_literal(advance().text);
      if (!at(TokenKind::RParen)) {
        unsupported_here(fmt::format("arguments to '@{}' other than one string", decorator.name));
        break;
      }
      advance();
    }
    decorator.span = span_from(at_sign.span);
    if (!expect(TokenKind::Newline, "expected a new line after the decorator")) break;
    decorators.push_back(std::move(decorator));
  }
  return decorators;
}

ParsedFunction Parser::parse_function() {
  ParsedFunction parsed;
  ast::Function& function = parsed.function;
  const Token keyword = advance();
  if (keyword.kind == TokenKind::KwFn) deprecated(keyword.span, "'fn' is the pre-1.0 spelling of 'def'");
  if (!at(TokenKind::Name)) {
    syntax_error_here(fmt::format("expected a function name after '{}', found {}", keyword.text,
                                  describe(peek())));
    return parsed;
  }
  const Token name = advance();
  function.name = std::string(name.text);
  parsed.name_span = name.span;
  if (at(TokenKind::LBracket)) {
    unsupported_here("generic parameters ('[T: …]')");
    return parsed;
  }
  if (!expect_with(TokenKind::LParen, [&] {
        return fmt::format("expected '(' after the function name '{}'", function.name);
      })) {
    return parsed;
  }
  function.params = parse_params(parsed.legacy);
  if (d_panic) return parsed;
  if (at(TokenKind::LBrace)) {
    unsupported_here("closures with capture lists");
    return parsed;
  }
  if (at_name("raises")) {
    advance();
    function.raises = true;
  }
  if (accept(TokenKind::Arrow)) {
    ast::ResultType result;
    if (at(TokenKind::KwRef)) {
      advance();
      if (!at(TokenKind::LBracket)) {
        syntax_error_here("expected '[' and the origins after 'ref' in the result type");
        return parsed;
      }
      result.is_ref = true;
      result.origins = parse_origins();
      if (d_panic) return parsed;
    }
    result.type = parse_type();
    if (d_panic) return parsed;
    function.result = std::move(result);
  }
  if (at_name("raises")) {
    syntax_error_here("'raises' goes before the '->' of the result");
    return parsed;
  }
  if (at_name("where")) {
    unsupported_here("'where' clauses");
    return parsed;
  }
  if (at_name("capturing") || at_name("escaping")) {
    unsupported_here(fmt::format("'{}' functions", peek().text));
    return parsed;
  }
  if (!expect_with(TokenKind::Colon, [&] {
        return fmt::format("expected ':' after the signature of '{}', found {}", function.name,
                           describe(peek()));
      })) {
    return parsed;
  }
  function.body = parse_block(fmt::format("'def {}'", function.name), BlockKind::FunctionBody);
  function.span = span_from(keyword.span);
  return parsed;
}

std::vector<ast::Param> Parser::parse_params(std::vector<LegacyConvention>& legacy) {
  Nesting nesting(*this, d_last_span);
  if (!nesting.ok()) return {};
  // Gathered in a reused buffer and copied out at their exact size (see parse_block).
  // Parameter lists do not nest, so one buffer is enough.
  std::vector<ast::Param>& params = d_param_buffer;
  params.clear();
  bool keyword_only = false;
  std::optional<Span> bare_star;  // a `*` not yet followed by a parameter
  while (!d_panic && !at(TokenKind::RParen)) {
    if (at(TokenKind::Star)) {
      const Token star = advance();
      if (at(TokenKind::Name) || at(TokenKind::KwVar) || at(TokenKind::KwRef)) {
        unsupported(star.span, "variadic parameters ('*args')");
        break;
      }
      if (keyword_only) {
        syntax_error(star.span, "only one bare '*' is allowed");
        break;
      }
      keyword_only = true;
      bare_star = star.span;
    } else if (at(TokenKind::OtherOperator) && peek().text == "**") {
      unsupported_here("variadic keyword parameters ('**kwargs')");
      break;
    } else if (at(TokenKind::OtherOperator) && peek().text == "/") {
      unsupported_here("positional-only parameters ('/')");
      break;
    } else {
      params.push_back(parse_param(keyword_only, params.size(), legacy));
      bare_star.reset();
    }
    if (!accept(TokenKind::Comma)) break;
  }
  if (!d_panic && bare_star) syntax_error(*bare_star, "a bare '*' must be followed by named parameters");
  expect_with(TokenKind::RParen, [&] {
    return fmt::format("expected ',' or ')' after a parameter, found {}", describe(peek()));
  });
  std::vector<ast::Param> result(std::make_move_iterator(params.begin()),
                                 std::make_move_iterator(params.end()));
  params.clear();
  return result;
}

ast::Param Parser::parse_param(bool keyword_only, std::size_t index,
                               std::vector<LegacyConvention>& legacy) {
  ast::Param param;
  param.keyword_only = keyword_only;
  const Token first = peek();
  if (first.kind == TokenKind::KwVar) {
    advance();
    param.convention = ast::Convention::Var;
  } else if (first.kind == TokenKind::KwRef) {
    advance();
    param.convention = ast::Convention::Ref;
    if (at(TokenKind::LBracket)) {
      param.origins = parse_origins();
      if (d_panic) return param;
    }
  } else if (first.kind == TokenKind::Name && peek(1).kind == TokenKind::Name) {
    // A convention word is only a keyword in front of a parameter's name.
    advance();
    const std::string_view word = first.text;
    if (word == "mut") {
      param.convention = ast::Convention::Mut;
    } else if (word == "out") {
      param.convention = ast::Convention::Out;
    } else if (word == "deinit") {
      param.convention = ast::Convention::Deinit;
    } else if (word == "imm") {
      param.convention = ast::Convention::Default;  // the 1.0 spelling of the default
    } else if (word == "inout") {
      param.convention = ast::Convention::Mut;
      legacy.push_back(LegacyConvention{index, word, first.span});
    } else if (word == "owned") {
      param.convention = ast::Convention::Var;
      legacy.push_back(LegacyConvention{index, word, first.span});
    } else if (word == "borrowed" || word == "read") {
      param.convention = ast::Convention::Default;
      legacy.push_back(LegacyConvention{index, word, first.span});
    } else {
      syntax_error(first.span, fmt::format("unknown argument convention '{}'", word));
      return param;
    }
  }
  if (!at(TokenKind::Name)) {
    if (!report_if_unsupported_token()) {
      syntax_error_here(fmt::format("expected a parameter name, found {}", describe(peek())));
    }
    return param;
  }
  const Token name = advance();
  param.name = std::string(name.text);
  if (accept(TokenKind::Colon)) {
    param.type = parse_type();
    if (d_panic) return param;
  } else if (param.name != "self") {
    syntax_error_here(fmt::format("expected ':' and a type after the parameter '{}'", param.name));
    return param;
  }
  if (accept(TokenKind::Assign)) {
    param.default_value = parse_expression().expr;
    if (d_panic) return param;
  }
  param.span = span_from(first.span);
  return param;
}

std::vector<ast::Expr> Parser::parse_origins() {
  const Token open = advance();
  std::vector<ast::Expr> origins;
  Nesting nesting(*this, open.span);
  if (!nesting.ok()) return origins;
  if (at(TokenKind::RBracket)) {
    syntax_error_here("expected an origin inside 'ref[…]'");
    return origins;
  }
  while (!d_panic) {
    Operand origin = parse_expression();
    if (d_panic) break;
    origins.push_back(std::move(origin.expr));
    if (!accept(TokenKind::Comma) || at(TokenKind::RBracket)) break;
  }
  expect_with(TokenKind::RBracket, [&] {
    return fmt::format("expected ',' or ']' after an origin, found {}", describe(peek()));
  });
  return origins;
}

ast::Struct Parser::parse_struct(std::vector<ast::Decorator> decorators) {
  ast::Struct s;
  s.decorators = std::move(decorators);
  const Token keyword = advance();
  if (!at(TokenKind::Name)) {
    syntax_error_here(fmt::format("expected a struct name after 'struct', found {}", describe(peek())));
    return s;
  }
  s.name = std::string(advance().text);
  if (at(TokenKind::LBracket)) {
    unsupported_here("generic parameters ('[T: …]')");
    return s;
  }
  if (accept(TokenKind::LParen)) {
    while (!d_panic && !at(TokenKind::RParen)) {
      s.traits.push_back(parse_trait());
      if (!accept(TokenKind::Comma)) break;
    }
    if (!expect_with(TokenKind::RParen, [&] {
          return fmt::format("expected ',' or ')' after a trait, found {}", describe(peek()));
        })) {
      return s;
    }
  }
  if (!expect_with(TokenKind::Colon, [&] {
        return fmt::format("expected ':' after the declaration of struct '{}'", s.name);
      })) {
    return s;
  }
  std::vector<ParsedFunction> methods;
  {
    Nesting nesting(*this, keyword.span);
    if (!nesting.ok()) return s;
    if (accept(TokenKind::Newline)) {
      if (!at(TokenKind::Indent)) {
        syntax_error_here(fmt::format("expected an indented block after 'struct {}'", s.name));
        return s;
      }
      advance();
      if ((at(TokenKind::String) || at(TokenKind::DocString)) &&
          peek(1).kind == TokenKind::Newline) {  // the docstring
        advance();
        advance();
      }
      parse_indented_lines([&] { parse_struct_member(s, methods); });
    } else {
      parse_struct_member(s, methods);  // `struct Empty: pass`
      if (d_panic) return s;
    }
  }
  s.span = span_from(keyword.span);
  normalise_struct(s, methods);
  s.methods.reserve(methods.size());
  for (ParsedFunction& method : methods) s.methods.push_back(std::move(method.function));
  return s;
}

void Parser::parse_struct_member(ast::Struct& s, std::vector<ParsedFunction>& methods) {
  const Token token = peek();
  switch (token.kind) {
    case TokenKind::KwVar: {
      advance();
      if (!at(TokenKind::Name)) {
        syntax_error_here(fmt::format("expected a field name after 'var', found {}", describe(peek())));
        return;
      }
      const Token name = advance();
      if (!expect_with(TokenKind::Colon, [&] {
            return fmt::format("expected ':' and a type after the field '{}'", name.text);
          })) {
        return;
      }
      ast::Type type = parse_type();
      if (d_panic) return;
      if (at(TokenKind::Assign)) {
        unsupported_here("default values for fields");
        return;
      }
      const Span span = span_from(token.span);
      expect_end_of_statement();
      if (!d_panic) s.fields.push_back(ast::FieldDecl{std::string(name.text), std::move(type), span});
      return;
    }
    case TokenKind::KwDef:
    case TokenKind::KwFn: {
      ParsedFunction method = parse_function();
      if (!d_panic) methods.push_back(std::move(method));
      return;
    }
    case TokenKind::KwPass:
      advance();
      expect_end_of_statement();
      return;
    case TokenKind::At: unsupported(token.span, "decorators on methods"); return;
    case TokenKind::KwStruct: unsupported(token.span, "nested structs"); return;
    case TokenKind::KwUnsupported:
    case TokenKind::OtherOperator: report_if_unsupported_token(); return;
    case TokenKind::Name:
      if (peek(1).kind == TokenKind::Colon) {
        syntax_error(token.span,
                     fmt::format("a field is declared with 'var', as in 'var {}: …'", token.text));
        return;
      }
      break;
    default:
      break;
  }
  syntax_error_here(fmt::format(
      "expected a field ('var name: Type') or a method ('def') in struct '{}', found {}", s.name,
      describe(token)));
}

ast::TraitRef Parser::parse_trait() {
  ast::TraitRef trait;
  if (!at(TokenKind::Name)) {
    syntax_error_here(fmt::format("expected a trait name, found {}", describe(peek())));
    return trait;
  }
  const Token name = advance();
  trait.name = std::string(name.text);
  if (at(TokenKind::LBracket)) {
    unsupported_here("parameterised traits");
    return trait;
  }
  if (at(TokenKind::Dot)) {
    unsupported_here("qualified trait names");
    return trait;
  }
  if (at_name("where")) {
    const Token where = advance();
    if (!at(TokenKind::KwFalse)) {
      unsupported(where.span, "'where' clauses other than 'where False'");
      return trait;
    }
    advance();
    trait.where_false = true;
  }
  trait.span = span_from(name.span);
  if (trait.name == "ImplicitlyDestructible" || trait.name == "ImplicitlyDeletable") {
    deprecated(name.span, fmt::format("'{}' is the pre-1.0 name of 'Deinitable'", trait.name));
    trait.name = "Deinitable";
  }
  if (trait.where_false && trait.name != "Deinitable" && trait.name != "Movable") {
    unsupported(trait.span, fmt::format("'{} where False' (only 'Deinitable where False' and "
                                        "'Movable where False' are in the subset)",
                                        trait.name));
  }
  return trait;
}

}  // namespace ownmodel::syntax
