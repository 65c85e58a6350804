#pragma once
// The reference interpreter (docs/semantics.md §7, DESIGN.md §5): a small-step
// machine over the elaborated Core IR. `step` applies exactly one named step
// rule (E-*) or reports a fault (F-*) as a value with evidence. Object-level
// calls and lifecycle work (destructors, copy/move initializers, field-wise
// destruction) are frames and pending continuations in the State, never host
// recursion, so a deep object program ends in a bound, not a crash.
//
// The machine knows nothing of the solver: a witness found elsewhere is
// replayed through the InputOracle (entry parameters, forced branches).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "model/ir/core_ir.h"
#include "model/rules/rule.h"
#include "model/syntax/span.h"

namespace ownmodel::run {

using RootId = std::uint32_t;
using HeapBlockId = std::uint32_t;
inline constexpr std::uint32_t none = UINT32_MAX;

/* --- Locations and values ------------------------------------------------ */

/// ℓ: a root (stack slot or heap cell) followed by field indices.
struct Loc {
  RootId root = none;
  std::vector<std::uint32_t> path;
  friend bool operator==(const Loc&, const Loc&) = default;
};

struct IntV { std::int64_t v = 0; friend bool operator==(const IntV&, const IntV&) = default; };
struct BoolV { bool v = false; friend bool operator==(const BoolV&, const BoolV&) = default; };
struct StrV { std::string v; friend bool operator==(const StrV&, const StrV&) = default; };
struct ErrV { std::string msg; friend bool operator==(const ErrV&, const ErrV&) = default; };
/// ref(ℓ, m).
struct RefV {
  Loc loc;
  bool mut = false;
  friend bool operator==(const RefV&, const RefV&) = default;
};
/// ptr(t, k, o): t is a heap block, or a location (then only offset 0 is in bounds).
struct PtrV {
  HeapBlockId block = none;  ///< none: points at `loc`
  Loc loc;
  std::int64_t offset = 0;
  bool tracked = false;      ///< UnsafePointer(to=x) carries an origin; alloc does not
  friend bool operator==(const PtrV&, const PtrV&) = default;
};
struct BoxV { HeapBlockId block = none; friend bool operator==(const BoxV&, const BoxV&) = default; };
struct ListV {
  HeapBlockId block = none;
  std::int64_t len = 0;
  friend bool operator==(const ListV&, const ListV&) = default;
};
using Value = std::variant<IntV, BoolV, StrV, ErrV, RefV, PtrV, BoxV, ListV>;

/// A value tree: a leaf (Init value or Uninit) or a struct node with a logical
/// bit and one subtree per field.
struct Tree {
  ir::TypeId type = ir::none;
  bool node = false;   ///< a user struct node
  bool init = false;   ///< leaf: Init; node: the logical bit
  Value value;         ///< leaf, meaningful when init
  std::vector<Tree> fields;
  friend bool operator==(const Tree&, const Tree&) = default;
};

/* --- Store ---------------------------------------------------------------- */

enum class RootStatus : std::uint8_t { Live, Dead, Released };

struct Root {
  RootStatus status = RootStatus::Live;
  bool heap = false;
  Tree tree;
  ir::FunctionId function = ir::none;  ///< stack: the frame's function (for names)
  ir::SlotId slot = ir::none;          ///< stack: the slot
  std::uint32_t frame = 0;             ///< stack: frame number
  HeapBlockId block = none;            ///< heap: the block and the cell index
  std::uint32_t index = 0;
  std::uint64_t ended_step = 0;        ///< when it became Dead / Released
  Rule ended_rule = Rule::E_Return;
  /// The last step that uninitialized (part of) its value: a move out, a
  /// destruction, a take; 0 when never. Evidence for F-Uninit.
  std::uint64_t uninit_step = 0;
  Rule uninit_rule = Rule::E_Move;
  Span uninit_span;
};

enum class BlockKind : std::uint8_t { Manual, Box, Buffer };

struct HeapBlock {
  BlockKind kind = BlockKind::Manual;
  ir::TypeId element = ir::none;
  std::vector<RootId> cells;
  bool live = true;
  bool by_free = false;       ///< released by free() (else by its owner)
  Span site;                  ///< allocation site
  ir::FunctionId site_function = ir::none;
  std::uint64_t alloc_step = 0;
  std::uint64_t released_step = 0;
  Rule released_rule = Rule::E_Free;
};

/* --- Frames ---------------------------------------------------------------- */

/// An expansion of a step (§7.2 "pending"), over resolved locations. Each kind
/// is executed by one rule: Copy E-Copy, Move E-Move, Destroy E-Destroy,
/// Release/ReleaseBlock E-Free, Assign E-Assign.
struct Pending {
  enum class Kind : std::uint8_t { Copy, Move, Destroy, Release, ReleaseBlock, Assign };
  Kind kind = Kind::Destroy;
  Loc dst;
  Loc src;
  Value value;                 ///< Assign
  HeapBlockId block = none;    ///< ReleaseBlock
  Span span;                   ///< the instruction that created it
  bool unsafe = false;         ///< created by an UnsafePointer operation (§8 `unsafe`)
};

struct Frame {
  ir::FunctionId function = ir::none;
  std::uint32_t number = 0;
  std::vector<Loc> slots;      ///< slot → location
  std::vector<RootId> roots;   ///< roots this frame created
  ir::BlockId block = 0;
  std::uint32_t index = 0;
  std::vector<Pending> pending;  ///< a stack: back() runs next
  bool raising = false;
  std::string error;           ///< raising(e)
  bool from_pending = false;   ///< pushed by a lifecycle expansion: its return does not advance the caller's pc
};

/* --- Events, faults, outcomes --------------------------------------------- */

enum class EventKind : std::uint8_t { Init, Copy, Move, Del };

struct Event {
  EventKind kind = EventKind::Init;
  std::string type;      ///< type name
  std::string object;    ///< location name: `main.a`, `heap3[0]`
  std::string source;    ///< copy / move: the source location
  std::string method;    ///< del through a named destructor
  std::uint64_t step = 0;
};
/// `init T@main.a`, `copy T@dst<-src`, `move T@dst<-src`, `del T@loc [method]`.
[[nodiscard]] std::string to_string(const Event& e);

struct Fault {
  Rule kind = Rule::F_Uninit;  ///< an F-* rule; the step rule itself for a premise with no fault kind (§9 "—")
  Rule rule = Rule::E_Move;    ///< the step rule being applied
  std::uint64_t step = 0;
  Span span;
  std::string function;
  bool unsafe = false;
  std::string message;
  std::vector<std::string> evidence;
};

enum class StopKind : std::uint8_t {
  Finished,    ///< the entry function returned (E-Exit)
  Raised,      ///< an error left the entry function
  Aborted,     ///< a bounds check or a division by zero: not an ownership fault
  Faulted,
  StepLimit,   ///< bounds: not faults
  DepthLimit,
  HeapLimit,
  BadInput,    ///< a missing or ill-typed entry argument, no entry function
  Internal,    ///< malformed IR (a bug of the lowering, not of the program)
};
[[nodiscard]] std::string_view stop_name(StopKind k);

struct Stop {
  StopKind kind = StopKind::Finished;
  std::string message;   ///< Raised: the error; Aborted/limits/Internal: the reason
  std::optional<Fault> fault;
};

/* --- State ------------------------------------------------------------------ */

struct State {
  std::vector<Frame> frames;
  std::vector<Root> roots;
  std::vector<HeapBlock> blocks;
  std::string output;
  std::vector<Event> events;
  std::uint64_t steps = 0;
  std::uint64_t branches = 0;        ///< branch ordinal, for forced choices
  std::uint64_t live_heap_cells = 0;
  std::uint32_t next_frame = 0;
  std::optional<std::string> raised; ///< the entry frame raised; E-Exit comes next
  std::optional<Stop> stop;          ///< final state
  /// Roots written by the last step (filled only when recording, for traces).
  bool record_changes = false;
  std::vector<RootId> changed;
};

/* --- Inputs ----------------------------------------------------------------- */

using InputValue = std::variant<std::int64_t, bool>;

struct BranchSite {
  std::uint64_t ordinal = 0;   ///< 0 for the first branch executed in the run
  std::uint64_t step = 0;
  ir::FunctionId function = ir::none;
  ir::BlockId block = ir::none;
  bool condition = false;      ///< the value the condition evaluated to
};

/// Where the run's inputs come from: the entry function's Int/Bool parameters
/// and, optionally, forced branch outcomes (to replay a witness path).
class InputOracle {
 public:
  virtual ~InputOracle() = default;
  [[nodiscard]] virtual std::optional<InputValue> entry_argument(std::string_view name,
                                                                 ir::TypeKind kind) = 0;
  [[nodiscard]] virtual std::optional<bool> branch_choice(const BranchSite&) { return std::nullopt; }
};

/// Parameters by name; forced branches by ordinal.
class MapOracle : public InputOracle {
 public:
  std::unordered_map<std::string, InputValue> arguments;
  std::unordered_map<std::uint64_t, bool> forced_branches;
  std::optional<InputValue> entry_argument(std::string_view name, ir::TypeKind) override;
  std::optional<bool> branch_choice(const BranchSite& site) override;
};

/// Parses `name=value` (Int in decimal, Bool as True/False/true/false).
/// Returns an error message on bad syntax.
[[nodiscard]] std::optional<std::string> parse_argument(std::string_view text, MapOracle& into);

/* --- Program and running ---------------------------------------------------- */

struct Limits {
  std::uint64_t max_steps = 50'000'000;
  std::uint32_t max_frames = 10'000;
  std::uint64_t max_heap_cells = 10'000'000;
};

struct Program {
  const ir::Module* module = nullptr;
  ir::FunctionId entry = ir::none;   ///< none: module->entry
  Limits limits;
  /// The checker accepted the program: every step premise is a checker
  /// obligation (§9), and a safe fault is reported as "checker unsound".
  bool accepted = false;
  InputOracle* oracle = nullptr;
};

/// The initial state: one frame for the entry function, its Int/Bool
/// parameters from the oracle. A bad or missing input gives a stopped state
/// (Internal) whose message says which.
[[nodiscard]] State initial_state(const Program& program);

struct StepResult {
  Rule rule = Rule::E_Goto;   ///< the rule applied (or attempted, on a fault)
  bool faulted = false;       ///< state.stop holds the fault
};

/// Applies exactly one rule to `state` in place. On a fault or the end of the
/// run, state.stop is set. Must not be called on a stopped state.
StepResult step_in_place(const Program& program, State& state);

/// The pure form: the next state, or the fault (or other stop) reached.
struct Transition {
  Rule rule;
  State next;
};
[[nodiscard]] std::variant<Transition, Stop> step(const Program& program, const State& state);

struct Outcome {
  Stop stop;
  std::string output;
  std::vector<Event> events;
  std::uint64_t steps = 0;
  /// Accepted program with a safe fault or a violated premise (§9).
  bool checker_unsound = false;
};

/// Runs from the initial state to a final state or a bound.
[[nodiscard]] Outcome run_program(const Program& program);
/// Runs an already built state to the end (used by trace and tests).
[[nodiscard]] Outcome finish(const Program& program, State state);

/* --- Rendering --------------------------------------------------------------- */

/// `main.a`, `main.a.color`, `heap3[0]`.
[[nodiscard]] std::string loc_name(const ir::Module& m, const State& s, const Loc& loc);
/// `5`, `"abc"`, `Balloon{color: "red"}`, `⊥` (uninitialized).
[[nodiscard]] std::string render_tree(const ir::Module& m, const State& s, const Tree& t);
/// What the next step will execute: the instruction or terminator at the pc, or
/// a pending expansion (`heap2[0] := move main.p`).
[[nodiscard]] std::string describe_next(const Program& program, const State& state);
/// "F-Uninit during E-Move at step 12: …" plus evidence lines.
[[nodiscard]] std::string render_fault(const Fault& f);
/// "checker unsound at rule E-Move: …" (for an accepted program's fault).
[[nodiscard]] std::string render_unsound(const Fault& f);

}  // namespace ownmodel::run
