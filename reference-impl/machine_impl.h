#pragma once
// Internals shared by the step rules: the step context, place resolution,
// value-tree predicates (whole_init, ended, writable) and fault raising.
// A fault is thrown as FaultSignal inside one step and turned into a value
// (State::stop) by the dispatcher, so each rule reads as its premises.

#include <optional>
#include <string>

#include "reference-impl/machine.h"

namespace ownmodel::run::detail {

/// Thrown inside a step; caught by the dispatcher.
struct FaultSignal {
  Fault fault;
};
/// A non-fault end inside a step (abort, bound, malformed IR).
struct StopSignal {
  StopKind kind;
  std::string message;
};

struct Ctx {
  const Program& prog;
  const ir::Module& m;
  State& s;
  Rule rule;
  Span span;
  /// The step works through an UnsafePointer: its faults are `unsafe` (§8).
  bool unsafe = false;

  [[nodiscard]] Frame& top() { return s.frames.back(); }
  [[nodiscard]] const ir::Function& fn() const { return m.functions[s.frames.back().function]; }
  [[nodiscard]] const ir::TypeInfo& type(ir::TypeId t) const { return m.types.at(t); }

  [[noreturn]] void fault(Rule kind, std::string message, bool unsafe = false,
                          std::vector<std::string> evidence = {});
  [[noreturn]] void stop(StopKind kind, std::string message);
  /// A §9 premise that has no fault kind: checked only for accepted programs.
  void premise(bool holds, std::string what);

  Tree& tree(const Loc& loc);                  ///< records the root as changed
  [[nodiscard]] const Tree& peek(const Loc& loc) const;
  void touch(RootId r);
  [[nodiscard]] std::string name(const Loc& loc) const { return loc_name(m, s, loc); }
};

/* value trees */
[[nodiscard]] Tree fresh_tree(const ir::Module& m, ir::TypeId t);
[[nodiscard]] Tree leaf(ir::TypeId t, Value v);
[[nodiscard]] bool whole_init(const Tree& t);
[[nodiscard]] bool ended(const ir::Module& m, const Tree& t);
[[nodiscard]] bool writable(const ir::Module& m, const Tree& t);
[[nodiscard]] bool trivial_value(const Value& v);
void clear_trivial_leaves(const ir::Module& m, Tree& t);
/// Records that this step uninitialized (part of) the root of `at`.
void note_uninit(Ctx& c, const Loc& at);
/// The first uninitialized part, for evidence ("main.a.color").
[[nodiscard]] std::string first_missing(const ir::Module& m, const State& s, const Loc& at,
                                        const Tree& t);

/* locations */
[[nodiscard]] Loc child(const Loc& l, std::uint32_t field);
[[nodiscard]] Loc root_loc(RootId r);
/// Resolves a place of the current frame (§7.1); faults or aborts on failure.
[[nodiscard]] Loc resolve(Ctx& c, const ir::Place& p);
/// Resolves `p` followed by one more projection (the pointee of a pointer place).
[[nodiscard]] Loc resolve_pointee(Ctx& c, const ir::Place& p);
/// The cell `ptr` designates with an extra offset; faults as §7.1.
[[nodiscard]] Loc through_pointer(Ctx& c, const PtrV& ptr, std::int64_t extra);
/// Reads an initialized leaf value at `loc` (F-Uninit otherwise).
[[nodiscard]] const Value& read_leaf(Ctx& c, const Loc& loc, std::string_view what);
[[nodiscard]] Value read_operand(Ctx& c, const ir::Operand& o);
/// Whole tree of an operand (for `val` arguments of trivial structs).
[[nodiscard]] Tree operand_tree(Ctx& c, const ir::Operand& o, ir::TypeId type);
[[nodiscard]] ir::TypeId place_type(const Ctx& c, const ir::Place& p);

/* store */
[[nodiscard]] RootId new_stack_root(Ctx& c, Tree t, ir::FunctionId f, ir::SlotId slot,
                                    std::uint32_t frame);
[[nodiscard]] HeapBlockId new_block(Ctx& c, BlockKind kind, ir::TypeId element, std::int64_t n);
void release_block(Ctx& c, HeapBlockId b, bool by_free);
void set_owner_of(Ctx& c, const Tree& moved, const Loc& at);
void emit(Ctx& c, EventKind k, ir::TypeId t, const Loc& obj, const Loc* src = nullptr,
          std::string method = {});
void advance(Ctx& c);   ///< pc+1 of the top frame
void push_pending(Frame& f, std::vector<Pending> items);   ///< items[0] runs first

/* frames */
struct ArgBinding {
  ir::ArgMode mode = ir::ArgMode::Ref;
  Loc loc;      ///< Ref, MutRef, Own, Out
  Tree value;   ///< Val
};
/// Pushes a frame of `callee`; applies the init/deinit logical-bit settings of
/// E-Call. `result` binds $ret when present.
void push_frame(Ctx& c, ir::FunctionId callee, std::vector<ArgBinding> args, bool from_pending);

/* core operations over locations, shared by instructions and pending items */
void do_copy(Ctx& c, const Loc& dst, const Loc& src);
void do_move(Ctx& c, const Loc& dst, const Loc& src);
void do_destroy(Ctx& c, const Loc& at, std::optional<Rule> placed_by = std::nullopt);
void do_release(Ctx& c, const Loc& owner);

/* the step rules: one function per rule (docs/semantics.md §7.2) */
void step_E_Assign(Ctx& c, const ir::Instr& i);
void step_E_Copy(Ctx& c, const ir::Copy& i);
void step_E_Move(Ctx& c, const ir::Move& i);
void step_E_Borrow(Ctx& c, const ir::Borrow& i);
void step_E_Destroy(Ctx& c, const ir::Destroy& i);
void step_E_Store_Through_Ref(Ctx& c, const ir::Store& i);
void step_E_Call(Ctx& c, const ir::Call& i);
void step_E_Return(Ctx& c);
void step_E_Raise(Ctx& c, const ir::Raise& t);
void step_E_Catch(Ctx& c);
void step_E_Goto(Ctx& c, const ir::Goto& t);
void step_E_Branch(Ctx& c, const ir::Branch& t);
void step_E_Print(Ctx& c, const ir::Print& i);
void step_E_Alloc(Ctx& c, const ir::Alloc& i);
void step_E_Free(Ctx& c, const ir::Free& i);
void step_E_Ptr_Init(Ctx& c, const ir::PtrInit& i);
void step_E_Ptr_Take(Ctx& c, const ir::PtrTake& i);
void step_E_Box_New(Ctx& c, const ir::BoxNew& i);
void step_E_List_New(Ctx& c, const ir::ListNew& i);
void step_E_List_Append(Ctx& c, const ir::ListAppend& i);
void step_E_Exit(Ctx& c);
/// A pending expansion, executed by its rule (c.rule is set by the dispatcher).
void step_pending(Ctx& c, const Pending& p);

/* printing */
[[nodiscard]] std::string format_value(Ctx& c, const Loc& at, ir::TypeId t);

}  // namespace ownmodel::run::detail
