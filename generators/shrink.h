#pragma once
// Domain shrinking of whole programs (DESIGN.md §8): after RapidCheck's own
// shrinking has done what the generator's structure allows, these passes make
// a failing program smaller in the ways a reader cares about — fewer items,
// fewer statements, flatter blocks, simpler expressions — and keep a candidate
// only when the caller's predicate says it still shows the same failure (the
// caller compares the failure's category, not just "fails").

#include <cstdint>
#include <functional>
#include <vector>

#include "model/syntax/ast.h"

namespace ownmodel::gen {

/// Every program one domain step smaller than `m`, largest steps first:
///   delete an item other than `main` (a struct, a function, an import);
///   delete a method of a struct; a parameter of a function or of an
///   `__init__` together with its argument at every call; a field together
///   with every statement that mentions it;
///   replace a compound statement (if, while, for, try) by one of its bodies;
///   drop an `elif` or `else` branch;
///   delete a statement (an emptied block becomes `pass`);
///   simplify an expression (a binary operation to one operand, an integer
///   literal to 0 or 1, a string literal to a one-letter one).
/// The candidates need not be well formed: the predicate decides.
[[nodiscard]] std::vector<ast::Module> shrink_candidates(const ast::Module& m);

struct ShrinkStats {
  std::uint64_t attempts = 0;   ///< predicate calls
  std::uint64_t steps = 0;      ///< candidates kept
  bool budget_hit = false;      ///< stopped at the attempt budget, maybe not minimal
};

/// Greedy descent: of the candidates that `keeps_failure` accepts take the
/// smallest (printed lines, then characters), restart from it, until none is
/// accepted (a local minimum: no single domain step keeps the failure) or
/// `max_attempts` predicate calls were made.
[[nodiscard]] ast::Module shrink(ast::Module m,
                                 const std::function<bool(const ast::Module&)>& keeps_failure,
                                 std::uint64_t max_attempts = 5000, ShrinkStats* stats = nullptr);

/// `m` printed and parsed back, so every span points into the printed text a
/// report shows (generated and shrunk trees carry no or stale positions).
/// `m` itself when its printing does not parse (it always should).
[[nodiscard]] ast::Module with_printed_positions(const ast::Module& m);

/// Lines of the printed program, without blank lines: the size a report quotes.
[[nodiscard]] std::size_t program_lines(const ast::Module& m);

}  // namespace ownmodel::gen
