#pragma once
// The object language's abstract syntax: a subset of Mojo 1.0 (DESIGN.md §2).
//
// Every syntactic category is a std::variant of plain aggregates; every node
// carries the Span it was parsed from. The tree is purely syntactic: it does not
// decide whether `List[Int]` names a type or indexes a value, or whether `x = 1`
// declares `x` — the checker does. Older spellings (`fn`, `inout`, `owned`,
// `borrowed`, `read`, `__del__`, `__copyinit__`, `__moveinit__`, …) are
// normalised by the parser, so the tree only ever holds the Mojo 1.0 form and
// printing it gives canonical source.
//
// The alternatives of each variant are listed in the order of docs/grammar.md;
// the printer, the generator and every dispatcher follow the same order.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "model/syntax/box.h"
#include "model/syntax/span.h"

namespace ownmodel::ast {

/* --- Types ------------------------------------------------------------- */

/// A type expression: `Int`, `List[String]`, `UnsafePointer[Int, MutUntrackedOrigin]`.
/// Arguments are types or origin names; which names exist is the checker's concern.
struct Type {
  std::string name;
  std::vector<Type> args;
  Span span;
  friend bool operator==(const Type&, const Type&) = default;
};

/* --- Expressions ------------------------------------------------------- */

struct Expr;

struct IntLit {
  std::int64_t value = 0;
  friend bool operator==(const IntLit&, const IntLit&) = default;
};
struct BoolLit {
  bool value = false;
  friend bool operator==(const BoolLit&, const BoolLit&) = default;
};
/// A string literal; `value` holds the decoded characters (escapes resolved).
struct StringLit {
  std::string value;
  friend bool operator==(const StringLit&, const StringLit&) = default;
};
/// `[a, b, c]`: a List literal.
struct ListLit {
  std::vector<Expr> elements;
  friend bool operator==(const ListLit&, const ListLit&) = default;
};
/// A bare identifier: a variable, function, struct or built-in name.
struct Name {
  std::string id;
  friend bool operator==(const Name&, const Name&) = default;
};
/// `base.field`
struct Field {
  Box<Expr> base;
  std::string field;
  friend bool operator==(const Field&, const Field&) = default;
};
/// `base[i, j]`; `p[]` (no indices) dereferences a pointer. Also spells
/// parameterised names in expressions: `alloc[Int]`, `List[Int]`.
struct Index {
  Box<Expr> base;
  std::vector<Expr> indices;
  friend bool operator==(const Index&, const Index&) = default;
};
/// `operand^`: transfer (move) out of a place.
struct Transfer {
  Box<Expr> operand;
  friend bool operator==(const Transfer&, const Transfer&) = default;
};
/// One argument of a call: positional, or `keyword=value`.
struct Arg {
  std::optional<std::string> keyword;
  Box<Expr> value;
  friend bool operator==(const Arg&, const Arg&) = default;
};
/// `callee(args)`: function calls, method calls (callee is a Field), struct
/// construction and built-ins such as `print` alike.
struct Call {
  Box<Expr> callee;
  std::vector<Arg> args;
  friend bool operator==(const Call&, const Call&) = default;
};
enum class UnaryOp : std::uint8_t { Neg, Not };
struct Unary {
  UnaryOp op = UnaryOp::Neg;
  Box<Expr> operand;
  friend bool operator==(const Unary&, const Unary&) = default;
};
enum class BinaryOp : std::uint8_t {
  Add, Sub, Mul, FloorDiv, Mod,  // arithmetic (`/` on Int is written `//` in the subset)
  Eq, Ne, Lt, Le, Gt, Ge,        // comparisons
  And, Or,                       // short-circuit logic
};
struct Binary {
  BinaryOp op = BinaryOp::Add;
  Box<Expr> lhs;
  Box<Expr> rhs;
  friend bool operator==(const Binary&, const Binary&) = default;
};

struct Expr {
  using Node = std::variant<IntLit, BoolLit, StringLit, ListLit, Name, Field, Index, Transfer,
                            Call, Unary, Binary>;
  Node node;
  Span span;
  friend bool operator==(const Expr&, const Expr&) = default;
};

/* --- Statements -------------------------------------------------------- */

struct Stmt;
using Block = std::vector<Stmt>;

/// `var x: T`, `var x = e`, `var x: T = e`; also `x: T = e` without `var`.
struct VarDecl {
  std::string name;
  std::optional<Type> type;
  std::optional<Expr> init;
  /// Written `x: T = e`, without `var`: an implicit declaration (W3), which
  /// Mojo scopes to the function rather than the block.
  bool implicit = false;
  friend bool operator==(const VarDecl&, const VarDecl&) = default;
};
/// `ref r = place`: binds `r` to a place; uses of `r` access the place.
struct RefDecl {
  std::string name;
  Expr place;
  friend bool operator==(const RefDecl&, const RefDecl&) = default;
};
/// `target = value`. When `target` is a name not yet declared, Mojo declares it;
/// the checker decides which.
struct Assign {
  Expr target;
  Expr value;
  friend bool operator==(const Assign&, const Assign&) = default;
};
/// `target op= value` (`+=`, `-=`, `*=`, `//=`, `%=`): an in-place update.
struct AugAssign {
  BinaryOp op = BinaryOp::Add;
  Expr target;
  Expr value;
  friend bool operator==(const AugAssign&, const AugAssign&) = default;
};
/// `_ = value`: evaluates and discards; the last use of what it names.
struct Discard {
  Expr value;
  friend bool operator==(const Discard&, const Discard&) = default;
};
struct ExprStmt {
  Expr expr;
  friend bool operator==(const ExprStmt&, const ExprStmt&) = default;
};
/// `if c0: b0 elif c1: b1 … else: e` — the `elif`s are further branches.
struct If {
  struct Branch {
    Expr cond;
    Block body;
    friend bool operator==(const Branch&, const Branch&) = default;
  };
  std::vector<Branch> branches;  // never empty
  std::optional<Block> orelse;
  friend bool operator==(const If&, const If&) = default;
};
struct While {
  Expr cond;
  Block body;
  friend bool operator==(const While&, const While&) = default;
};
/// `for name in iterable:` (the subset iterates `range(n)`, `range(a, b)` and Lists).
struct For {
  std::string name;
  Expr iterable;
  Block body;
  friend bool operator==(const For&, const For&) = default;
};
struct Break {
  friend bool operator==(const Break&, const Break&) = default;
};
struct Continue {
  friend bool operator==(const Continue&, const Continue&) = default;
};
struct Pass {
  friend bool operator==(const Pass&, const Pass&) = default;
};
struct Return {
  std::optional<Expr> value;
  friend bool operator==(const Return&, const Return&) = default;
};
/// `raise value` (typically `raise Error("message")`).
struct Raise {
  Expr value;
  friend bool operator==(const Raise&, const Raise&) = default;
};
/// `try: body except [name]: handler`.
struct Try {
  Block body;
  std::optional<std::string> error_name;
  Block handler;
  friend bool operator==(const Try&, const Try&) = default;
};

struct Stmt {
  using Node = std::variant<VarDecl, RefDecl, Assign, AugAssign, Discard, ExprStmt, If, While,
                            For, Break, Continue, Pass, Return, Raise, Try>;
  Node node;
  Span span;
  friend bool operator==(const Stmt&, const Stmt&) = default;
};

/* --- Declarations ------------------------------------------------------ */

/// Argument conventions (Mojo 1.0 spellings; the older ones are normalised:
/// `borrowed`/`read`/`imm` → Default, `inout` → Mut, `owned` → Var).
enum class Convention : std::uint8_t { Default, Mut, Var, Out, Deinit, Ref };

struct Param {
  Convention convention = Convention::Default;
  std::string name;
  std::optional<Type> type;              // absent only for `self` (its type is Self)
  std::vector<Expr> origins;             // `ref[o1, o2] x: T`; empty otherwise
  std::optional<Expr> default_value;     // `x: Int = 0`
  bool keyword_only = false;             // declared after a bare `*`
  Span span;
  friend bool operator==(const Param&, const Param&) = default;
};

/// `-> T` or `-> ref[origins] T`.
struct ResultType {
  Type type;
  bool is_ref = false;
  std::vector<Expr> origins;
  friend bool operator==(const ResultType&, const ResultType&) = default;
};

/// A `def` (or, normalised, `fn`). Lifecycle methods are Functions with their
/// Mojo 1.0 names: `__init__`, `__deinit__` (destructor), and `__init__` with a
/// keyword-only `copy: Self` or `deinit move: Self` parameter.
struct Function {
  std::string name;
  std::vector<Param> params;
  bool raises = false;
  std::optional<ResultType> result;
  Block body;
  Span span;
  friend bool operator==(const Function&, const Function&) = default;
};

/// `var name: T` inside a struct.
struct FieldDecl {
  std::string name;
  Type type;
  Span span;
  friend bool operator==(const FieldDecl&, const FieldDecl&) = default;
};

/// A trait in a struct's conformance list; `Deinitable where False` (a linear,
/// explicitly destroyed type) has `where_false` set.
struct TraitRef {
  std::string name;
  bool where_false = false;
  Span span;
  friend bool operator==(const TraitRef&, const TraitRef&) = default;
};

/// `@fieldwise_init`, `@explicit_destroy("message")`.
struct Decorator {
  std::string name;
  std::optional<std::string> argument;
  Span span;
  friend bool operator==(const Decorator&, const Decorator&) = default;
};

struct Struct {
  std::string name;
  std::vector<Decorator> decorators;
  std::vector<TraitRef> traits;
  std::vector<FieldDecl> fields;
  std::vector<Function> methods;
  Span span;
  friend bool operator==(const Struct&, const Struct&) = default;
};

/// `from std.memory import OwnedPointer, UnsafePointer` (names non-empty), or
/// `import memory` (names empty).
struct Import {
  std::string module;
  std::vector<std::string> names;
  Span span;
  friend bool operator==(const Import&, const Import&) = default;
};

struct Item {
  using Node = std::variant<Import, Struct, Function>;
  Node node;
  friend bool operator==(const Item&, const Item&) = default;
};

/// One source file: its items in source order.
struct Module {
  std::vector<Item> items;
  friend bool operator==(const Module&, const Module&) = default;
};

}  // namespace ownmodel::ast
