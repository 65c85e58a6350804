#pragma once
// Core IR (docs/semantics.md §6): the explicit form every checked function is
// lowered to. Copies, moves, borrows and destructions are separate
// instructions; there are no nested expressions. The static checker's flow
// analysis, the elaborator (which inserts `destroy` and turns implicit copies
// at a last use into moves), the reference interpreter and the Z3 encoding all
// read this one representation. A module is self-contained: it carries the
// type table (fields, capabilities under the active rule set, lifecycle
// methods), so its readers never go back to the AST.
//
// Ids are indices: TypeId into Module::types, FunctionId into
// Module::functions, SlotId into Function::slots, BlockId into
// Function::blocks. `none` marks an absent id.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "model/rules/rule.h"
#include "model/syntax/ast.h"
#include "model/syntax/span.h"

namespace ownmodel::ir {

using TypeId = std::uint32_t;
using FunctionId = std::uint32_t;
using SlotId = std::uint32_t;
using BlockId = std::uint32_t;
inline constexpr std::uint32_t none = UINT32_MAX;

/* --- Types ------------------------------------------------------------- */

enum class TypeKind : std::uint8_t {
  Int, Bool, String, Error,
  NoneType,       ///< the result type of a function without `->`
  List,           ///< List[element]: owns a heap buffer
  OwnedPointer,   ///< OwnedPointer[element]: owns one heap cell
  UnsafePointer,  ///< UnsafePointer[element]: does not own
  Struct,         ///< a user struct
};

struct FieldInfo {
  std::string name;
  TypeId type = none;
  Span span;
};

/// A type and its capabilities (docs/semantics.md §2.1), computed under the
/// rule set the module was lowered with (`movable_by_default`,
/// `implicit_copy_trait`).
struct TypeInfo {
  TypeKind kind = TypeKind::Int;
  std::string name;             ///< spelled as in source: "Int", "List[String]", "Pair"
  TypeId element = none;        ///< List / OwnedPointer / UnsafePointer
  std::vector<FieldInfo> fields;  ///< Struct only, in declaration order
  bool movable = true;
  bool copyable = true;
  bool implicitly_copyable = true;
  bool deinitable = true;       ///< false: a linear type (S8)
  /// `@explicit_destroy("msg")` text for the S8 message; empty when none given.
  std::string explicit_destroy_message;
  bool trivial = true;          ///< TrivialRegisterPassable: no events, passed by value
  /// User-written lifecycle methods; `none` means synthesized field by field
  /// (when the capability holds) or built in (non-struct types).
  FunctionId copy_init = none;
  FunctionId move_init = none;
  FunctionId deinit = none;     ///< user `__deinit__`, or none
  Span span;                    ///< struct declaration; unknown for built-ins
};

/* --- Places and operands ----------------------------------------------- */

enum class ProjKind : std::uint8_t {
  Field,    ///< π.f            (field index into TypeInfo::fields)
  Deref,    ///< *π             the referent of the reference held in π
  Pointee,  ///< π[]            pointee of the OwnedPointer / UnsafePointer held in π
  Element,  ///< π[i]           List element, or UnsafePointer offset
};

/// One projection step. An element index is a slot holding an Int, or a constant.
struct Proj {
  ProjKind kind = ProjKind::Field;
  std::uint32_t field = 0;        ///< Field: index into the base type's fields
  SlotId index_slot = none;       ///< Element: the index slot, or none for a constant
  std::int64_t index_const = 0;   ///< Element with index_slot == none
  friend bool operator==(const Proj&, const Proj&) = default;
};

/// A place: a slot followed by projections. `span` is the source occurrence
/// that produced it (for diagnostics); it is not part of the place's identity.
struct Place {
  SlotId slot = none;
  std::vector<Proj> path;
  Span span;
  friend bool operator==(const Place&, const Place&) = default;
};

/// A built-in constant: Int, Bool or String.
struct Const {
  std::variant<std::int64_t, bool, std::string> value;
  friend bool operator==(const Const&, const Const&) = default;
};

struct Operand {
  std::variant<Place, Const> value;
  friend bool operator==(const Operand&, const Operand&) = default;
};

/* --- Instructions ------------------------------------------------------ */

enum class OpKind : std::uint8_t {
  Add, Sub, Mul, FloorDiv, Mod, Neg,   // Int (64-bit wrap-around; // and % round to -inf)
  Eq, Ne, Lt, Le, Gt, Ge,              // Int; Eq/Ne also Bool and String
  Not,                                 // Bool
  Concat,                              // String + String
  Len,                                 // len(List or String): operand is a place
  ToString,                            // String(Int | Bool | String)
  MakeError,                           // Error(String)
  PtrOffset,                           // UnsafePointer + Int
};

/// A built-in operation applied to operands.
struct OpApp {
  OpKind op = OpKind::Add;
  std::vector<Operand> operands;
  friend bool operator==(const OpApp&, const OpApp&) = default;
};

/// E-Assign: `dst := const c`.
struct AssignConst {
  Place dst;
  Const value;
};
/// E-Assign: `dst := op(o, …)`.
struct AssignOp {
  Place dst;
  OpApp app;
};

/// Why a copy is there. An Implicit copy is the value of a place demanded
/// without `^` (D7): at the source's last use the elaborator turns it into a
/// Move. An Explicit copy (`.copy()`, `T(copy=x)`, `init_pointee_copy`) stays.
enum class CopyOrigin : std::uint8_t { Implicit, Explicit };

/// E-Copy: `dst := copy src`, running the copy initializer of src's type.
struct Copy {
  Place dst;
  Place src;
  CopyOrigin origin = CopyOrigin::Implicit;
};
/// E-Move: `dst := move src`; src becomes uninitialized.
struct Move {
  Place dst;
  Place src;
};

enum class BorrowKind : std::uint8_t {
  Imm,   ///< `dst := borrow src`      immutable reference
  Mut,   ///< `dst := borrow mut src`  mutable reference
  Addr,  ///< `dst := addr src`        UnsafePointer(to=src)
};
/// E-Borrow: store a reference (or pointer) to src's location in dst.
struct Borrow {
  Place dst;
  Place src;
  BorrowKind kind = BorrowKind::Imm;
};

/// E-Destroy: end the value at `place` (its destructor, then its fields; D5).
/// `rule` is the policy rule that placed it (D1, D2, D3, D5), or D9 for a
/// temporary; `explicit_call` marks `p.destroy_pointee()` written in source.
struct Destroy {
  Place place;
  Rule rule = Rule::D1;
  bool explicit_call = false;
};

/// E-Store-Through-Ref (D4): replace the value behind a reference, subscript
/// or pointer: destroy the old value, then initialize from the source.
struct StoreCopy { Place src; };
struct StoreMove { Place src; };
struct Store {
  Place dst;
  std::variant<StoreCopy, StoreMove, Const, OpApp> source;
};

/// How a call passes one argument (docs/semantics.md §6 `arg`).
enum class ArgMode : std::uint8_t {
  Ref,     ///< &π      default / imm / ref on an immutable place
  MutRef,  ///< &mut π  mut / ref on a mutable place
  Own,     ///< own π   var / deinit: the location itself, in place; π ends
  Val,     ///< val o   a trivial value, copied before the call
  Out,     ///< out π   the destination of an out parameter or of the result
};

struct CallArg {
  ArgMode mode = ArgMode::Ref;
  Operand value;   ///< a Place for every mode but Val
  Span span;       ///< the source argument
};

/// E-Call. `args` follow the callee's parameters in order; when the callee has
/// a result, one more Out argument receives it (for a `ref` result: the slot
/// that receives the reference). A call to a `raises` function has an unwind
/// block and is the last instruction of its block; its error is in the
/// function's `$err` slot when the unwind block starts.
struct Call {
  FunctionId callee = none;
  std::vector<CallArg> args;
  BlockId unwind = none;
};

/// E-Alloc: `dst := alloc T, count` (alloc[T](count)).
struct Alloc {
  Place dst;
  TypeId element = none;
  Operand count;
};
/// E-Free: `free ptr` (p.free()).
struct Free {
  Place ptr;
};
/// E-Ptr-Init: `ptr_init ptr ← copy|move src` (init_pointee_copy / _move).
struct PtrInit {
  Place ptr;
  Place src;
  bool copy = false;
};
/// E-Ptr-Take: `dst := ptr_take ptr` (take_pointee).
struct PtrTake {
  Place dst;
  Place ptr;
};
/// E-Box-New: `dst := box_new src` (OwnedPointer(src^)); src is moved into a new cell.
struct BoxNew {
  Place dst;
  Place src;
};
/// E-List-New: `dst := list_new [e1, …]`; the elements are moved into the buffer.
struct ListNew {
  Place dst;
  TypeId element = none;
  std::vector<Place> elements;
};
/// E-List-Append: `list_append list ← src` (xs.append(v)); src is moved in.
struct ListAppend {
  Place list;
  Place src;
};
/// E-Print: `print(o1, …, on; sep, end)`.
struct Print {
  std::vector<Operand> args;
  Operand sep;
  Operand end;
};

struct Instr {
  using Node = std::variant<AssignConst, AssignOp, Copy, Move, Borrow, Destroy, Store, Call, Alloc,
                            Free, PtrInit, PtrTake, BoxNew, ListNew, ListAppend, Print>;
  Node node;
  Span span;   ///< the source (sub-)expression or statement it comes from
};

/* --- Terminators and blocks -------------------------------------------- */

struct Goto {
  BlockId target = none;
};
struct Branch {
  Operand cond;
  BlockId then_block = none;
  BlockId else_block = none;
};
/// E-Return (E-Exit for the entry function).
struct Return {
  /// Falling off the end of the body rather than a `return` statement: the
  /// exit messages of S3a/S7a/S7b say "at the implicit return".
  bool implicit = false;
};
/// E-Raise: leave the function with the error in `error`.
struct Raise {
  Place error;
};
/// No successor: the end of a block that control cannot reach (after an
/// infinite loop). Reaching it is a bug of the lowering, not of the program.
struct Unreachable {};

struct Terminator {
  using Node = std::variant<Goto, Branch, Return, Raise, Unreachable>;
  Node node = Unreachable{};
  Span span;
};

struct BasicBlock {
  std::string label;   ///< for printing: "entry", "if.then", "while.head", …
  std::vector<Instr> instrs;
  Terminator term;
};

/* --- Slots and functions ----------------------------------------------- */

enum class SlotKind : std::uint8_t {
  Param,
  Local,    ///< a `var` (or implicitly declared) variable, or a `for` variable
  RefBinding,  ///< `ref r = π`
  Temp,     ///< $tN: an expression temporary (D9)
  Hidden,   ///< loop counter, loop end, list iterator
  Result,   ///< $ret
  Error,    ///< $err
};

/// What a slot holds. A Value slot owns a value of `type` (tracked by the
/// flow analysis when the type is not trivial). A reference slot holds the
/// location of a place of `type`: reference parameters (default, imm, mut,
/// ref), ref bindings, loop element references, `ref` results.
enum class Holding : std::uint8_t { Value, ImmRef, MutRef };

struct Slot {
  std::string name;   ///< source name; "$t3", "$ret", "$err", "$k" for the others
  TypeId type = none;
  SlotKind kind = SlotKind::Local;
  Holding holding = Holding::Value;
  ast::Convention convention = ast::Convention::Default;  ///< Param only
  bool is_mutable = false;   ///< may be assigned, mutated or consumed (§2.3 mut(π))
  /// Reference slots, and UnsafePointer values with a tracked origin: the
  /// rooted places (of this function) they may point into (D8, S11).
  std::vector<Place> origins;
  /// Interior reference (into a List buffer or an OwnedPointer cell): S11.
  bool interior = false;
  Span span;   ///< declaration
  /// The whole declaring statement (`var x: T`, `ref r = …`), where W1 puts
  /// "never used"; unknown: `span` is used.
  Span decl_span;
};

enum class FunctionKind : std::uint8_t {
  Plain,
  Init,       ///< __init__(out self, …)
  CopyInit,   ///< __init__(out self, *, copy: Self)
  MoveInit,   ///< __init__(out self, *, deinit move: Self)
  Deinit,     ///< __deinit__(deinit self)
};

struct Function {
  std::string name;              ///< "main", "Pair.__init__", "Pair.swap"
  std::string display_name;      ///< for messages: "swap", "Pair"
  TypeId self_type = none;       ///< the struct of a method
  FunctionKind kind = FunctionKind::Plain;
  bool synthesized = false;      ///< @fieldwise_init initializer, written by the lowering
  bool raises = false;
  std::vector<SlotId> params;    ///< in declaration order (self first)
  SlotId result = none;          ///< $ret, when the function has a result
  TypeId result_type = none;     ///< NoneType when there is no `->`
  bool result_is_ref = false;
  /// `-> ref[o…] T`: the parameters named by the origin list.
  std::vector<SlotId> result_origins;
  SlotId error = none;           ///< $err, when the function raises or has a try
  std::vector<Slot> slots;
  std::vector<BasicBlock> blocks;
  BlockId entry = 0;
  Span span;
};

struct Module {
  std::vector<TypeInfo> types;
  std::vector<Function> functions;
  FunctionId entry = none;       ///< `main`, when the module has one
  /// Fixed type ids of the built-in types, so readers need no lookup.
  TypeId int_type = none, bool_type = none, string_type = none, error_type = none,
         none_type = none;
};

/* --- Helpers ------------------------------------------------------------ */

[[nodiscard]] inline const Slot& slot(const Function& f, SlotId id) { return f.slots.at(id); }
[[nodiscard]] inline const TypeInfo& type(const Module& m, TypeId id) { return m.types.at(id); }

/// The type of the value a place designates.
[[nodiscard]] TypeId type_of(const Module& m, const Function& f, const Place& p);

/// A place is rooted when it is a Value slot followed by fields only: the flow
/// analysis tracks exactly these.
[[nodiscard]] bool is_rooted(const Function& f, const Place& p);

/// The source spelling of a place for messages: `a.color`, `x` for `*x` of a
/// reference parameter, `xs[i]`, `p[]`; "(expression temporary)" for temps.
[[nodiscard]] std::string spelling(const Module& m, const Function& f, const Place& p);

}  // namespace ownmodel::ir
