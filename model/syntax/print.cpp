#include "model/syntax/overloaded.h"
#include "model/syntax/print.h"

#include <cstdint>
#include <string_view>
#include <type_traits>
#include <variant>

// One Printer appends everything to a single output string, so printing is
// linear in the size of the tree: no sub-result is built and then copied.
// Parentheses are decided locally from the precedence table of
// docs/syntax-decisions.md; the printer never needs to look further than a
// node's immediate child.

namespace ownmodel {
namespace {

/// Binding strength, loosest first (docs/syntax-decisions.md "Expressions").
/// An operand whose own level is below the level its position requires is
/// parenthesised.
enum Level : int {
  kLowest = 0,
  kOr = 1,
  kAnd = 2,
  kNot = 3,
  kComparison = 4,
  kAdditive = 5,
  kMultiplicative = 6,
  kUnaryMinus = 7,
  kPostfix = 8,
  kAtom = 9,
};

Level level_of(ast::BinaryOp op) {
  switch (op) {
    case ast::BinaryOp::Or: return kOr;
    case ast::BinaryOp::And: return kAnd;
    case ast::BinaryOp::Eq:
    case ast::BinaryOp::Ne:
    case ast::BinaryOp::Lt:
    case ast::BinaryOp::Le:
    case ast::BinaryOp::Gt:
    case ast::BinaryOp::Ge: return kComparison;
    case ast::BinaryOp::Add:
    case ast::BinaryOp::Sub: return kAdditive;
    case ast::BinaryOp::Mul:
    case ast::BinaryOp::FloorDiv:
    case ast::BinaryOp::Mod: return kMultiplicative;
  }
  return kAtom;
}


Level level_of(const ast::Expr& e) {
  return std::visit(Overloaded{
                        // A negative literal is not parser output, but printing it
                        // as `-5` makes it bind like a unary minus.
                        [](const ast::IntLit& lit) { return lit.value < 0 ? kUnaryMinus : kAtom; },
                        [](const ast::BoolLit&) { return kAtom; },
                        [](const ast::StringLit&) { return kAtom; },
                        [](const ast::ListLit&) { return kAtom; },
                        [](const ast::Name&) { return kAtom; },
                        [](const ast::Field&) { return kPostfix; },
                        [](const ast::Index&) { return kPostfix; },
                        [](const ast::Transfer&) { return kPostfix; },
                        [](const ast::Call&) { return kPostfix; },
                        [](const ast::Unary& u) {
                          return u.op == ast::UnaryOp::Neg ? kUnaryMinus : kNot;
                        },
                        [](const ast::Binary& b) { return level_of(b.op); },
                    },
                    e.node);
}

using ownmodel::spelling;  // the public BinaryOp overload, beside this one

std::string_view spelling(ast::Convention c) {
  switch (c) {
    case ast::Convention::Default: return "";
    case ast::Convention::Mut: return "mut";
    case ast::Convention::Var: return "var";
    case ast::Convention::Out: return "out";
    case ast::Convention::Deinit: return "deinit";
    case ast::Convention::Ref: return "ref";
  }
  return "";
}

class Printer {
 public:
  std::string take() { return std::move(d_out); }

  /* --- Types and expressions ------------------------------------------ */

  void type(const ast::Type& t) {
    d_out += t.name;
    if (t.args.empty()) return;
    d_out += '[';
    for (std::size_t i = 0; i < t.args.size(); ++i) {
      if (i > 0) d_out += ", ";
      type(t.args[i]);
    }
    d_out += ']';
  }

  /// Prints `e`, in parentheses when it binds looser than `required`.
  void expr(const ast::Expr& e, Level required = kLowest) {
    const bool parenthesise = level_of(e) < required;
    if (parenthesise) d_out += '(';
    std::visit([this](const auto& node) { expr_node(node); }, e.node);
    if (parenthesise) d_out += ')';
  }

  /* --- Statements ------------------------------------------------------ */

  void block(const ast::Block& body, int indent) {
    // Parsed blocks are never empty; `pass` keeps an empty one valid source.
    if (body.empty()) {
      line_start(indent);
      d_out += "pass\n";
      return;
    }
    for (const ast::Stmt& s : body) stmt(s, indent);
  }

  void stmt(const ast::Stmt& s, int indent) {
    std::visit([this, indent](const auto& node) { stmt_node(node, indent); }, s.node);
  }

  /* --- Declarations ---------------------------------------------------- */

  void function(const ast::Function& f, int indent) {
    line_start(indent);
    d_out += "def ";
    d_out += f.name;
    d_out += '(';
    bool keyword_only_started = false;
    for (std::size_t i = 0; i < f.params.size(); ++i) {
      const ast::Param& p = f.params[i];
      if (i > 0) d_out += ", ";
      if (p.keyword_only && !keyword_only_started) {
        d_out += "*, ";
        keyword_only_started = true;
      }
      param(p);
    }
    d_out += ')';
    if (f.raises) d_out += " raises";
    if (f.result) {
      d_out += " -> ";
      if (f.result->is_ref) {
        d_out += "ref";
        origins(f.result->origins);
        d_out += ' ';
      }
      type(f.result->type);
    }
    d_out += ":\n";
    block(f.body, indent + 1);
  }

  void structure(const ast::Struct& s) {
    for (const ast::Decorator& d : s.decorators) {
      d_out += '@';
      d_out += d.name;
      if (d.argument) {
        d_out += '(';
        string_literal(*d.argument);
        d_out += ')';
      }
      d_out += '\n';
    }
    d_out += "struct ";
    d_out += s.name;
    if (!s.traits.empty()) {
      d_out += '(';
      for (std::size_t i = 0; i < s.traits.size(); ++i) {
        if (i > 0) d_out += ", ";
        d_out += s.traits[i].name;
        if (s.traits[i].where_false) d_out += " where False";
      }
      d_out += ')';
    }
    d_out += ":\n";
    if (s.fields.empty() && s.methods.empty()) {
      line_start(1);
      d_out += "pass\n";
      return;
    }
    // Fields one per line, then each method after a blank line.
    for (const ast::FieldDecl& f : s.fields) {
      line_start(1);
      d_out += "var ";
      d_out += f.name;
      d_out += ": ";
      type(f.type);
      d_out += '\n';
    }
    for (std::size_t i = 0; i < s.methods.size(); ++i) {
      if (i > 0 || !s.fields.empty()) d_out += '\n';
      function(s.methods[i], 1);
    }
  }

  void import(const ast::Import& i) {
    if (i.names.empty()) {
      d_out += "import ";
      d_out += i.module;
    } else {
      d_out += "from ";
      d_out += i.module;
      d_out += " import ";
      for (std::size_t k = 0; k < i.names.size(); ++k) {
        if (k > 0) d_out += ", ";
        d_out += i.names[k];
      }
    }
    d_out += '\n';
  }

  void module(const ast::Module& m) {
    for (std::size_t i = 0; i < m.items.size(); ++i) {
      if (i > 0) d_out += '\n';
      std::visit(Overloaded{
                     [this](const ast::Import& node) { import(node); },
                     [this](const ast::Struct& node) { structure(node); },
                     [this](const ast::Function& node) { function(node, 0); },
                 },
                 m.items[i].node);
    }
  }

 private:
  void line_start(int indent) {
    if (indent > 0) d_out.append(static_cast<std::size_t>(indent) * 4, ' ');
  }

  void separated(const std::vector<ast::Expr>& items) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i > 0) d_out += ", ";
      expr(items[i]);
    }
  }

  /// `[o1, o2]` after `ref`; nothing when there are no origins.
  void origins(const std::vector<ast::Expr>& os) {
    if (os.empty()) return;
    d_out += '[';
    separated(os);
    d_out += ']';
  }

  void param(const ast::Param& p) {
    const std::string_view convention = spelling(p.convention);
    if (!convention.empty()) {
      d_out += convention;
      if (p.convention == ast::Convention::Ref) origins(p.origins);
      d_out += ' ';
    }
    d_out += p.name;
    if (p.type) {
      d_out += ": ";
      type(*p.type);
    }
    if (p.default_value) {
      d_out += " = ";
      expr(*p.default_value);
    }
  }

  void string_literal(std::string_view value) {
    static constexpr char kHex[] = "0123456789abcdef";
    d_out += '"';
    std::size_t i = 0;
    while (i < value.size()) {
      const auto byte = static_cast<unsigned char>(value[i]);
      switch (byte) {
        case '\n': d_out += "\\n"; ++i; continue;
        case '\t': d_out += "\\t"; ++i; continue;
        case '\r': d_out += "\\r"; ++i; continue;
        case '\0': d_out += "\\0"; ++i; continue;
        case '\\': d_out += "\\\\"; ++i; continue;
        case '"': d_out += "\\\""; ++i; continue;
        default: break;
      }
      if (byte >= 0x20 && byte < 0x7f) {
        d_out += static_cast<char>(byte);
        ++i;
        continue;
      }
      // Well-formed UTF-8 is copied as is; the source must be UTF-8, so any other
      // byte (and the remaining ASCII controls) is spelled `\xHH`.
      const std::size_t length = byte >= 0x80 ? utf8_sequence_length(value.substr(i)) : 0;
      if (length > 0) {
        d_out.append(value.substr(i, length));
        i += length;
      } else {
        d_out += "\\x";
        d_out += kHex[byte >> 4];
        d_out += kHex[byte & 0xf];
        ++i;
      }
    }
    d_out += '"';
  }

  /// Length of the well-formed UTF-8 sequence (RFC 3629: no overlong forms, no
  /// surrogates, nothing above U+10FFFF) that starts `s`, or 0.
  static std::size_t utf8_sequence_length(std::string_view s) {
    const auto at = [&s](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const auto continuation = [&](std::size_t k) {
      return k < s.size() && (at(k) & 0xc0) == 0x80;
    };
    const unsigned char lead = at(0);
    if (lead >= 0xc2 && lead <= 0xdf) return continuation(1) ? 2 : 0;
    if (lead >= 0xe0 && lead <= 0xef) {
      if (!continuation(1) || !continuation(2)) return 0;
      if (lead == 0xe0 && at(1) < 0xa0) return 0;  // overlong
      if (lead == 0xed && at(1) >= 0xa0) return 0;  // surrogate
      return 3;
    }
    if (lead >= 0xf0 && lead <= 0xf4) {
      if (!continuation(1) || !continuation(2) || !continuation(3)) return 0;
      if (lead == 0xf0 && at(1) < 0x90) return 0;  // overlong
      if (lead == 0xf4 && at(1) >= 0x90) return 0;  // above U+10FFFF
      return 4;
    }
    return 0;
  }

  /* --- Expression nodes ------------------------------------------------ */

  void expr_node(const ast::IntLit& lit) { d_out += std::to_string(lit.value); }
  void expr_node(const ast::BoolLit& lit) { d_out += lit.value ? "True" : "False"; }
  void expr_node(const ast::StringLit& lit) { string_literal(lit.value); }
  void expr_node(const ast::ListLit& list) {
    d_out += '[';
    separated(list.elements);
    d_out += ']';
  }
  void expr_node(const ast::Name& name) { d_out += name.id; }

  /// The base of a postfix operator: Unary and Binary need parentheses, and so
  /// does an integer literal before `.field` (`1.f` would lex as a float).
  void postfix_base(const ast::Expr& base, bool before_field) {
    if (before_field && std::holds_alternative<ast::IntLit>(base.node)) {
      d_out += '(';
      expr(base);
      d_out += ')';
      return;
    }
    expr(base, kPostfix);
  }

  void expr_node(const ast::Field& f) {
    postfix_base(*f.base, true);
    d_out += '.';
    d_out += f.field;
  }
  void expr_node(const ast::Index& ix) {
    postfix_base(*ix.base, false);
    d_out += '[';
    separated(ix.indices);
    d_out += ']';
  }
  void expr_node(const ast::Transfer& t) {
    postfix_base(*t.operand, false);
    d_out += '^';
  }
  void expr_node(const ast::Call& c) {
    postfix_base(*c.callee, false);
    d_out += '(';
    for (std::size_t i = 0; i < c.args.size(); ++i) {
      if (i > 0) d_out += ", ";
      if (c.args[i].keyword) {
        d_out += *c.args[i].keyword;
        d_out += '=';
      }
      expr(*c.args[i].value);
    }
    d_out += ')';
  }
  void expr_node(const ast::Unary& u) {
    if (u.op == ast::UnaryOp::Neg) {
      d_out += '-';
      expr(*u.operand, kUnaryMinus);
    } else {
      d_out += "not ";
      expr(*u.operand, kNot);
    }
  }
  void expr_node(const ast::Binary& b) {
    const Level level = level_of(b.op);
    // Left-associative operators keep an equal-level left operand bare and
    // parenthesise an equal-level right one; comparisons do not chain, so an
    // operand that is itself a comparison is parenthesised on either side.
    const Level left = level == kComparison ? kAdditive : level;
    const Level right = static_cast<Level>(level + 1);
    expr(*b.lhs, left);
    d_out += ' ';
    d_out += spelling(b.op);
    d_out += ' ';
    expr(*b.rhs, right);
  }

  /* --- Statement nodes ------------------------------------------------- */

  void stmt_node(const ast::VarDecl& v, int indent) {
    line_start(indent);
    if (!v.implicit) d_out += "var ";
    d_out += v.name;
    if (v.type) {
      d_out += ": ";
      type(*v.type);
    }
    if (v.init) {
      d_out += " = ";
      expr(*v.init);
    }
    d_out += '\n';
  }
  void stmt_node(const ast::RefDecl& r, int indent) {
    line_start(indent);
    d_out += "ref ";
    d_out += r.name;
    d_out += " = ";
    expr(r.place);
    d_out += '\n';
  }
  void stmt_node(const ast::Assign& a, int indent) {
    line_start(indent);
    expr(a.target);
    d_out += " = ";
    expr(a.value);
    d_out += '\n';
  }
  void stmt_node(const ast::AugAssign& a, int indent) {
    line_start(indent);
    expr(a.target);
    d_out += ' ';
    d_out += spelling(a.op);
    d_out += "= ";
    expr(a.value);
    d_out += '\n';
  }
  void stmt_node(const ast::Discard& d, int indent) {
    line_start(indent);
    d_out += "_ = ";
    expr(d.value);
    d_out += '\n';
  }
  void stmt_node(const ast::ExprStmt& e, int indent) {
    line_start(indent);
    expr(e.expr);
    d_out += '\n';
  }
  void stmt_node(const ast::If& s, int indent) {
    for (std::size_t i = 0; i < s.branches.size(); ++i) {
      line_start(indent);
      d_out += i == 0 ? "if " : "elif ";
      expr(s.branches[i].cond);
      d_out += ":\n";
      block(s.branches[i].body, indent + 1);
    }
    if (s.orelse) {
      line_start(indent);
      d_out += "else:\n";
      block(*s.orelse, indent + 1);
    }
  }
  void stmt_node(const ast::While& w, int indent) {
    line_start(indent);
    d_out += "while ";
    expr(w.cond);
    d_out += ":\n";
    block(w.body, indent + 1);
  }
  void stmt_node(const ast::For& f, int indent) {
    line_start(indent);
    d_out += "for ";
    d_out += f.name;
    d_out += " in ";
    expr(f.iterable);
    d_out += ":\n";
    block(f.body, indent + 1);
  }
  void stmt_node(const ast::Break&, int indent) {
    line_start(indent);
    d_out += "break\n";
  }
  void stmt_node(const ast::Continue&, int indent) {
    line_start(indent);
    d_out += "continue\n";
  }
  void stmt_node(const ast::Pass&, int indent) {
    line_start(indent);
    d_out += "pass\n";
  }
  void stmt_node(const ast::Return& r, int indent) {
    line_start(indent);
    d_out += "return";
    if (r.value) {
      d_out += ' ';
      expr(*r.value);
    }
    d_out += '\n';
  }
  void stmt_node(const ast::Raise& r, int indent) {
    line_start(indent);
    d_out += "raise ";
    expr(r.value);
    d_out += '\n';
  }
  void stmt_node(const ast::Try& t, int indent) {
    line_start(indent);
    d_out += "try:\n";
    block(t.body, indent + 1);
    line_start(indent);
    d_out += "except";
    if (t.error_name) {
      d_out += ' ';
      d_out += *t.error_name;
    }
    d_out += ":\n";
    block(t.handler, indent + 1);
  }

  std::string d_out;
};

}  // namespace

std::string print(const ast::Module& module) {
  Printer p;
  p.module(module);
  return p.take();
}

std::string print(const ast::Function& function, int indent) {
  Printer p;
  p.function(function, indent);
  return p.take();
}

std::string print(const ast::Struct& s) {
  Printer p;
  p.structure(s);
  return p.take();
}

std::string print(const ast::Stmt& stmt, int indent) {
  Printer p;
  p.stmt(stmt, indent);
  return p.take();
}

std::string print(const ast::Expr& expr) {
  Printer p;
  p.expr(expr);
  return p.take();
}

std::string print(const ast::Type& type) {
  Printer p;
  p.type(type);
  return p.take();
}

std::string_view spelling(ast::BinaryOp op) {
  switch (op) {
    case ast::BinaryOp::Add: return "+";
    case ast::BinaryOp::Sub: return "-";
    case ast::BinaryOp::Mul: return "*";
    case ast::BinaryOp::FloorDiv: return "//";
    case ast::BinaryOp::Mod: return "%";
    case ast::BinaryOp::Eq: return "==";
    case ast::BinaryOp::Ne: return "!=";
    case ast::BinaryOp::Lt: return "<";
    case ast::BinaryOp::Le: return "<=";
    case ast::BinaryOp::Gt: return ">";
    case ast::BinaryOp::Ge: return ">=";
    case ast::BinaryOp::And: return "and";
    case ast::BinaryOp::Or: return "or";
  }
  return "?";
}

}  // namespace ownmodel
