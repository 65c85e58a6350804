#pragma once
// Bounded-exhaustive enumeration of ownership programs (DESIGN.md §8, issue 6),
// after Featherweight Rust's P{i}{v}{d}{w} spaces (reference/anchors.md §3.1).
//
// A space is a value (SpaceParams). Every program of it is a whole module: a
// fixed prelude, then `def main(a: Bool):` whose body is the enumerated block.
//
//   @fieldwise_init
//   struct Obj(Copyable):
//       var n: Int
//       def __deinit__(deinit self):  print("del", self.n)   # destruction order is observable
//   def show(x: Obj):        print("show", x.n)               # read (default convention)
//   def bump(mut x: Obj):    x.n += 1                         # mut
//   def consume(var x: Obj): print("consume", x.n)            # var: takes ownership
//
// The grammar of main's body, with `L` one of the literals 1..i, `vj` a
// variable in scope and `vK` the next fresh name:
//
//   block := stmt{1..w}                      (blocks are never empty)
//   stmt  := var vK = Obj(L)                 form decl
//          | vj = Obj(L)                     form assign
//          | var vK = vj^                    form move
//          | consume(vj^)                    form consume
//          | show(vj)                        form show
//          | bump(vj)                        form bump
//          | var vK = vj.copy()              form copy
//          | print(vj.n)                     form print
//          | vj.n = L                        form setfield
//          | ref vK = vj                     form ref
//          | if a: block else: block         form ifelse (if-nesting depth ≤ d)
//          | if a: block                     form if     (if-nesting depth ≤ d)
//
// Only well-formedness (S0: every name resolves) holds by construction — the
// "def" constraint: a variable is used only after its declaration and while in
// scope (`var` and `ref` are block scoped). Uses of moved, consumed or
// dangling variables are in the space on purpose, so it holds accepted and
// rejected programs alike and the four-way table (accepted & safe, rejected &
// faulting, false positive, false negative) can be filled for every program.
//
// Canonical naming is built into the counting, not done by generating and
// skipping: the k-th declaration in textual order (counting `ref`s and the
// declarations of both branches of an `if`) is always named `vk`, so names are
// a function of the program's shape and no two programs of a space differ only
// by a renaming. Consequently `v` bounds the number of declarations in the
// whole program, not the number live at once.
//
// Spec strings (parse_space):
//
//   space := preset-name                     tiny | small | medium
//          | 'P{' i ',' v ',' d ',' w [',' b] '}' [ ':' form (',' form)* ]
//
// with 1 ≤ i ≤ 100 int literals, 1 ≤ v ≤ 16 variables, 0 ≤ d ≤ 8 if-nesting
// depth (0: straight-line code), 1 ≤ w ≤ 16 statements per block and,
// optionally, 0 ≤ b ≤ 16 `if` statements in the whole program (without b,
// only d and w bound them, and the space grows doubly exponentially in d).
// Combinations whose counting tables would exceed 4·10⁶ entries are refused
// (the table holds (d+1)·(v+1)·((v+1)·(b+1))²·(w+4) entries). Without a
// form list every form is in the space; a list keeps only the forms it names
// (`P{1,2,1,3}:decl,move,show,ifelse`). `all` names every form.
//
// Indexing: Space::program is a bijection from [0, cardinality) onto the
// space; the cardinality is computed exactly (cpp_int) by dynamic programming
// over (if-depth left, variables in scope, declarations and ifs so far,
// statements left, declarations and ifs at the end), never by enumerating. Within a block,
// shorter blocks come first; within a statement position, the forms in the
// order above, then variables, then literals.

#include <boost/multiprecision/cpp_int.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/syntax/ast.h"

namespace ownmodel::enumerate {

using BigInt = boost::multiprecision::cpp_int;

/// The statement forms, in enumeration order (see the grammar above).
enum class Form : std::uint8_t {
  Decl, Assign, Move, Consume, Show, Bump, Copy, Print, SetField, Ref, IfElse, If,
};
inline constexpr int form_count = 12;
/// The spelling used in spec strings: `decl`, `assign`, …, `ifelse`, `if`.
[[nodiscard]] std::string_view form_name(Form f);

/// A set of forms, one bit per Form.
using FormSet = std::uint32_t;
[[nodiscard]] constexpr FormSet bit(Form f) { return FormSet{1} << static_cast<unsigned>(f); }
inline constexpr FormSet all_forms = (FormSet{1} << form_count) - 1;

struct SpaceParams {
  int literals = 1;     ///< i: the literals 1..i
  int variables = 2;    ///< v: at most v declarations in the whole program
  int depth = 1;        ///< d: at most d nested `if`s (0: straight-line code)
  int width = 2;        ///< w: 1..w statements per block
  /// b: at most b `if` statements in the whole program (FR's "at most N
  /// blocks"); none: no bound beyond d and w. Keeps programs FR-sized.
  std::optional<int> ifs;
  FormSet forms = all_forms;

  [[nodiscard]] bool has(Form f) const { return (forms & bit(f)) != 0; }
  /// The canonical spec string: parse_space(spec()) gives back these params.
  [[nodiscard]] std::string spec() const;
  /// One line for people: "P{1,2,1,2}: 1 int literal, at most 2 variables, …".
  [[nodiscard]] std::string describe() const;
  friend bool operator==(const SpaceParams&, const SpaceParams&) = default;
};

/// A parsed spec: params, or a message saying what is wrong with the text.
struct SpaceParse {
  std::optional<SpaceParams> params;
  std::string error;
};
/// Parses a spec string or a preset name (grammar above).
[[nodiscard]] SpaceParse parse_space(std::string_view text);

struct Preset {
  std::string_view name;
  std::string_view spec;
  std::string_view purpose;
};
/// tiny = P{1,2,1,2,1} (8,344 programs, for tests), small = P{2,3,1,2}
/// (103,404: the default of `ownmodel enumerate` and validate), medium =
/// P{1,2,2,2,2} (21,687,827; the shape of FR's P{1,2,3,2}{def,3}).
[[nodiscard]] std::span<const Preset> presets();
inline constexpr std::string_view default_preset = "small";

/// Shard K of N: the indices [K·n/N, (K+1)·n/N) of a space of n programs.
/// The shards of one N partition the space, so machines need no coordination.
struct Shard {
  std::uint64_t k = 0;
  std::uint64_t n = 1;
  friend bool operator==(const Shard&, const Shard&) = default;
};
struct ShardParse {
  std::optional<Shard> shard;
  std::string error;
};
/// Parses `K/N` with 0 ≤ K < N (decimal, no sign, no spaces).
[[nodiscard]] ShardParse parse_shard(std::string_view text);
/// The half-open index range [begin, end) of `shard` in a space of `cardinality` programs.
[[nodiscard]] std::pair<BigInt, BigInt> shard_range(const BigInt& cardinality, const Shard& shard);

struct Tables;  // the memoised counts (enumerate.cpp)

/// A space: its exact cardinality and the index → program bijection.
class Space {
 public:
  /// Throws std::invalid_argument for params outside the bounds above
  /// (parse_space never returns such params).
  explicit Space(const SpaceParams& params);
  ~Space();
  Space(Space&&) noexcept;
  Space& operator=(Space&&) noexcept;

  [[nodiscard]] const SpaceParams& params() const { return params_; }
  [[nodiscard]] const BigInt& cardinality() const;

  /// The program with this index; throws std::out_of_range outside [0, cardinality).
  [[nodiscard]] ast::Module program(const BigInt& index) const;
  /// Only main's body (what varies between programs).
  [[nodiscard]] ast::Block body(const BigInt& index) const;
  /// The same with 64-bit arithmetic, much faster; only when fits_u64().
  void body(std::uint64_t index, ast::Block& out) const;
  /// The cardinality is below 2⁶⁴, so every index fits in a uint64_t.
  [[nodiscard]] bool fits_u64() const;

  /// The fixed items every program starts with (struct Obj, show, bump, consume).
  [[nodiscard]] const std::vector<ast::Item>& prelude() const;
  /// The name of main's Bool parameter, the input that picks the branches.
  static constexpr std::string_view input_name = "a";

 private:
  SpaceParams params_;
  std::unique_ptr<Tables> tables_;
};

/// Sequential iteration over [begin, end) in index order: module() is always
/// exactly program(index()). The prelude is built once and only main's body is
/// rewritten on each step, with 64-bit decoding when the space allows it.
class Cursor {
 public:
  Cursor(const Space& space, BigInt begin, BigInt end);
  /// The whole space.
  explicit Cursor(const Space& space);

  [[nodiscard]] bool done() const { return index_ >= end_; }
  [[nodiscard]] const BigInt& index() const { return index_; }
  /// The current program; only when !done().
  [[nodiscard]] const ast::Module& module() const { return module_; }
  void next();

 private:
  void load();
  const Space* space_;
  BigInt index_;
  BigInt end_;
  std::uint64_t index64_ = 0;
  bool fast_ = false;
  ast::Module module_;
};

}  // namespace ownmodel::enumerate
