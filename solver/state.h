#pragma once
// Symbolic machine state for the Z3 encoding (docs/semantics.md §7.1,
// DESIGN.md §6). Written independently of reference-impl/: the two must agree
// only through their behaviour on the same Core IR.
//
// Locations are integers. A stack slot of an (inlined) frame gets a fresh
// range of locations, one per node of its value tree (a struct's logical bit
// first, then its fields, recursively); a heap block gets the range starting
// at its id (block id == base location, spaced kHeapStride apart above
// kHeapBase). A reference value is the location it designates; a pointer value
// is (block, offset) in (val, aux), where the block of a pointer to a stack
// location (`UnsafePointer(to=x)`) is that location itself (kind StackTarget,
// size 1, the array defaults). A String or Error leaf is an opaque text id in
// val (interned constants; `+` and `String(…)` uninterpreted) and its length
// in bytes in aux, which `len()` reads.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <z3++.h>

#include "model/ir/core_ir.h"
#include "model/rules/rule.h"

namespace ownmodel::solver {

/// Cell status.
enum CellStatus : int { kUninit = 0, kInit = 1, kFreed = 2, kDead = 3 };
/// Heap block status.
enum BlockStatus : int { kUnallocated = 0, kLive = 1, kFreedByFree = 2, kReleasedByOwner = 3 };
/// Block kind (index by block id).
enum BlockKindCode : int { kStackTarget = 0, kManual = 1, kBox = 2, kBuffer = 3 };

inline constexpr std::int64_t kStackBase = 16;
inline constexpr std::int64_t kHeapBase = std::int64_t{1} << 30;
inline constexpr std::int64_t kHeapStride = std::int64_t{1} << 16;
/// Cells per heap block that the encoding tracks; a larger alloc is cut like a bound.
inline constexpr std::int64_t kMaxCells = 8;

/// s = ⟨status, value, aux, block status, block size, block kind⟩, all arrays Int → Int.
struct SymState {
  z3::expr st, val, aux, bst, bsize, bkind;
};

/// A state of fresh array constants named `prefix.st`, … (for relations and proofs).
[[nodiscard]] SymState fresh_state(z3::context& c, const std::string& prefix);
/// The initial state of a run: everything Uninit, no block allocated, the
/// defaults of a stack target (kind StackTarget, size 1).
[[nodiscard]] SymState initial_state(z3::context& c);
[[nodiscard]] SymState ite(const z3::expr& g, const SymState& a, const SymState& b);
[[nodiscard]] z3::expr equal(const SymState& a, const SymState& b);

/// One node of a flattened value tree.
struct CellShape {
  std::int64_t offset = 0;
  bool node = false;        ///< a struct's logical bit
  bool trivial = true;      ///< ended() accepts it Init (Int, Bool, pointers, references, trivial structs)
  bool owner = false;       ///< List / OwnedPointer leaf, or a non-trivial struct node: not writable when Init
};

/// Layout of every type of a module.
class Layouts {
 public:
  explicit Layouts(const ir::Module& m);
  [[nodiscard]] std::int64_t width(ir::TypeId t) const { return widths_.at(t); }
  [[nodiscard]] const std::vector<CellShape>& cells(ir::TypeId t) const { return cells_.at(t); }
  [[nodiscard]] std::int64_t field_offset(ir::TypeId t, std::uint32_t f) const { return offsets_.at(t).at(f); }
  [[nodiscard]] const ir::Module& module() const { return m_; }

 private:
  const ir::Module& m_;
  std::vector<std::int64_t> widths_;
  std::vector<std::vector<CellShape>> cells_;
  std::vector<std::vector<std::int64_t>> offsets_;
};

/// Everything an encoding needs besides the states: the context, the module's
/// layouts, interned strings and the uninterpreted string functions.
struct Enc {
  Enc(z3::context& c, const ir::Module& m);
  z3::context& ctx;
  const ir::Module& m;
  Layouts layouts;
  std::map<std::string, int> strings;
  z3::func_decl concat, to_string_int, to_string_bool;

  [[nodiscard]] z3::expr num(std::int64_t v) { return ctx.int_val(static_cast<int64_t>(v)); }
  [[nodiscard]] int intern(const std::string& s);

  /// Heap blocks created so far (base locations), in creation order; E-Exit
  /// checks that none is Live. `fresh_block` allocates the next one.
  std::vector<std::int64_t> blocks;
  [[nodiscard]] std::int64_t fresh_block() {
    const std::int64_t b = kHeapBase + static_cast<std::int64_t>(blocks.size()) * kHeapStride;
    blocks.push_back(b);
    return b;
  }
};

/* --- Predicates of §7.1 over a value tree at a (symbolic) base location. --- */
[[nodiscard]] z3::expr whole_init(Enc& e, const SymState& s, const z3::expr& loc, ir::TypeId t);
[[nodiscard]] z3::expr ended(Enc& e, const SymState& s, const z3::expr& loc, ir::TypeId t);
[[nodiscard]] z3::expr writable(Enc& e, const SymState& s, const z3::expr& loc, ir::TypeId t);
/// The root holding `loc` is alive: a stack location not Dead, a heap location in a Live block.
[[nodiscard]] z3::expr alive(Enc& e, const SymState& s, const z3::expr& loc);
/// Sets the status of every node of the tree at `loc` to `status`.
[[nodiscard]] z3::expr set_status(Enc& e, const z3::expr& st, const z3::expr& loc, ir::TypeId t, int status);
/// Copies status, value and aux of the tree at `src` to `dst`.
void copy_tree(Enc& e, SymState& s, const z3::expr& dst, const z3::expr& src, ir::TypeId t);

/* --- Frames and step effects ------------------------------------------------ */

/// A frame of the encoding: the function and where each slot lives.
struct FrameEnv {
  const ir::Function* fn = nullptr;
  ir::FunctionId id = ir::none;
  std::vector<z3::expr> slot_loc;      ///< base location of each slot
  std::vector<ir::SlotId> own_roots;   ///< slots whose locations this frame created
  bool entry = false;
};

/// One way a step can fail. Cases are ordered: case i happens when its
/// condition holds and no earlier case's does. `abort` cases are the
/// `Aborted` outcome (division by zero, negative alloc), not faults; `cut`
/// cases leave what the encoding tracks (a bound), not faults either.
struct FaultCase {
  Rule kind = Rule::F_Uninit;
  z3::expr cond;
  bool abort = false;
  bool cut = false;
};

/// The encoding of one step: its failure cases (conditions on the
/// pre-state) and, when none holds, the post-state.
struct Effect {
  explicit Effect(const SymState& pre) : post(pre) {}
  Rule rule = Rule::E_Goto;
  SymState post;
  std::vector<FaultCase> faults;
  void fail(Rule kind, const z3::expr& cond) { faults.push_back({kind, cond, false, false}); }
  void abort(const z3::expr& cond) { faults.push_back({Rule::F_Uninit, cond, true, false}); }
  void cut(const z3::expr& cond) { faults.push_back({Rule::F_Uninit, cond, false, true}); }
  /// No failure case holds.
  [[nodiscard]] z3::expr ok(z3::context& c) const;
  /// Case i happens: its condition and no earlier one.
  [[nodiscard]] z3::expr happens(z3::context& c, std::size_t i) const;
};

/// The step relation pre → post: no failure case holds and post is the successor.
[[nodiscard]] z3::expr relation(z3::context& c, const Effect& e, const SymState& post);
/// The fault relation: the step faults with `kind` in `pre`.
[[nodiscard]] z3::expr faults_with(z3::context& c, const Effect& e, Rule kind);

/// Thrown for Core IR outside the encoded subset (the verdict is then unknown).
struct Unsupported {
  std::string what;
};

}  // namespace ownmodel::solver
