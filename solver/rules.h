#pragma once
// One encoding per step rule of docs/semantics.md §7.2: `encode_E_Move` beside
// the interpreter's `step_E_Move`, same names, independent code. Each returns
// an Effect over a symbolic pre-state: its ordered failure cases (faults of
// §8, aborts) and the post-state; `relation(ctx, effect, post)` is the step
// relation pre → post that bounded model checking and proofs both use.
//
// Lifecycle work that the machine does with pushed frames (user copy/move
// initializers, `__deinit__`) is done by the unroller in bmc.cpp, wherever it
// sits in a value tree: copy_T / move_T / destroy_T at locations with the
// frames of the struct itself, of fields of synthesized copies, moves and
// destructions, of List elements and of an OwnedPointer's cell (E-Copy,
// E-Move, E-Destroy, E-Store-Through-Ref, E-Ptr-Init, E-Ptr-Take), and the
// moves E-Box-New, E-List-New and E-List-Append leave pending (PendingMove).
// These encodings cover the built-in and synthesized cases (including the
// heap owners' deep copy, relocation, element destruction and release, over
// at most kMaxCells cells per block); called directly on a type that needs a
// frame, copy_at / move_at throw Unsupported.

#include <cstdint>
#include <utility>
#include <vector>

#include "solver/state.h"

namespace ownmodel::solver {

/// A resolved place: its base location and its type.
struct Resolved {
  z3::expr loc;
  ir::TypeId type;
};

/// resolve(s, π) (§7.1): appends the resolution faults (F-Uninit, F-Dangling,
/// F-Use-After-Free, F-Out-Of-Bounds) to `eff`, evaluated in `s`.
[[nodiscard]] Resolved resolve(Enc& e, const FrameEnv& f, const SymState& s, const ir::Place& p, Effect& eff);
/// The value of an operand, requiring it Init (F-Uninit).
[[nodiscard]] z3::expr operand_value(Enc& e, const FrameEnv& f, const SymState& s, const ir::Operand& o,
                                     Effect& eff);
/// The value of an operand and its aux word (a String constant: its length in bytes).
[[nodiscard]] std::pair<z3::expr, z3::expr> operand_leaf(Enc& e, const FrameEnv& f, const SymState& s,
                                                         const ir::Operand& o, Effect& eff);
/// The length of the decimal form of `n` (`String(n)`, a leading '-' when negative).
[[nodiscard]] z3::expr decimal_length(Enc& e, const z3::expr& n);
/// Int arithmetic wraps at 64 bits (§6): `r` reduced modulo 2^64 into [-2^63, 2^63).
/// `wrap_sum` is exact for -2^64 ≤ r < 2^64 — a sum or difference of two 64-bit
/// values, which every Int of a run is — with two comparisons and no division;
/// `wrap_any` for every r (a product).
[[nodiscard]] z3::expr wrap_sum(Enc& e, const z3::expr& r);
[[nodiscard]] z3::expr wrap_any(Enc& e, const z3::expr& r);

/* --- Location-level cores (shared by several rules and the pending expansions). --- */
void move_at(Enc& e, Effect& eff, const z3::expr& dst, const z3::expr& src, ir::TypeId t);
void copy_at(Enc& e, Effect& eff, const z3::expr& dst, const z3::expr& src, ir::TypeId t);
void destroy_at(Enc& e, Effect& eff, const z3::expr& loc, ir::TypeId t);
/// move_at when `g` holds (the state is unchanged and no fault raised otherwise).
void move_at_if(Enc& e, Effect& eff, const z3::expr& dst, const z3::expr& src, ir::TypeId t, const z3::expr& g);
/// The built-in part of copy_T for a List / OwnedPointer at `src` (§7.2 E-Copy):
/// its block Live (F-Dangling), a fresh block of as many cells owned by `dst`.
/// Returns the source block, the new block and the cell count; the cells are the caller's.
struct OwnerCopy {
  z3::expr from, to, count;
};
[[nodiscard]] OwnerCopy copy_owner_block(Enc& e, Effect& eff, const z3::expr& dst, const z3::expr& src,
                                         ir::TypeId t);
/// The internal `release` of block b (no owner cell to clear) when `g` holds.
void release_block_if(Enc& e, Effect& eff, const z3::expr& b, ir::TypeId elem, const z3::expr& g);

/* --- The step rules. --------------------------------------------------------- */
// E-Assign: `π := const c | op(o…)`; operands Init, π writable; σ(π) := Init ⟦rv⟧.
[[nodiscard]] Effect encode_E_Assign(Enc& e, const FrameEnv& f, const SymState& pre, const ir::Instr& i);
// E-Copy: `π := copy π'`; π' whole_init, π writable; copy_T.
[[nodiscard]] Effect encode_E_Copy(Enc& e, const FrameEnv& f, const SymState& pre, const ir::Copy& i);
// E-Move: `π := move π'`; π' whole_init, π writable; move_T (π' becomes Uninit).
[[nodiscard]] Effect encode_E_Move(Enc& e, const FrameEnv& f, const SymState& pre, const ir::Move& i);
// E-Borrow: `π := borrow[mut] π'` / `addr π'`; π' whole_init; σ(π) := ref(ℓ') / ptr(ℓ', 0).
[[nodiscard]] Effect encode_E_Borrow(Enc& e, const FrameEnv& f, const SymState& pre, const ir::Borrow& i);
// E-Destroy: `destroy π`; π whole_init, T deinitable; destroy_T. With `checks_only`
// the post-state is the pre-state (the unroller runs a user `__deinit__`).
[[nodiscard]] Effect encode_E_Destroy(Enc& e, const FrameEnv& f, const SymState& pre, const ir::Destroy& i,
                                      bool checks_only = false);
// E-Store-Through-Ref: `store π ← rhs`; π whole_init; destroy π, then π := rhs.
[[nodiscard]] Effect encode_E_Store_Through_Ref(Enc& e, const FrameEnv& f, const SymState& pre,
                                                const ir::Store& i);
// E-Call: arguments initialized (&, &mut, own, val), out destination writable;
// binds the callee frame `callee` (fresh locations already chosen for its slots).
[[nodiscard]] Effect encode_E_Call(Enc& e, const FrameEnv& caller, const SymState& pre, const ir::Call& i,
                                   FrameEnv& callee);
/// An argument of a frame pushed by a lifecycle step: a location passed as &, &mut, own or out.
struct LocationArg {
  ir::ArgMode mode;
  z3::expr loc;
  ir::TypeId type;
};
// E-Call for a frame that copy_T, move_T or destroy_T pushes (§7.2): the bindings
// of E-Call with arguments that are already locations (`__init__(out self = ℓ, copy = &ℓ')`).
[[nodiscard]] Effect encode_E_Call_at(Enc& e, const SymState& pre, const std::vector<LocationArg>& args,
                                      FrameEnv& callee);
// E-Return: owned roots ended, mut restored, result/out initialized; the frame's roots die.
[[nodiscard]] Effect encode_E_Return(Enc& e, const FrameEnv& f, const SymState& pre);
// E-Exit: E-Return's premises for the entry frame, and no heap block Live (of `blocks`).
[[nodiscard]] Effect encode_E_Exit(Enc& e, const FrameEnv& f, const SymState& pre,
                                   const std::vector<std::int64_t>& blocks, bool raised);
/// A raised error: its message (an interned or opaque String) and the message's length.
struct ErrorValue {
  z3::expr message, length;
};
// E-Raise: `raise π`; π holds Init err; owned roots other than π's ended, mut restored; pop.
[[nodiscard]] Effect encode_E_Raise(Enc& e, const FrameEnv& f, const SymState& pre, const ir::Raise& t,
                                    ErrorValue& error);
// E-Catch: the caller's `$err` writable; σ($err) := Init err e; pc := unwind block.
[[nodiscard]] Effect encode_E_Catch(Enc& e, const FrameEnv& f, const SymState& pre, const ErrorValue& error);
// E-Goto: `goto B`; the state is unchanged (the pc is the unroller's).
[[nodiscard]] Effect encode_E_Goto(const SymState& pre);
// E-Branch: `branch o ? B1 : B2`; o Init; `condition` receives b.
[[nodiscard]] Effect encode_E_Branch(Enc& e, const FrameEnv& f, const SymState& pre, const ir::Branch& t,
                                     z3::expr& condition);
// E-Print: every operand Init (the output is not modelled).
[[nodiscard]] Effect encode_E_Print(Enc& e, const FrameEnv& f, const SymState& pre, const ir::Print& i);
// E-Alloc: `π := alloc T, o`; o Init int n ≥ 0; π writable; a fresh Live Manual block `block`.
[[nodiscard]] Effect encode_E_Alloc(Enc& e, const FrameEnv& f, const SymState& pre, const ir::Alloc& i,
                                    std::int64_t block);
// E-Free: `free π`; ptr(b, 0) to a Live Manual block, its cells ended; b := Released(by_free).
[[nodiscard]] Effect encode_E_Free(Enc& e, const FrameEnv& f, const SymState& pre, const ir::Free& i);
// E-Ptr-Init: `ptr_init π ← copy|move π'`; π[] resolves and is writable; then π[] := copy|move π'.
[[nodiscard]] Effect encode_E_Ptr_Init(Enc& e, const FrameEnv& f, const SymState& pre, const ir::PtrInit& i);
/// A move a heap step leaves to its caller, the machine's pending queue (§7.1),
/// when the element type runs a user move initializer (a frame the unroller
/// inlines): under `guard`, `dst` := move `src` of `type`; with `release`, the
/// internal release of the block at `dst` (elements of `type`). In order.
struct PendingMove {
  z3::expr guard, dst, src;
  ir::TypeId type;
  bool release = false;
};
// With `pending`, E-Box-New, E-List-New and E-List-Append append their moves
// (and a reallocation's release) to it instead of encoding them.
// E-Box-New: `π := box_new π'`; π' whole_init, π writable; a fresh Live Box block, then heap(b,0) := move π'.
[[nodiscard]] Effect encode_E_Box_New(Enc& e, const FrameEnv& f, const SymState& pre, const ir::BoxNew& i,
                                      std::vector<PendingMove>* pending = nullptr);
// E-List-New: `π := list_new [π1…πn]`; every πi whole_init, π writable; a Buffer of n cells, moves.
[[nodiscard]] Effect encode_E_List_New(Enc& e, const FrameEnv& f, const SymState& pre, const ir::ListNew& i,
                                       std::vector<PendingMove>* pending = nullptr);
// E-List-Append: `list_append π ← π'`; room: move into cell n; full: a Buffer of max(1, 2c) cells,
// elements moved over, the old buffer released, then π' moved in.
[[nodiscard]] Effect encode_E_List_Append(Enc& e, const FrameEnv& f, const SymState& pre, const ir::ListAppend& i,
                                          std::vector<PendingMove>* pending = nullptr);
// E-Ptr-Take: `π := ptr_take π'`; π'[] whole_init; then π := move π'[].
[[nodiscard]] Effect encode_E_Ptr_Take(Enc& e, const FrameEnv& f, const SymState& pre, const ir::PtrTake& i);

}  // namespace ownmodel::solver
