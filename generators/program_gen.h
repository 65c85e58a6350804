#pragma once
// A judgment-directed generator of whole programs (DESIGN.md §8): RapidCheck
// generators of `ast::Module`s that the mojo-1.0 checker accepts, because the
// generator tracks the ownership state while it builds (initialized, moved,
// borrowed by live refs, interior refs invalidated, linear values and unsafe
// memory still to be ended) and emits only statements that are legal in it.
//
// How a program is made. RapidCheck generates a `Plan`: the number of Bool
// inputs of `main` and, per top-level statement of `main`, a "tape" of random
// choices. A deterministic builder reads the tapes and writes the program;
// every choice it reads is taken modulo the number of options, and a tape that
// runs out reads 0, the simplest option. So *every* plan is a legal program,
// and RapidCheck's shrinking of the plan (choices towards 0, fewer statements,
// fewer inputs) gives smaller legal programs: shrinking stays meaningful
// without a domain shrinker. The builder writes canonical Mojo 1.0 source and
// parses it: the parser decides the tree's shape, and the text is the program
// Mojo would compile (same spellings as `examples/`).
//
// Programs are deterministic functions of the plan (hence of rc::Random and
// the size). Variables of `main` are named v0, v1, … in declaration order;
// the inputs are a, b, c; helpers and structs come from a fixed catalogue in a
// fixed order, each emitted only when used.
//
// Every loop terminates (`for i in range(2)`, a counter `while`), so a run is
// a few hundred steps. The entry is `def main(a: Bool, …)` with 0–3 Bool
// inputs (an ownmodel extension, DESIGN.md §2 "Inputs"; real Mojo's main takes
// none, so a program for the Mojo compiler needs `inputs == 0`).

#include <rapidcheck.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "model/syntax/ast.h"

namespace ownmodel::gen {

/// Swarm testing: one switch per feature group. A group that is off never
/// appears in the program (tests/generators/program_gen_test.cpp checks it);
/// a construct that combines groups (`take_r(v0^)`: conventions, transfers,
/// structs) needs all of them on.
struct Features {
  bool structs = true;         ///< struct R with printing __init__, copy/move initializers, __deinit__, methods
  bool fields = true;          ///< field reads, field assignment, moving a field out and re-initializing it (needs structs)
  bool linear = true;          ///< linear struct L (@explicit_destroy, Deinitable where False), named destructors
  bool conventions = true;     ///< helper functions taking mut, var and out arguments
  bool transfers = true;       ///< `x^` transfers and `.copy()` (other than the consuming receiver `x^.close()`)
  bool refs = true;            ///< `ref` bindings and `ref` parameters and results
  bool owned_pointer = true;   ///< OwnedPointer
  bool list = true;            ///< List: literals, append, `[i]`, `len`, iteration
  bool unsafe_pointer = true;  ///< UnsafePointer: alloc, init_pointee_*, take/destroy_pointee, free
  bool branches = true;        ///< if / elif / else, late initialization on both branches
  bool loops = true;           ///< for over range or a List, counter while, break, continue
  bool errors = true;          ///< raises, raise, try / except

  [[nodiscard]] static Features all() { return {}; }
  [[nodiscard]] static Features none();
  friend bool operator==(const Features&, const Features&) = default;
};

/// Each group on with probability 1/2, independently (shrinks towards "off").
[[nodiscard]] rc::Gen<Features> swarm_features();

/// The random part of a program; see the header comment.
struct Plan {
  int inputs = 0;                                 ///< Bool parameters of main: 0..3
  std::vector<std::vector<std::uint32_t>> steps;  ///< one choice tape per top-level statement of main
  friend bool operator==(const Plan&, const Plan&) = default;
};

/// Plans with exactly `statements` steps. Shrinks also drop steps and inputs.
[[nodiscard]] rc::Gen<Plan> plan(int statements);

/// Where an injection (generators/mutate.h) writes: a point among the
/// top-level statements of `main`, with the builder's naming and declarations.
class Emitter {
 public:
  virtual ~Emitter() = default;
  /// The next canonical variable name (v<N>).
  [[nodiscard]] virtual std::string fresh() = 0;
  /// One statement line of `main` at the current indentation.
  virtual void line(const std::string& text) = 0;
  /// `header` (ending in ':') then a nested block; close() ends it.
  virtual void open(const std::string& header) = 0;
  virtual void close() = 0;
  /// A declaration of the builder's catalogue ("R", "L", "take_r", …) that
  /// the module must contain (with its dependencies).
  virtual void need(const std::string& catalogue_name) = 0;
  /// An extra top-level declaration (struct or function), emitted once per
  /// key after the catalogue's, before `main`.
  virtual void declare(const std::string& key, const std::string& text) = 0;
  /// The name of a Bool input of main; adds one when main has none.
  [[nodiscard]] virtual std::string bool_input() = 0;
};

/// What `build_source` calls at one top-level position of main.
struct InjectionPoint {
  int position = 0;  ///< before top-level step `position` (== steps: after the last)
  std::function<void(Emitter&)> inject;
};

/// The builder: the canonical source of the program a plan stands for.
[[nodiscard]] std::string build_source(const Features& features, const Plan& plan,
                                       const InjectionPoint* injection = nullptr);
/// The same, parsed. A parse failure is a generator bug: it throws std::logic_error.
[[nodiscard]] ast::Module build_program(const Features& features, const Plan& plan,
                                        const InjectionPoint* injection = nullptr);

/// Programs the checker accepts (aim ≥ 95 %), with `statements` top-level
/// steps in main (each one statement or a short group such as a loop or a
/// field move and re-initialization), plus the statements that end linear
/// values and unsafe memory at the end of each block.
[[nodiscard]] rc::Gen<ast::Module> accepted_program(const Features& features, int statements);

/// Swarm features and max(1, size / 10) statements: about 10 at size 100.
[[nodiscard]] rc::Gen<ast::Module> accepted_program();

}  // namespace ownmodel::gen
