#pragma once
// The printer: emits canonical Mojo 1.0 source for a tree. `parse(print(m)) == m`
// for every tree the parser can produce (tests/generators/roundtrip_test.cpp).
// Canonical means: 4-space indentation, one blank line between items, Mojo 1.0
// spellings, the fewest parentheses that keep the tree's shape.

#include <string>
#include <string_view>

#include "model/syntax/ast.h"

namespace ownmodel {

[[nodiscard]] std::string print(const ast::Module& module);
[[nodiscard]] std::string print(const ast::Function& function, int indent = 0);
[[nodiscard]] std::string print(const ast::Struct& s);
[[nodiscard]] std::string print(const ast::Stmt& stmt, int indent = 0);
[[nodiscard]] std::string print(const ast::Expr& expr);
[[nodiscard]] std::string print(const ast::Type& type);

/// The source spelling of a binary operator: `+`, `//`, `and`, ….
[[nodiscard]] std::string_view spelling(ast::BinaryOp op);

}  // namespace ownmodel
