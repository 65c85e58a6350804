#pragma once
// Equality of syntax trees *with* their source positions, for CheckCache: the
// checker's output (diagnostics, IR spans, D6 order) depends on positions,
// which ast's operator== ignores on purpose (span.h).

#include "model/syntax/ast.h"

namespace ownmodel::detail {

/// Equal bodies, positions included.
[[nodiscard]] bool same_body(const ast::Block& a, const ast::Block& b);

/// Equal declarations, positions included: every item, with function bodies
/// left out except those the declaration phase reads (functions with a `ref`
/// result, whose bodies decide whether the result is interior).
[[nodiscard]] bool same_declarations(const ast::Module& a, const ast::Module& b);

/// `m` with the bodies same_declarations leaves out emptied.
[[nodiscard]] ast::Module declarations_of(const ast::Module& m);

}  // namespace ownmodel::detail
