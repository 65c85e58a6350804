// The tree generators on their own: every generated tree keeps the invariants
// of parser output (docs/syntax-decisions.md), and over a few hundred draws
// every alternative of every variant shows up.

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "model/syntax/overloaded.h"
#include "generators/arbitrary.h"
#include "generators/ast_gen.h"
#include "generators/fuzz_gen.h"
#include "model/syntax/print.h"

namespace ownmodel {
namespace {

bool is_identifier(const std::string& s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

/// Well-formed UTF-8 (RFC 3629: no overlong forms, surrogates or values above U+10FFFF).
bool is_utf8(const std::string& s) {
  const auto at = [&s](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  std::size_t i = 0;
  while (i < s.size()) {
    const unsigned char lead = at(i);
    std::size_t length = 0;
    if (lead < 0x80) length = 1;
    else if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) length = 3;
    else if (lead >= 0xf0 && lead <= 0xf4) length = 4;
    if (length == 0 || i + length > s.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      if ((at(i + k) & 0xc0) != 0x80) return false;
    }
    if ((lead == 0xe0 && at(i + 1) < 0xa0) || (lead == 0xed && at(i + 1) >= 0xa0) ||
        (lead == 0xf0 && at(i + 1) < 0x90) || (lead == 0xf4 && at(i + 1) >= 0x90)) {
      return false;
    }
    i += length;
  }
  return true;
}

/// Walks a tree, recording which constructs occur and which invariants of
/// parser output are broken.
class Audit {
 public:
  std::set<std::string> seen;
  std::vector<std::string> violations;

  void module(const ast::Module& m) {
    for (const ast::Item& item : m.items) {
      std::visit(Overloaded{[this](const ast::Import& i) { import(i); },
                            [this](const ast::Struct& s) { structure(s); },
                            [this](const ast::Function& f) { function(f, false); }},
                 item.node);
    }
  }

 private:
  void note(const std::string& what) { seen.insert(what); }
  void require(bool ok, const std::string& what) {
    if (!ok) violations.push_back(what);
  }
  void name(const std::string& id) {
    require(is_identifier(id) && !gen::is_reserved_word(id), "bad identifier '" + id + "'");
  }

  void import(const ast::Import& i) {
    note(i.names.empty() ? "import" : "from-import");
    std::size_t start = 0;
    while (true) {
      const std::size_t dot = i.module.find('.', start);
      name(i.module.substr(start, dot - start));
      if (dot == std::string::npos) break;
      note("dotted module");
      start = dot + 1;
    }
    for (const std::string& n : i.names) name(n);
  }

  void structure(const ast::Struct& s) {
    note("struct");
    name(s.name);
    if (s.fields.empty() && s.methods.empty()) note("empty struct");
    bool explicit_destroy = false, deinitable_where_false = false;
    for (const ast::Decorator& d : s.decorators) {
      note("@" + d.name + (d.argument ? "(msg)" : ""));
      explicit_destroy |= d.name == "explicit_destroy";
      require(d.name == "fieldwise_init" || d.name == "explicit_destroy", "decorator " + d.name);
    }
    for (const ast::TraitRef& t : s.traits) {
      name(t.name);
      require(t.name != "ImplicitlyDestructible" && t.name != "ImplicitlyDeletable", "old trait name");
      if (t.where_false) {
        note("where False");
        require(t.name == "Deinitable" || t.name == "Movable", "where False on " + t.name);
        deinitable_where_false |= t.name == "Deinitable";
      }
    }
    require(!explicit_destroy || deinitable_where_false, "@explicit_destroy without Deinitable where False");
    for (const ast::FieldDecl& f : s.fields) {
      note("field");
      name(f.name);
      type(f.type);
    }
    for (const ast::Function& f : s.methods) function(f, true);
  }

  void function(const ast::Function& f, bool is_method) {
    if (f.name == "__init__" || f.name == "__deinit__") {
      note(f.name);
    } else {
      name(f.name);
    }
    if (f.raises) note("raises");
    bool keyword_only = false;
    for (std::size_t i = 0; i < f.params.size(); ++i) {
      const ast::Param& p = f.params[i];
      note("convention " + std::to_string(static_cast<int>(p.convention)));
      const bool is_self = is_method && i == 0 && p.name == "self";
      if (!is_self) name(p.name);
      if (p.name == "copy" && p.keyword_only) note("copy initialiser");
      if (p.name == "move" && p.keyword_only && p.convention == ast::Convention::Deinit) {
        note("move initialiser");
      }
      require(p.type.has_value() || is_self, "untyped parameter " + p.name);
      if (p.type) type(*p.type);
      require(p.origins.empty() || p.convention == ast::Convention::Ref, "origins without ref");
      if (!p.origins.empty()) note("ref[origins] parameter");
      for (const ast::Expr& o : p.origins) expr(o);
      if (p.default_value) {
        note("default value");
        expr(*p.default_value);
      }
      require(!keyword_only || p.keyword_only, "positional parameter after keyword-only");
      keyword_only |= p.keyword_only;
      if (p.keyword_only) note("keyword-only");
    }
    if (f.result) {
      note(f.result->is_ref ? "ref result" : "result");
      require(!f.result->is_ref || !f.result->origins.empty(), "ref result without origins");
      require(f.result->is_ref || f.result->origins.empty(), "origins without ref result");
      type(f.result->type);
      for (const ast::Expr& o : f.result->origins) expr(o);
    }
    block(f.body);
  }

  void type(const ast::Type& t) {
    name(t.name);
    if (!t.args.empty()) note("type arguments");
    for (const ast::Type& a : t.args) type(a);
  }

  void block(const ast::Block& b) {
    require(!b.empty(), "empty block");
    for (const ast::Stmt& s : b) stmt(s);
  }

  void target(const ast::Expr& e) {
    require(std::holds_alternative<ast::Name>(e.node) || std::holds_alternative<ast::Field>(e.node) ||
                std::holds_alternative<ast::Index>(e.node),
            "assignment to something that is not a name, field or index");
  }

  void stmt(const ast::Stmt& s) {
    std::visit(
        Overloaded{
            [this](const ast::VarDecl& v) {
              note(std::string("var") + (v.type ? ":T" : "") + (v.init ? "=e" : ""));
              name(v.name);
              require(v.type || v.init, "var without type and initialiser");
              if (v.type) type(*v.type);
              if (v.init) expr(*v.init);
            },
            [this](const ast::RefDecl& r) { note("ref"); name(r.name); expr(r.place); },
            [this](const ast::Assign& a) { note("assign"); target(a.target); expr(a.target); expr(a.value); },
            [this](const ast::AugAssign& a) {
              note("aug " + std::to_string(static_cast<int>(a.op)));
              require(a.op <= ast::BinaryOp::Mod, "augmented assignment with a non-arithmetic operator");
              target(a.target);
              expr(a.target);
              expr(a.value);
            },
            [this](const ast::Discard& d) { note("discard"); expr(d.value); },
            [this](const ast::ExprStmt& e) { note("expression statement"); expr(e.expr); },
            [this](const ast::If& i) {
              note("if");
              require(!i.branches.empty(), "if without branches");
              if (i.branches.size() > 1) note("elif");
              if (i.orelse) note("else");
              for (const ast::If::Branch& b : i.branches) {
                expr(b.cond);
                block(b.body);
              }
              if (i.orelse) block(*i.orelse);
            },
            [this](const ast::While& w) { note("while"); expr(w.cond); block(w.body); },
            [this](const ast::For& f) { note("for"); name(f.name); expr(f.iterable); block(f.body); },
            [this](const ast::Break&) { note("break"); },
            [this](const ast::Continue&) { note("continue"); },
            [this](const ast::Pass&) { note("pass"); },
            [this](const ast::Return& r) {
              note(r.value ? "return e" : "return");
              if (r.value) expr(*r.value);
            },
            [this](const ast::Raise& r) { note("raise"); expr(r.value); },
            [this](const ast::Try& t) {
              note(t.error_name ? "except e" : "except");
              if (t.error_name) name(*t.error_name);
              block(t.body);
              block(t.handler);
            },
        },
        s.node);
  }

  void expr(const ast::Expr& e) {
    std::visit(
        Overloaded{
            [this](const ast::IntLit& i) {
              note("int");
              require(i.value >= 0, "negative literal");
              if (i.value == INT64_MAX) note("INT64_MAX");
            },
            [this](const ast::BoolLit&) { note("bool"); },
            [this](const ast::StringLit& s) {
              note("string");
              if (!is_utf8(s.value)) note("string not UTF-8");
              for (char c : s.value) {
                const auto b = static_cast<unsigned char>(c);
                if (b < 0x20 || b == 0x7f) note("string control byte");
                if (c == '"' || c == '\\') note("string quote or backslash");
                if (b >= 0xf0) note("string 4-byte code point");
              }
            },
            [this](const ast::ListLit& l) {
              note(l.elements.empty() ? "[]" : "list");
              for (const ast::Expr& x : l.elements) expr(x);
            },
            [this](const ast::Name& n) { note("name"); name(n.id); },
            [this](const ast::Field& f) {
              note("field access");
              if (std::holds_alternative<ast::IntLit>(f.base->node)) note("(1).f");
              name(f.field);
              expr(*f.base);
            },
            [this](const ast::Index& i) {
              note(i.indices.empty() ? "p[]" : "index");
              expr(*i.base);
              for (const ast::Expr& x : i.indices) expr(x);
            },
            [this](const ast::Transfer& t) { note("transfer"); expr(*t.operand); },
            [this](const ast::Call& c) {
              note("call");
              expr(*c.callee);
              bool keyword = false;
              std::set<std::string> keywords;
              for (const ast::Arg& a : c.args) {
                if (a.keyword) {
                  note("keyword argument");
                  name(*a.keyword);
                  require(keywords.insert(*a.keyword).second, "repeated keyword argument");
                }
                require(!keyword || a.keyword, "positional argument after keyword argument");
                keyword |= a.keyword.has_value();
                expr(*a.value);
              }
            },
            [this](const ast::Unary& u) {
              note(u.op == ast::UnaryOp::Neg ? "neg" : "not");
              expr(*u.operand);
            },
            [this](const ast::Binary& b) {
              note("binary " + std::to_string(static_cast<int>(b.op)));
              expr(*b.lhs);
              expr(*b.rhs);
            },
        },
        e.node);
  }
};

RC_GTEST_PROP(AstGenerator, TreesKeepTheInvariantsOfParserOutput, (const ast::Module& m)) {
  Audit audit;
  audit.module(m);
  for (const std::string& v : audit.violations) RC_LOG() << v << '\n';
  RC_ASSERT(audit.violations.empty());
}

TEST(AstGenerator, CoversEveryConstruct) {
  Audit audit;
  const rc::Gen<ast::Module> modules = gen::module();
  for (std::uint64_t seed = 1; seed <= 400; ++seed) {
    audit.module(modules(rc::Random(seed), 100).value());
  }
  std::vector<std::string> expected = {
      // declarations
      "import", "from-import", "dotted module", "struct", "empty struct", "@fieldwise_init",
      "@explicit_destroy", "@explicit_destroy(msg)", "where False", "field", "__init__", "__deinit__",
      "copy initialiser", "move initialiser", "raises", "ref[origins] parameter", "default value",
      "keyword-only", "result", "ref result", "type arguments",
      // statements
      "var:T", "var=e", "var:T=e", "ref", "assign", "discard", "expression statement", "if", "elif",
      "else", "while", "for", "break", "continue", "pass", "return", "return e", "raise", "except",
      "except e",
      // expressions
      "int", "INT64_MAX", "bool", "string", "string control byte", "string quote or backslash",
      "string 4-byte code point", "string not UTF-8", "[]", "list", "name", "field access", "(1).f",
      "p[]", "index", "transfer", "call", "keyword argument", "neg", "not"};
  const auto each = [&expected](const std::string& what, int last) {
    for (int k = 0; k <= last; ++k) expected.push_back(what + " " + std::to_string(k));
  };
  each("convention", static_cast<int>(ast::Convention::Ref));
  each("binary", static_cast<int>(ast::BinaryOp::Or));
  each("aug", static_cast<int>(ast::BinaryOp::Mod));
  for (const std::string& construct : expected) {
    EXPECT_TRUE(audit.seen.count(construct)) << "never generated: " << construct;
  }
  EXPECT_TRUE(audit.violations.empty()) << audit.violations.front();
}

TEST(AstGenerator, SizeControlsDepth) {
  // Size 0 gives leaves only: a small first case, and shrinking ends there.
  for (std::uint64_t seed = 1; seed <= 50; ++seed) {
    const ast::Expr e = gen::expr()(rc::Random(seed), 0).value();
    EXPECT_TRUE(std::holds_alternative<ast::IntLit>(e.node) || std::holds_alternative<ast::BoolLit>(e.node) ||
                std::holds_alternative<ast::StringLit>(e.node) || std::holds_alternative<ast::Name>(e.node))
        << print(e);
  }
}

TEST(FuzzGenerators, ProduceVariedInputs) {
  std::set<std::string> soups, bytes, mutants;
  for (std::uint64_t seed = 1; seed <= 50; ++seed) {
    soups.insert(gen::token_soup()(rc::Random(seed), 50).value());
    bytes.insert(gen::random_bytes()(rc::Random(seed), 50).value());
    mutants.insert(gen::mutated_program()(rc::Random(seed), 50).value());
  }
  EXPECT_GT(soups.size(), 40u);
  EXPECT_GT(bytes.size(), 40u);
  EXPECT_GT(mutants.size(), 40u);
}

}  // namespace
}  // namespace ownmodel
