#include "model/syntax/overloaded.h"
#include "generators/ast_gen.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace ownmodel::gen {
namespace {

using rc::Gen;
namespace g = rc::gen;

/* --- Small combinators ------------------------------------------------- */

/// Absent or present, half and half; shrinks towards absent.
template <class T>
Gen<std::optional<T>> optional(Gen<T> present) {
  return g::oneOf(g::just(std::optional<T>{}),
                  g::map(std::move(present), [](T v) { return std::optional<T>(std::move(v)); }));
}

/// `min`..`max` elements (both inclusive); like every RapidCheck length, the
/// number beyond `min` grows with the size, and shrinking removes any of them.
/// The size is narrowed only to bound the length; the elements see the real one.
template <class T>
Gen<std::vector<T>> vector_of(int min, int max, Gen<T> element) {
  return g::withSize([=](int size) {
    const int extra = (max - min) * std::clamp(size, 0, rc::kNominalSize) / rc::kNominalSize;
    Gen<std::vector<T>> more = g::resize(extra, g::container<std::vector<T>>(g::resize(size, element)));
    if (min == 0) return more;
    return g::apply(
        [](std::vector<T> required, std::vector<T> rest) {
          std::move(rest.begin(), rest.end(), std::back_inserter(required));
          return required;
        },
        g::container<std::vector<T>>(static_cast<std::size_t>(min), element), std::move(more));
  });
}

/// Keeps the first of the elements that share a key (names must be unique).
template <class T, class Key>
std::vector<T> unique_by(std::vector<T> items, Key key) {
  std::set<std::string> seen;
  std::vector<T> kept;
  for (T& item : items) {
    if (seen.insert(key(item)).second) kept.push_back(std::move(item));
  }
  return kept;
}

ast::Expr make(ast::Expr::Node node) { return ast::Expr{std::move(node), {}}; }
ast::Stmt make_stmt(ast::Stmt::Node node) { return ast::Stmt{std::move(node), {}}; }
ast::Type simple_type(std::string name) { return ast::Type{std::move(name), {}, {}}; }

ast::Param make_param(ast::Convention c, std::string name, std::optional<ast::Type> t,
                      bool keyword_only = false) {
  ast::Param p;
  p.convention = c;
  p.name = std::move(name);
  p.type = std::move(t);
  p.keyword_only = keyword_only;
  return p;
}

ast::Function make_function(std::string name, std::vector<ast::Param> params, bool raises,
                            std::optional<ast::ResultType> result, ast::Block body) {
  ast::Function f;
  f.name = std::move(name);
  f.params = std::move(params);
  f.raises = raises;
  f.result = std::move(result);
  f.body = std::move(body);
  return f;
}

/* --- Node builders, for g::map and g::apply ---------------------------- */

ast::Expr name_of(std::string id) { return make(ast::Name{std::move(id)}); }
ast::Expr list_of(std::vector<ast::Expr> xs) { return make(ast::ListLit{std::move(xs)}); }
ast::Expr field_of(ast::Expr base, std::string f) { return make(ast::Field{std::move(base), std::move(f)}); }
ast::Expr index_of(ast::Expr base, std::vector<ast::Expr> ix) {
  return make(ast::Index{std::move(base), std::move(ix)});
}
ast::Expr transfer_of(ast::Expr e) { return make(ast::Transfer{std::move(e)}); }
ast::Expr call_of(ast::Expr callee, std::vector<ast::Arg> args) {
  return make(ast::Call{std::move(callee), std::move(args)});
}
ast::Expr unary_of(ast::UnaryOp op, ast::Expr e) { return make(ast::Unary{op, std::move(e)}); }
ast::Expr binary_of(ast::BinaryOp op, ast::Expr l, ast::Expr r) {
  return make(ast::Binary{op, std::move(l), std::move(r)});
}
ast::Arg positional_arg(ast::Expr e) { return ast::Arg{std::nullopt, std::move(e)}; }
ast::Arg keyword_arg(std::string k, ast::Expr e) { return ast::Arg{std::move(k), std::move(e)}; }

ast::Stmt ref_decl_of(std::string n, ast::Expr place) {
  return make_stmt(ast::RefDecl{std::move(n), std::move(place)});
}
ast::Stmt assign_of(ast::Expr t, ast::Expr v) { return make_stmt(ast::Assign{std::move(t), std::move(v)}); }
ast::Stmt aug_assign_of(ast::BinaryOp op, ast::Expr t, ast::Expr v) {
  return make_stmt(ast::AugAssign{op, std::move(t), std::move(v)});
}
ast::Stmt discard_of(ast::Expr v) { return make_stmt(ast::Discard{std::move(v)}); }
ast::Stmt expr_stmt_of(ast::Expr e) { return make_stmt(ast::ExprStmt{std::move(e)}); }
ast::Stmt return_of(std::optional<ast::Expr> v) { return make_stmt(ast::Return{std::move(v)}); }
ast::Stmt raise_of(ast::Expr v) { return make_stmt(ast::Raise{std::move(v)}); }
ast::If::Branch branch_of(ast::Expr cond, ast::Block body) { return {std::move(cond), std::move(body)}; }
ast::Stmt if_of(std::vector<ast::If::Branch> branches, std::optional<ast::Block> orelse) {
  return make_stmt(ast::If{std::move(branches), std::move(orelse)});
}
ast::Stmt while_of(ast::Expr c, ast::Block body) {
  return make_stmt(ast::While{std::move(c), std::move(body)});
}
ast::Stmt for_of(std::string n, ast::Expr iterable, ast::Block body) {
  return make_stmt(ast::For{std::move(n), std::move(iterable), std::move(body)});
}
ast::Stmt try_of(ast::Block body, std::optional<std::string> error_name, ast::Block handler) {
  return make_stmt(ast::Try{std::move(body), std::move(error_name), std::move(handler)});
}

/* --- Building each generator once --------------------------------------- */

/// Building a generator allocates its whole combinator graph, and withSize asks
/// for one per case, so each distinct generator is built once and shared (a Gen
/// is an immutable, reference-counted value). Depths are explicit, so the
/// sub-generators are built eagerly, bottom-up: the recursion needs no gen::lazy.
/// The lock is not held while building (which consults other tables), so
/// threads that meet here and in the function-local statics cannot deadlock;
/// when two threads build the same generator, the first one stored wins.
template <class T, class Key, class Build>
Gen<T> memo(std::map<Key, Gen<T>>& table, const Key& key, Build build) {
  static std::mutex mutex;  // one per table: each call site has its own Build type
  {
    std::lock_guard lock(mutex);
    if (auto it = table.find(key); it != table.end()) return it->second;
  }
  Gen<T> built = build();
  std::lock_guard lock(mutex);
  return table.emplace(key, std::move(built)).first->second;
}

/* --- Shrinking to a subtree -------------------------------------------- */
// RapidCheck shrinks a node's parts but never replaces a node by one of its
// children; these extra shrinks do, so a failing tree shrinks to a small one.

std::vector<ast::Expr> sub_expressions(const ast::Expr& e) {
  std::vector<ast::Expr> out;
  std::visit(Overloaded{
                 [&](const ast::ListLit& l) { out = l.elements; },
                 [&](const ast::Field& f) { out.push_back(*f.base); },
                 [&](const ast::Index& i) {
                   out.push_back(*i.base);
                   out.insert(out.end(), i.indices.begin(), i.indices.end());
                 },
                 [&](const ast::Transfer& t) { out.push_back(*t.operand); },
                 [&](const ast::Call& c) {
                   out.push_back(*c.callee);
                   for (const ast::Arg& a : c.args) out.push_back(*a.value);
                 },
                 [&](const ast::Unary& u) { out.push_back(*u.operand); },
                 [&](const ast::Binary& b) {
                   out.push_back(*b.lhs);
                   out.push_back(*b.rhs);
                 },
                 [](const auto&) {},  // leaves
             },
             e.node);
  return out;
}

std::vector<ast::Stmt> sub_statements(const ast::Stmt& s) {
  std::vector<ast::Stmt> out;
  const auto take = [&out](const ast::Block& b) { out.insert(out.end(), b.begin(), b.end()); };
  std::visit(Overloaded{
                 [&](const ast::If& i) {
                   for (const ast::If::Branch& b : i.branches) take(b.body);
                   if (i.orelse) take(*i.orelse);
                 },
                 [&](const ast::While& w) { take(w.body); },
                 [&](const ast::For& f) { take(f.body); },
                 [&](const ast::Try& t) {
                   take(t.body);
                   take(t.handler);
                 },
                 [](const auto&) {},  // simple statements
             },
             s.node);
  return out;
}

template <class T, class Children>
Gen<T> shrinking_to_children(Gen<T> gen, Children children) {
  return g::shrink(std::move(gen),
                   [children](const T& node) { return rc::seq::fromContainer(children(node)); });
}

/* --- Words ------------------------------------------------------------- */

// The parser's keywords (a superset, to stay safe as it grows), the
// contextual words that read differently where a name is expected
// (conventions, old spellings, `_`, `self`), and the lifecycle names that the
// parser renames or that only the method generator produces.
constexpr std::string_view kReservedWords[] = {
    "def", "fn", "struct", "var", "ref", "if", "elif", "else", "while", "for", "in", "break",
    "continue", "return", "raise", "try", "except", "pass", "and", "or", "not", "True", "False",
    "import", "from", "as", "with", "assert", "del", "global", "lambda", "class", "is", "None",
    "raises", "imm", "mut", "out", "deinit", "owned", "inout", "borrowed", "read", "self", "_",
    "where", "alias", "comptime", "trait", "async", "await", "yield", "nonlocal", "finally", "match",
    "case", "__del__", "__copyinit__", "__moveinit__", "__init__", "ImplicitlyDestructible",
    "ImplicitlyDeletable",
};

constexpr std::string_view kCommonNames[] = {"x", "y", "z", "a", "b", "i", "n", "s", "p", "xs",
                                             "value", "count", "data", "print", "range", "len",
                                             "Error", "origin_of", "alloc", "copy"};

constexpr std::string_view kTypeNames[] = {"Int", "Bool", "String", "List", "OwnedPointer", "UnsafePointer",
                                           "Self", "T", "MutAnyOrigin", "ImmutAnyOrigin",
                                           "MutUntrackedOrigin"};

constexpr std::string_view kTraitNames[] = {"Copyable", "ImplicitlyCopyable", "Movable", "RegisterPassable",
                                            "TrivialRegisterPassable", "Deinitable"};

template <std::size_t N>
Gen<std::string> word_from(const std::string_view (&words)[N]) {
  return g::elementOf(std::vector<std::string>(std::begin(words), std::end(words)));
}

Gen<std::string> random_identifier() {
  static const Gen<std::string> built = [] {
    const std::string first = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_";
    const std::string rest = first + "0123456789";
    return g::apply(
        [](char head, const std::vector<char>& tail) {
          std::string word = head + std::string(tail.begin(), tail.end());
          if (is_reserved_word(word)) word += '0';  // now an ordinary name
          return word;
        },
        g::elementOf(first), vector_of(0, 7, g::elementOf(rest)));
  }();
  return built;
}

/* --- Expressions ------------------------------------------------------- */

Gen<ast::Expr> int_literal() {
  static const Gen<ast::Expr> built = [] {
    constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
    const Gen<std::int64_t> value = g::weightedOneOf<std::int64_t>({
        {6, g::inRange<std::int64_t>(0, 100)},
        {2, g::inRange<std::int64_t>(0, kMax)},  // excludes kMax: inRange is half-open
        {1, g::element<std::int64_t>(0, kMax, kMax - 1, std::int64_t{1} << 32)},
    });
    return g::map(value, [](std::int64_t v) { return make(ast::IntLit{v}); });
  }();
  return built;
}

Gen<ast::Expr> name_expr() {
  static const Gen<ast::Expr> built = g::map(identifier(), &name_of);
  return built;
}

Gen<ast::Expr> leaf_expr() {
  static const Gen<ast::Expr> built = g::weightedOneOf<ast::Expr>({
      {3, int_literal()},
      {1, g::map(g::arbitrary<bool>(), [](bool b) { return make(ast::BoolLit{b}); })},
      {2, g::map(string_value(), [](std::string s) { return make(ast::StringLit{std::move(s)}); })},
      {5, name_expr()},
  });
  return built;
}

/// Positional arguments first, then keyword arguments with distinct keywords.
Gen<std::vector<ast::Arg>> call_arguments(const Gen<ast::Expr>& value) {
  const Gen<ast::Arg> positional = g::map(value, &positional_arg);
  const Gen<ast::Arg> keyword = g::apply(&keyword_arg, identifier(), value);
  return g::apply(
      [](std::vector<ast::Arg> args, std::vector<ast::Arg> keywords) {
        keywords = unique_by(std::move(keywords), [](const ast::Arg& a) { return *a.keyword; });
        std::move(keywords.begin(), keywords.end(), std::back_inserter(args));
        return args;
      },
      vector_of(0, 3, positional), vector_of(0, 2, keyword));
}

Gen<ast::BinaryOp> binary_op() {
  using enum ast::BinaryOp;
  return g::element(Add, Sub, Mul, FloorDiv, Mod, Eq, Ne, Lt, Le, Gt, Ge, And, Or);
}

Gen<ast::BinaryOp> augmented_op() {
  using enum ast::BinaryOp;
  return g::element(Add, Sub, Mul, FloorDiv, Mod);
}

/// Origins of `ref[…]`: names, fields of names and `origin_of(target)`.
Gen<ast::Expr> origin() {
  static const Gen<ast::Expr> built = g::weightedOneOf<ast::Expr>({
      {3, name_expr()},
      {1, g::apply(&field_of, name_expr(), identifier())},
      {1, g::map(place(1),
                 [](ast::Expr p) { return call_of(name_of("origin_of"), {positional_arg(std::move(p))}); })},
  });
  return built;
}

Gen<std::vector<ast::Expr>> origins(int min) { return vector_of(min, 2, origin()); }

/* --- Statements -------------------------------------------------------- */

Gen<ast::Stmt> simple_stmt(int expr_depth) {
  static std::map<int, Gen<ast::Stmt>> table;
  return memo(table, expr_depth, [expr_depth] {
    const Gen<ast::Expr> e = expr(expr_depth);
    const Gen<ast::Expr> target = place(expr_depth);
    // `var x` alone is not in the grammar: a type, an initialiser or both.
    const Gen<ast::Stmt> var_decl = g::apply(
        [](std::string name, ast::Type t, ast::Expr init, int shape) {
          ast::VarDecl v{std::move(name), std::nullopt, std::nullopt};
          if (shape != 1) v.type = std::move(t);
          if (shape != 0) v.init = std::move(init);
          return make_stmt(std::move(v));
        },
        identifier(), type(2), e, g::element(0, 1, 2));
    return g::weightedOneOf<ast::Stmt>({
        {3, var_decl},
        {1, g::apply(&ref_decl_of, identifier(), e)},
        {3, g::apply(&assign_of, target, e)},
        {1, g::apply(&aug_assign_of, augmented_op(), target, e)},
        {1, g::map(e, &discard_of)},
        {3, g::map(e, &expr_stmt_of)},
        {1, g::just(make_stmt(ast::Break{}))},
        {1, g::just(make_stmt(ast::Continue{}))},
        {1, g::just(make_stmt(ast::Pass{}))},
        {2, g::map(optional(e), &return_of)},
        {1, g::map(e, &raise_of)},
    });
  });
}

/* --- Declarations ------------------------------------------------------ */

Gen<ast::Convention> convention() {
  using enum ast::Convention;
  return g::element(Default, Mut, Var, Out, Deinit, Ref);
}

/// Parameters with distinct names; positional defaults only on a trailing run
/// (as Mojo requires), keyword-only parameters (after `*`) last.
Gen<std::vector<ast::Param>> params(int expr_depth) {
  static std::map<int, Gen<std::vector<ast::Param>>> table;
  return memo(table, expr_depth, [expr_depth] {
    const Gen<ast::Param> param = g::apply(
        [](ast::Convention c, std::vector<ast::Expr> os, std::string n, ast::Type t,
           std::optional<ast::Expr> d) {
          ast::Param p = make_param(c, std::move(n), std::move(t));
          if (c == ast::Convention::Ref) p.origins = std::move(os);
          p.default_value = std::move(d);
          return p;
        },
        convention(), origins(0), identifier(), type(2), optional(expr(std::min(expr_depth, 1))));
    return g::apply(
        [](std::vector<ast::Param> ps, int keyword_only_count) {
          ps = unique_by(std::move(ps), [](const ast::Param& p) { return p.name; });
          const std::size_t keyword_only = std::min(ps.size(), static_cast<std::size_t>(keyword_only_count));
          const std::size_t positional = ps.size() - keyword_only;
          bool after_default = false;
          for (std::size_t i = 0; i < ps.size(); ++i) {
            if (i >= positional) {
              ps[i].keyword_only = true;
            } else if (ps[i].default_value) {
              after_default = true;
            } else if (after_default) {
              ps[i].default_value = make(ast::IntLit{0});
            }
          }
          return ps;
        },
        vector_of(0, 4, param), g::weightedElement<int>({{2, 0}, {1, 1}, {1, 2}}));
  });
}

Gen<std::optional<ast::ResultType>> result_type() {
  static const Gen<std::optional<ast::ResultType>> built = [] {
    const Gen<ast::ResultType> plain =
        g::map(type(2), [](ast::Type t) { return ast::ResultType{std::move(t), false, {}}; });
    const Gen<ast::ResultType> by_ref = g::apply(
        [](ast::Type t, std::vector<ast::Expr> os) {
          return ast::ResultType{std::move(t), true, std::move(os)};
        },
        type(2), origins(1));
    return g::weightedOneOf<std::optional<ast::ResultType>>({
        {2, g::just(std::optional<ast::ResultType>{})},
        {2, g::cast<std::optional<ast::ResultType>>(plain)},
        {1, g::cast<std::optional<ast::ResultType>>(by_ref)},
    });
  }();
  return built;
}

/// The decorators of the subset; `@register_passable` is an older spelling of
/// a trait, so it is never in a tree.
Gen<ast::Decorator> decorator() {
  static const Gen<ast::Decorator> built =
      g::oneOf(g::just(ast::Decorator{"fieldwise_init", std::nullopt, {}}),
               g::map(optional(string_value()), [](std::optional<std::string> message) {
                 return ast::Decorator{"explicit_destroy", std::move(message), {}};
               }));
  return built;
}

Gen<ast::TraitRef> trait() {
  static const Gen<ast::TraitRef> built = g::weightedOneOf<ast::TraitRef>({
      {3, g::map(g::oneOf(word_from(kTraitNames), identifier()),
                 [](std::string n) { return ast::TraitRef{std::move(n), false, {}}; })},
      {1, g::map(g::element(std::string("Deinitable"), std::string("Movable")),
                 [](std::string n) { return ast::TraitRef{std::move(n), true, {}}; })},
  });
  return built;
}

Gen<ast::FieldDecl> field_decl() {
  static const Gen<ast::FieldDecl> built =
      g::apply([](std::string n, ast::Type t) { return ast::FieldDecl{std::move(n), std::move(t), {}}; },
               identifier(), type(2));
  return built;
}

// Sizes up to RapidCheck's default maximum (100) give expressions up to 4
// levels deep under up to 2 levels of nested blocks, a few hundred nodes at
// most, so 10,000 cases stay fast; a larger RC_PARAMS max_size goes deeper,
// still far below the parser's nesting limit.
int expr_depth_for(int size) { return std::clamp(size / 25, 0, 6); }
int block_depth_for(int size) { return std::clamp(size / 40, 0, 3); }

}  // namespace

/* --- Public generators ------------------------------------------------- */

bool is_reserved_word(const std::string& word) {
  return std::find(std::begin(kReservedWords), std::end(kReservedWords), word) !=
         std::end(kReservedWords);
}

Gen<std::string> identifier() {
  static const Gen<std::string> built =
      g::weightedOneOf<std::string>({{3, word_from(kCommonNames)}, {2, random_identifier()}});
  return built;
}

Gen<std::string> string_value() {
  static const Gen<std::string> built = [] {
    constexpr std::uint32_t kRawByte = 0x110000;  // above every code point: `kRawByte + b` is the byte b
    // One code point (or stray byte) per draw, from every class the printer treats differently.
    const Gen<std::uint32_t> unit = g::weightedOneOf<std::uint32_t>({
        {8, g::inRange<std::uint32_t>(0x20, 0x7f)},  // printable ASCII
        {2, g::element<std::uint32_t>('"', '\\', '\'', '\n', '\t', '\r', 0)},
        {2, g::oneOf(g::inRange<std::uint32_t>(0, 0x20), g::just<std::uint32_t>(0x7f))},
        {1, g::inRange<std::uint32_t>(0x80, 0x800)},  // two UTF-8 bytes
        {1, g::oneOf(g::inRange<std::uint32_t>(0x800, 0xd800),  // three, avoiding surrogates
                     g::inRange<std::uint32_t>(0xe000, 0x10000))},
        {1, g::inRange<std::uint32_t>(0x10000, 0x110000)},  // four
        // A lone byte 0x80..0xff, often not UTF-8 at all: the lexer decodes
        // `\xHH` to the byte HH, so such values are parser output too.
        {1, g::inRange<std::uint32_t>(kRawByte + 0x80, kRawByte + 0x100)},
    });
    // The length grows with the size; the kind of character does not.
    const Gen<std::vector<std::uint32_t>> units = vector_of(0, 12, g::resize(rc::kNominalSize, unit));
    return g::map(units, [](const std::vector<std::uint32_t>& units) {
      std::string s;
      const auto put = [&s](std::uint32_t byte) { s += static_cast<char>(byte); };
      for (std::uint32_t u : units) {
        if (u >= kRawByte) {
          put(u - kRawByte);
        } else if (u < 0x80) {
          put(u);
        } else if (u < 0x800) {
          put(0xc0 | (u >> 6));
          put(0x80 | (u & 0x3f));
        } else if (u < 0x10000) {
          put(0xe0 | (u >> 12));
          put(0x80 | ((u >> 6) & 0x3f));
          put(0x80 | (u & 0x3f));
        } else {
          put(0xf0 | (u >> 18));
          put(0x80 | ((u >> 12) & 0x3f));
          put(0x80 | ((u >> 6) & 0x3f));
          put(0x80 | (u & 0x3f));
        }
      }
      return s;
    });
  }();
  return built;
}

Gen<ast::Type> type(int depth) {
  static std::map<int, Gen<ast::Type>> table;
  return memo(table, depth, [depth] {
    const Gen<std::string> name =
        g::weightedOneOf<std::string>({{3, word_from(kTypeNames)}, {1, identifier()}});
    const Gen<ast::Type> leaf = g::map(name, [](std::string n) { return simple_type(std::move(n)); });
    if (depth <= 0) return leaf;
    const Gen<ast::Type> parameterised = g::apply(
        [](std::string n, std::vector<ast::Type> args) {
          return ast::Type{std::move(n), std::move(args), {}};
        },
        name, vector_of(1, 2, type(depth - 1)));
    return g::weightedOneOf<ast::Type>({{2, leaf}, {1, parameterised}});
  });
}

Gen<ast::Expr> expr(int depth) {
  static std::map<int, Gen<ast::Expr>> table;
  return memo(table, depth, [depth] {
    if (depth <= 0) return leaf_expr();
    const Gen<ast::Expr> sub = expr(depth - 1);
    const Gen<ast::Expr> node = g::weightedOneOf<ast::Expr>({
        {6, leaf_expr()},
        {1, g::map(vector_of(0, 3, sub), &list_of)},
        {2, g::apply(&field_of, sub, identifier())},
        {1, g::apply(&index_of, sub, vector_of(0, 2, sub))},
        {1, g::map(sub, &transfer_of)},
        {2, g::apply(&call_of, sub, call_arguments(sub))},
        {2, g::apply(&unary_of, g::element(ast::UnaryOp::Neg, ast::UnaryOp::Not), sub)},
        {4, g::apply(&binary_of, binary_op(), sub, sub)},
    });
    return shrinking_to_children(node, sub_expressions);
  });
}

Gen<ast::Expr> place(int depth) {
  static std::map<int, Gen<ast::Expr>> table;
  return memo(table, depth, [depth] {
    if (depth <= 0) return name_expr();
    // The parser checks only the outermost node of a target.
    const Gen<ast::Expr> base = expr(depth - 1);
    return g::weightedOneOf<ast::Expr>({
        {3, name_expr()},
        {2, g::apply(&field_of, base, identifier())},
        {1, g::apply(&index_of, base, vector_of(0, 2, base))},
    });
  });
}

Gen<ast::Block> block(int block_depth, int expr_depth) {
  static std::map<std::pair<int, int>, Gen<ast::Block>> table;
  return memo(table, std::pair(block_depth, expr_depth),
              [=] { return vector_of(1, 4, stmt(block_depth, expr_depth)); });
}

Gen<ast::Stmt> stmt(int block_depth, int expr_depth) {
  static std::map<std::pair<int, int>, Gen<ast::Stmt>> table;
  return memo(table, std::pair(block_depth, expr_depth), [=] {
    if (block_depth <= 0) return simple_stmt(expr_depth);
    const Gen<ast::Block> body = block(block_depth - 1, expr_depth);
    const Gen<ast::Expr> e = expr(expr_depth);
    const Gen<ast::Stmt> node = g::weightedOneOf<ast::Stmt>({
        {6, simple_stmt(expr_depth)},
        {1, g::apply(&if_of, vector_of(1, 3, g::apply(&branch_of, e, body)), optional(body))},
        {1, g::apply(&while_of, e, body)},
        {1, g::apply(&for_of, identifier(), e, body)},
        {1, g::apply(&try_of, body, optional(identifier()), body)},
    });
    return shrinking_to_children(node, sub_statements);
  });
}

Gen<ast::Function> function(int block_depth, int expr_depth) {
  static std::map<std::pair<int, int>, Gen<ast::Function>> table;
  return memo(table, std::pair(block_depth, expr_depth), [=] {
    return g::apply(&make_function, identifier(), params(expr_depth), g::arbitrary<bool>(), result_type(),
                    block(block_depth, expr_depth));
  });
}

Gen<ast::Function> method(int block_depth, int expr_depth) {
  static std::map<std::pair<int, int>, Gen<ast::Function>> table;
  return memo(table, std::pair(block_depth, expr_depth), [=] {
    using enum ast::Convention;
    const Gen<ast::Block> body = block(block_depth, expr_depth);
    const auto self = [](ast::Convention c) { return make_param(c, "self", std::nullopt); };
    // `self` first (identifier() never yields `self`), any convention, usually untyped.
    const Gen<ast::Function> ordinary = g::apply(
        [](ast::Convention c, std::optional<ast::Type> self_type, ast::Function f) {
          f.params.insert(f.params.begin(), make_param(c, "self", std::move(self_type)));
          return f;
        },
        convention(), optional(g::just(simple_type("Self"))), function(block_depth, expr_depth));
    const Gen<ast::Function> init = g::apply(
        [self](std::vector<ast::Param> ps, bool raises, ast::Block b) {
          // The parser renames a keyword-only `deinit take: Self` of `__init__`
          // (an older spelling) to `move`, so no parameter here is called `take`.
          for (ast::Param& p : ps) {
            if (p.name == "take") p.name = "take0";
          }
          ps.insert(ps.begin(), self(Out));
          return make_function("__init__", std::move(ps), raises, std::nullopt, std::move(b));
        },
        params(expr_depth), g::arbitrary<bool>(), body);
    const Gen<ast::Function> copy_init = g::map(body, [self](ast::Block b) {
      const ast::Param copy = make_param(Default, "copy", simple_type("Self"), /*keyword_only=*/true);
      return make_function("__init__", {self(Out), copy}, false, std::nullopt, std::move(b));
    });
    const Gen<ast::Function> move_init = g::map(body, [self](ast::Block b) {
      const ast::Param move = make_param(Deinit, "move", simple_type("Self"), /*keyword_only=*/true);
      return make_function("__init__", {self(Out), move}, false, std::nullopt, std::move(b));
    });
    const Gen<ast::Function> destructor = g::map(body, [self](ast::Block b) {
      return make_function("__deinit__", {self(Deinit)}, false, std::nullopt, std::move(b));
    });
    const Gen<ast::Function> named_destructor = g::apply(
        [self](std::string name, ast::Block b) {
          return make_function(std::move(name), {self(Deinit)}, false, std::nullopt, std::move(b));
        },
        identifier(), body);
    return g::weightedOneOf<ast::Function>({
        {4, ordinary},
        {2, init},
        {1, copy_init},
        {1, move_init},
        {1, destructor},
        {1, named_destructor},
    });
  });
}

Gen<ast::Struct> structure(int block_depth, int expr_depth) {
  static std::map<std::pair<int, int>, Gen<ast::Struct>> table;
  return memo(table, std::pair(block_depth, expr_depth), [=] {
    return g::apply(
        [](std::string name, std::vector<ast::Decorator> decorators, std::vector<ast::TraitRef> traits,
           std::vector<ast::FieldDecl> fields, std::vector<ast::Function> methods) {
          ast::Struct s;
          s.name = std::move(name);
          s.decorators = unique_by(std::move(decorators), [](const ast::Decorator& d) { return d.name; });
          s.traits = unique_by(std::move(traits), [](const ast::TraitRef& t) { return t.name; });
          s.fields = unique_by(std::move(fields), [](const ast::FieldDecl& f) { return f.name; });
          s.methods = std::move(methods);
          // The parser adds `Deinitable where False` to an `@explicit_destroy`
          // struct that lacks it (the older form), so a tree always has it.
          const bool explicit_destroy =
              std::any_of(s.decorators.begin(), s.decorators.end(),
                          [](const ast::Decorator& d) { return d.name == "explicit_destroy"; });
          if (explicit_destroy) {
            auto deinitable = std::find_if(s.traits.begin(), s.traits.end(),
                                           [](const ast::TraitRef& t) { return t.name == "Deinitable"; });
            if (deinitable != s.traits.end()) {
              deinitable->where_false = true;
            } else {
              s.traits.push_back(ast::TraitRef{"Deinitable", true, {}});
            }
          }
          return s;
        },
        identifier(), vector_of(0, 2, decorator()), vector_of(0, 3, trait()),
        vector_of(0, 3, field_decl()), vector_of(0, 3, method(block_depth, expr_depth)));
  });
}

Gen<ast::Import> import() {
  static const Gen<ast::Import> built = g::apply(
      [](std::vector<std::string> path, std::vector<std::string> names) {
        std::string module = path.front();
        for (std::size_t i = 1; i < path.size(); ++i) module += "." + path[i];
        names = unique_by(std::move(names), [](const std::string& n) { return n; });
        return ast::Import{std::move(module), std::move(names), {}};
      },
      vector_of(1, 3, identifier()), vector_of(0, 3, identifier()));
  return built;
}

Gen<ast::Module> module(int block_depth, int expr_depth) {
  static std::map<std::pair<int, int>, Gen<ast::Module>> table;
  return memo(table, std::pair(block_depth, expr_depth), [=] {
    const auto as_item = [](auto node) { return ast::Item{std::move(node)}; };
    const Gen<ast::Item> item = g::weightedOneOf<ast::Item>({
        {1, g::map(import(), as_item)},
        {2, g::map(structure(block_depth, expr_depth), as_item)},
        {3, g::map(function(block_depth, expr_depth), as_item)},
    });
    return g::map(vector_of(0, 4, item),
                  [](std::vector<ast::Item> items) { return ast::Module{std::move(items)}; });
  });
}

Gen<ast::Type> type() {
  return g::withSize([](int size) { return type(std::clamp(size / 30, 0, 3)); });
}
Gen<ast::Expr> expr() {
  return g::withSize([](int size) { return expr(expr_depth_for(size)); });
}
Gen<ast::Stmt> stmt() {
  return g::withSize([](int size) { return stmt(block_depth_for(size), expr_depth_for(size)); });
}
Gen<ast::Block> block() {
  return g::withSize([](int size) { return block(block_depth_for(size), expr_depth_for(size)); });
}
Gen<ast::Function> function() {
  return g::withSize([](int size) { return function(block_depth_for(size), expr_depth_for(size)); });
}
Gen<ast::Struct> structure() {
  return g::withSize([](int size) { return structure(block_depth_for(size), expr_depth_for(size)); });
}
Gen<ast::Module> module() {
  return g::withSize([](int size) { return module(block_depth_for(size), expr_depth_for(size)); });
}

}  // namespace ownmodel::gen
