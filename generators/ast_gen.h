#pragma once
// Grammar-level RapidCheck generators of syntax trees (DESIGN.md §8).
//
// They produce exactly the trees the parser can produce (docs/syntax-decisions.md):
// identifiers that are not keywords or contextual words, IntLit in
// [0, INT64_MAX], non-empty blocks, `If` with at least one branch, `var` with a
// type or an initialiser, comparisons never chained without parentheses (the
// printer adds them), only Mojo 1.0 spellings (no `__del__`, no trait
// `ImplicitlyDestructible`, `@explicit_destroy` always with
// `Deinitable where False`). So `parse(print(g)) == g` for every generated g.
//
// Recursion is bounded by an explicit depth; the sized entry points tie the
// depth to RapidCheck's size parameter, so small cases come first and shrink well.

#include <rapidcheck.h>

#include <string>

#include "model/syntax/ast.h"

namespace ownmodel::gen {

/// Words an identifier may never be: the keywords of the parser and the
/// contextual words that would change how a declaration reads (`mut x`, `_ = e`).
[[nodiscard]] bool is_reserved_word(const std::string& word);

/// `[A-Za-z_][A-Za-z0-9_]*`, never a reserved word, biased towards short common names.
[[nodiscard]] rc::Gen<std::string> identifier();

/// The decoded value of a string literal: ASCII control characters, quotes,
/// backslashes, code points of every UTF-8 length and stray bytes that are not
/// UTF-8 (the lexer decodes `\xHH` to the byte HH).
[[nodiscard]] rc::Gen<std::string> string_value();

/// Depth-bounded generators; `depth` 0 gives leaves only.
[[nodiscard]] rc::Gen<ast::Type> type(int depth);
[[nodiscard]] rc::Gen<ast::Expr> expr(int depth);
/// An assignment target: a name, `e.field` or `e[indices]` (the parser checks
/// only the outermost node; `e` is any expression).
[[nodiscard]] rc::Gen<ast::Expr> place(int depth);
[[nodiscard]] rc::Gen<ast::Stmt> stmt(int block_depth, int expr_depth);
[[nodiscard]] rc::Gen<ast::Block> block(int block_depth, int expr_depth);
[[nodiscard]] rc::Gen<ast::Function> function(int block_depth, int expr_depth);
/// A method: an ordinary method with a `self` receiver, or a lifecycle method
/// (`__init__`, copy and move initialisers, `__deinit__`, a named destructor).
[[nodiscard]] rc::Gen<ast::Function> method(int block_depth, int expr_depth);
[[nodiscard]] rc::Gen<ast::Struct> structure(int block_depth, int expr_depth);
[[nodiscard]] rc::Gen<ast::Import> import();
[[nodiscard]] rc::Gen<ast::Module> module(int block_depth, int expr_depth);

/// Sized versions: the depths grow with RapidCheck's size parameter.
[[nodiscard]] rc::Gen<ast::Type> type();
[[nodiscard]] rc::Gen<ast::Expr> expr();
[[nodiscard]] rc::Gen<ast::Stmt> stmt();
[[nodiscard]] rc::Gen<ast::Block> block();
[[nodiscard]] rc::Gen<ast::Function> function();
[[nodiscard]] rc::Gen<ast::Struct> structure();
[[nodiscard]] rc::Gen<ast::Module> module();

}  // namespace ownmodel::gen
