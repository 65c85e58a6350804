#pragma once
// A compact S-expression view of syntax trees for the parser's tests:
// `a + b * c` is "(+ a (* b c))". It is independent of the printer, so parser
// tests do not depend on the printer being right (and can see parentheses that
// Mojo's surface syntax leaves implicit).

#include <string>
#include <variant>

#include <fmt/format.h>

#include "model/diagnostics/source.h"
#include "model/syntax/ast.h"
#include "model/syntax/parser.h"
#include "model/syntax/print.h"

// GCC 12 warns -Wrestrict on `"literal" + std::string&&` under -O2 (a known false
// positive, GCC bug 105329); this test helper builds many such strings.
#pragma GCC diagnostic push
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif

namespace ownmodel::syntax_dump {

inline std::string dump(const ast::Expr& e);
inline std::string dump(const ast::Block& b);

inline std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

inline std::string dump(const ast::Type& t) {
  std::string out = t.name;
  if (!t.args.empty()) {
    out += "[";
    for (std::size_t i = 0; i < t.args.size(); ++i) out += (i ? ", " : "") + dump(t.args[i]);
    out += "]";
  }
  return out;
}

inline std::string dump_list(const std::vector<ast::Expr>& es) {
  std::string out;
  for (const auto& e : es) out += " " + dump(e);
  return out;
}

inline std::string dump(const ast::Expr& e) {
  return std::visit(
      [](const auto& n) -> std::string {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, ast::IntLit>) return std::to_string(n.value);
        if constexpr (std::is_same_v<T, ast::BoolLit>) return n.value ? "True" : "False";
        if constexpr (std::is_same_v<T, ast::StringLit>) return quoted(n.value);
        if constexpr (std::is_same_v<T, ast::ListLit>) return "(list" + dump_list(n.elements) + ")";
        if constexpr (std::is_same_v<T, ast::Name>) return n.id;
        if constexpr (std::is_same_v<T, ast::Field>) return "(. " + dump(*n.base) + " " + n.field + ")";
        if constexpr (std::is_same_v<T, ast::Index>) {
          return "(index " + dump(*n.base) + dump_list(n.indices) + ")";
        }
        if constexpr (std::is_same_v<T, ast::Transfer>) return "(^ " + dump(*n.operand) + ")";
        if constexpr (std::is_same_v<T, ast::Call>) {
          std::string out = "(call " + dump(*n.callee);
          for (const auto& a : n.args) out += " " + (a.keyword ? *a.keyword + "=" : "") + dump(*a.value);
          return out + ")";
        }
        if constexpr (std::is_same_v<T, ast::Unary>) {
          return std::string(n.op == ast::UnaryOp::Neg ? "(neg " : "(not ") + dump(*n.operand) + ")";
        }
        if constexpr (std::is_same_v<T, ast::Binary>) {
          return fmt::format("({} {} {})", spelling(n.op), dump(*n.lhs), dump(*n.rhs));
        }
      },
      e.node);
}

inline std::string dump(const ast::Stmt& s) {
  return std::visit(
      [](const auto& n) -> std::string {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, ast::VarDecl>) {
          std::string out = "(var " + n.name;
          if (n.type) out += ": " + dump(*n.type);
          if (n.init) out += " = " + dump(*n.init);
          return out + ")";
        }
        if constexpr (std::is_same_v<T, ast::RefDecl>) return "(ref " + n.name + " = " + dump(n.place) + ")";
        if constexpr (std::is_same_v<T, ast::Assign>) return "(= " + dump(n.target) + " " + dump(n.value) + ")";
        if constexpr (std::is_same_v<T, ast::AugAssign>) {
          return fmt::format("({}= {} {})", spelling(n.op), dump(n.target), dump(n.value));
        }
        if constexpr (std::is_same_v<T, ast::Discard>) return "(_ = " + dump(n.value) + ")";
        if constexpr (std::is_same_v<T, ast::ExprStmt>) return "(expr " + dump(n.expr) + ")";
        if constexpr (std::is_same_v<T, ast::If>) {
          std::string out = "(if";
          for (std::size_t i = 0; i < n.branches.size(); ++i) {
            out += (i ? " elif " : " ") + dump(n.branches[i].cond) + " " + dump(n.branches[i].body);
          }
          if (n.orelse) out += " else " + dump(*n.orelse);
          return out + ")";
        }
        if constexpr (std::is_same_v<T, ast::While>) return "(while " + dump(n.cond) + " " + dump(n.body) + ")";
        if constexpr (std::is_same_v<T, ast::For>) {
          return "(for " + n.name + " " + dump(n.iterable) + " " + dump(n.body) + ")";
        }
        if constexpr (std::is_same_v<T, ast::Break>) return "break";
        if constexpr (std::is_same_v<T, ast::Continue>) return "continue";
        if constexpr (std::is_same_v<T, ast::Pass>) return "pass";
        if constexpr (std::is_same_v<T, ast::Return>) return n.value ? "(return " + dump(*n.value) + ")" : "return";
        if constexpr (std::is_same_v<T, ast::Raise>) return "(raise " + dump(n.value) + ")";
        if constexpr (std::is_same_v<T, ast::Try>) {
          return "(try " + dump(n.body) + " except" + (n.error_name ? " " + *n.error_name : "") + " " +
                 dump(n.handler) + ")";
        }
      },
      s.node);
}

inline std::string dump(const ast::Block& b) {
  std::string out = "{";
  for (std::size_t i = 0; i < b.size(); ++i) out += (i ? "; " : "") + dump(b[i]);
  return out + "}";
}

inline const char* convention_name(ast::Convention c) {
  switch (c) {
    case ast::Convention::Default: return "";
    case ast::Convention::Mut: return "mut ";
    case ast::Convention::Var: return "var ";
    case ast::Convention::Out: return "out ";
    case ast::Convention::Deinit: return "deinit ";
    case ast::Convention::Ref: return "ref ";
  }
  return "?";
}

/// `*` marks a keyword-only parameter: "*deinit move: Self".
inline std::string dump(const ast::Param& p) {
  std::string out = p.keyword_only ? "*" : "";
  out += convention_name(p.convention);
  if (!p.origins.empty()) {
    out.pop_back();
    out += "[" + dump_list(p.origins).substr(1) + "] ";
  }
  out += p.name;
  if (p.type) out += ": " + dump(*p.type);
  if (p.default_value) out += " = " + dump(*p.default_value);
  return out;
}

inline std::string dump(const ast::Function& f) {
  std::string out = "(def " + f.name + "(";
  for (std::size_t i = 0; i < f.params.size(); ++i) out += (i ? ", " : "") + dump(f.params[i]);
  out += ")";
  if (f.raises) out += " raises";
  if (f.result) {
    out += " -> ";
    if (f.result->is_ref) out += "ref[" + dump_list(f.result->origins).substr(1) + "] ";
    out += dump(f.result->type);
  }
  return out + " " + dump(f.body) + ")";
}

inline std::string dump(const ast::Struct& s) {
  std::string out = "(struct " + s.name;
  for (const auto& d : s.decorators) out += " @" + d.name + (d.argument ? "(" + quoted(*d.argument) + ")" : "");
  out += " (";
  for (std::size_t i = 0; i < s.traits.size(); ++i) {
    out += (i ? ", " : "") + s.traits[i].name + (s.traits[i].where_false ? " where False" : "");
  }
  out += ")";
  for (const auto& f : s.fields) out += " (field " + f.name + ": " + dump(f.type) + ")";
  for (const auto& m : s.methods) out += " " + dump(m);
  return out + ")";
}

inline std::string dump(const ast::Import& i) {
  if (i.names.empty()) return "(import " + i.module + ")";
  std::string out = "(from " + i.module + " import";
  for (const auto& n : i.names) out += " " + n;
  return out + ")";
}

inline std::string dump(const ast::Module& m) {
  std::string out;
  for (const auto& item : m.items) {
    if (!out.empty()) out += "\n";
    out += std::visit([](const auto& n) { return dump(n); }, item.node);
  }
  return out;
}

}  // namespace ownmodel::syntax_dump

#pragma GCC diagnostic pop
