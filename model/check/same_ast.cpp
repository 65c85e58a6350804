#include "model/check/same_ast.h"

#include <optional>
#include <type_traits>
#include <variant>
#include <vector>

namespace ownmodel::detail {
namespace {

// spans(a, b): the positions of two trees that are already known to be equal
// under operator== (same shape, same alternatives, same lengths).

bool spans(const Span& a, const Span& b) {
  return a.line == b.line && a.col == b.col && a.end_line == b.end_line && a.end_col == b.end_col;
}

template <class T>
bool spans(const std::vector<T>& a, const std::vector<T>& b);
template <class T>
bool spans(const std::optional<T>& a, const std::optional<T>& b);
template <class T>
bool spans(const Box<T>& a, const Box<T>& b);

bool spans(const ast::Expr& a, const ast::Expr& b);
bool spans(const ast::Stmt& a, const ast::Stmt& b);

bool spans(const ast::Type& a, const ast::Type& b) { return spans(a.span, b.span) && spans(a.args, b.args); }

bool spans(const ast::IntLit&, const ast::IntLit&) { return true; }
bool spans(const ast::BoolLit&, const ast::BoolLit&) { return true; }
bool spans(const ast::StringLit&, const ast::StringLit&) { return true; }
bool spans(const ast::Name&, const ast::Name&) { return true; }
bool spans(const ast::ListLit& a, const ast::ListLit& b) { return spans(a.elements, b.elements); }
bool spans(const ast::Field& a, const ast::Field& b) { return spans(a.base, b.base); }
bool spans(const ast::Index& a, const ast::Index& b) {
  return spans(a.base, b.base) && spans(a.indices, b.indices);
}
bool spans(const ast::Transfer& a, const ast::Transfer& b) { return spans(a.operand, b.operand); }
bool spans(const ast::Arg& a, const ast::Arg& b) { return spans(a.value, b.value); }
bool spans(const ast::Call& a, const ast::Call& b) {
  return spans(a.callee, b.callee) && spans(a.args, b.args);
}
bool spans(const ast::Unary& a, const ast::Unary& b) { return spans(a.operand, b.operand); }
bool spans(const ast::Binary& a, const ast::Binary& b) {
  return spans(a.lhs, b.lhs) && spans(a.rhs, b.rhs);
}

bool spans(const ast::VarDecl& a, const ast::VarDecl& b) {
  return spans(a.type, b.type) && spans(a.init, b.init);
}
bool spans(const ast::RefDecl& a, const ast::RefDecl& b) { return spans(a.place, b.place); }
bool spans(const ast::Assign& a, const ast::Assign& b) {
  return spans(a.target, b.target) && spans(a.value, b.value);
}
bool spans(const ast::AugAssign& a, const ast::AugAssign& b) {
  return spans(a.target, b.target) && spans(a.value, b.value);
}
bool spans(const ast::Discard& a, const ast::Discard& b) { return spans(a.value, b.value); }
bool spans(const ast::ExprStmt& a, const ast::ExprStmt& b) { return spans(a.expr, b.expr); }
bool spans(const ast::If::Branch& a, const ast::If::Branch& b) {
  return spans(a.cond, b.cond) && spans(a.body, b.body);
}
bool spans(const ast::If& a, const ast::If& b) {
  return spans(a.branches, b.branches) && spans(a.orelse, b.orelse);
}
bool spans(const ast::While& a, const ast::While& b) {
  return spans(a.cond, b.cond) && spans(a.body, b.body);
}
bool spans(const ast::For& a, const ast::For& b) {
  return spans(a.iterable, b.iterable) && spans(a.body, b.body);
}
bool spans(const ast::Break&, const ast::Break&) { return true; }
bool spans(const ast::Continue&, const ast::Continue&) { return true; }
bool spans(const ast::Pass&, const ast::Pass&) { return true; }
bool spans(const ast::Return& a, const ast::Return& b) { return spans(a.value, b.value); }
bool spans(const ast::Raise& a, const ast::Raise& b) { return spans(a.value, b.value); }
bool spans(const ast::Try& a, const ast::Try& b) {
  return spans(a.body, b.body) && spans(a.handler, b.handler);
}

bool spans(const ast::Param& a, const ast::Param& b) {
  return spans(a.span, b.span) && spans(a.type, b.type) && spans(a.origins, b.origins) &&
         spans(a.default_value, b.default_value);
}
bool spans(const ast::ResultType& a, const ast::ResultType& b) {
  return spans(a.type, b.type) && spans(a.origins, b.origins);
}
bool spans(const ast::FieldDecl& a, const ast::FieldDecl& b) {
  return spans(a.span, b.span) && spans(a.type, b.type);
}
bool spans(const ast::TraitRef& a, const ast::TraitRef& b) { return spans(a.span, b.span); }
bool spans(const ast::Decorator& a, const ast::Decorator& b) { return spans(a.span, b.span); }
bool spans(const ast::Import& a, const ast::Import& b) { return spans(a.span, b.span); }

// Both hold the same alternative (operator== said so).
template <class V>
bool variant_spans(const V& a, const V& b) {
  return std::visit(
      [&](const auto& x) { return spans(x, std::get<std::decay_t<decltype(x)>>(b)); }, a);
}

bool spans(const ast::Expr& a, const ast::Expr& b) {
  return spans(a.span, b.span) && variant_spans(a.node, b.node);
}
bool spans(const ast::Stmt& a, const ast::Stmt& b) {
  return spans(a.span, b.span) && variant_spans(a.node, b.node);
}

template <class T>
bool spans(const std::vector<T>& a, const std::vector<T>& b) {
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!spans(a[i], b[i])) return false;
  return true;
}
template <class T>
bool spans(const std::optional<T>& a, const std::optional<T>& b) {
  return !a || spans(*a, *b);
}
template <class T>
bool spans(const Box<T>& a, const Box<T>& b) {
  return spans(*a, *b);
}

template <class T>
bool same(const T& a, const T& b) {
  return a == b && spans(a, b);
}

bool body_is_declaration(const ast::Function& f) { return f.result && f.result->is_ref; }

bool same_declaration(const ast::Function& a, const ast::Function& b) {
  return a.name == b.name && same(a.params, b.params) && a.raises == b.raises &&
         same(a.result, b.result) && spans(a.span, b.span) &&
         (!body_is_declaration(a) || same_body(a.body, b.body));
}

bool same_declaration(const ast::Struct& a, const ast::Struct& b) {
  if (a.name != b.name || !same(a.decorators, b.decorators) || !same(a.traits, b.traits) ||
      !same(a.fields, b.fields) || a.methods.size() != b.methods.size() || !spans(a.span, b.span))
    return false;
  for (std::size_t i = 0; i < a.methods.size(); ++i)
    if (!same_declaration(a.methods[i], b.methods[i])) return false;
  return true;
}

bool same_declaration(const ast::Import& a, const ast::Import& b) { return same(a, b); }

void strip(ast::Function& f) {
  if (!body_is_declaration(f)) f.body.clear();
}

}  // namespace

bool same_body(const ast::Block& a, const ast::Block& b) { return same(a, b); }

bool same_declarations(const ast::Module& a, const ast::Module& b) {
  if (a.items.size() != b.items.size()) return false;
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    const auto& x = a.items[i].node;
    const auto& y = b.items[i].node;
    if (x.index() != y.index()) return false;
    const bool same_item = std::visit(
        [&](const auto& item) { return same_declaration(item, std::get<std::decay_t<decltype(item)>>(y)); },
        x);
    if (!same_item) return false;
  }
  return true;
}

ast::Module declarations_of(const ast::Module& m) {
  ast::Module out = m;
  for (ast::Item& item : out.items) {
    if (auto* f = std::get_if<ast::Function>(&item.node)) strip(*f);
    if (auto* s = std::get_if<ast::Struct>(&item.node))
      for (ast::Function& method : s->methods) strip(method);
  }
  return out;
}

}  // namespace ownmodel::detail
