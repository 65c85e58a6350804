#pragma once
// Internal interface of the lowering (model/sema/lower.h), shared by its .cpp
// files: the module-wide context (type table, signatures, diagnostics) and the
// per-function lowerer. Nothing here is used outside model/sema/.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "model/ir/core_ir.h"
#include "model/rules/report.h"
#include "model/sema/lower.h"
#include "model/syntax/ast.h"

namespace ownmodel::sema::detail {

using ir::BlockId;
using ir::FunctionId;
using ir::SlotId;
using ir::TypeId;
inline constexpr std::uint32_t none = ir::none;

/* --- Signatures ---------------------------------------------------------- */

struct ParamSig {
  std::string name;
  ast::Convention conv = ast::Convention::Default;
  TypeId type = none;
  const ast::Expr* default_value = nullptr;
  bool keyword_only = false;
  bool is_self = false;
  Span span;
};

/// What a call site needs to know about its callee.
struct Signature {
  const ast::Function* decl = nullptr;  ///< null for a synthesized function
  const ast::Struct* owner = nullptr;
  TypeId self_type = none;
  std::string display;                  ///< name used in messages
  std::vector<ParamSig> params;
  TypeId result_type = none;            ///< the NoneType id when there is no `->`
  bool result_is_ref = false;
  std::vector<std::size_t> result_origin_params;  ///< indices into params
  bool result_interior = false;         ///< a `ref` result into an element or pointee
  bool result_origins_ok = true;        ///< false after S10a: S10b is not checked then
  bool raises = false;
  int out_param = -1;                   ///< the out parameter whose value the call produces
  ir::FunctionKind kind = ir::FunctionKind::Plain;
  bool is_method = false;
};

/* --- Module context -------------------------------------------------------- */

struct Ctx {
  Ctx(const ast::Module& m, DiagnosticSink& s, const LowerLimits& l)
      : ast(m), sink(s), limits(l) {}

  const ast::Module& ast;
  DiagnosticSink& sink;
  const LowerLimits& limits;
  ir::Module mod;
  std::vector<Signature> sigs;  ///< parallel to mod.functions
  std::map<std::string, TypeId> structs;
  std::map<TypeId, const ast::Struct*> struct_decl;
  std::map<std::string, std::vector<FunctionId>> functions;  ///< free functions
  std::map<TypeId, std::map<std::string, std::vector<FunctionId>>> methods;
  std::map<std::pair<int, TypeId>, TypeId> instances;
  bool fatal = false;     ///< an S0, unsupported or limit error: no module
  bool limit_hit = false;
  std::size_t instr_count = 0;

  void s0(Span where, std::string message);
  void unsupported(Span where, const std::string& what);
  void limit(Span where, const std::string& what);

  // types.cpp
  void add_builtin_types();
  TypeId instance(ir::TypeKind kind, TypeId element);
  std::optional<TypeId> resolve_type(const ast::Type& t, TypeId self_type, bool report = true);
  [[nodiscard]] const ir::TypeInfo& info(TypeId t) const { return mod.types.at(t); }
  [[nodiscard]] std::string type_name(TypeId t) const {
    return t == none ? std::string("<error>") : mod.types.at(t).name;
  }
  [[nodiscard]] bool trivial(TypeId t) const { return t != none && mod.types.at(t).trivial; }
  [[nodiscard]] bool is_kind(TypeId t, ir::TypeKind k) const {
    return t != none && mod.types.at(t).kind == k;
  }
};

// types.cpp: user structs, their fields and capabilities (§2.1), S12e, S12f.
void declare_structs(Ctx& c);
void finish_struct_types(Ctx& c);
void compute_capabilities(Ctx& c);

// signatures.cpp: function shells, parameter slots, S12a–S12d/S12g, S10a.
void declare_functions(Ctx& c);

/* --- Per-function lowering -------------------------------------------------- */

/// A source place after lowering: the IR place plus what the local rules need.
struct PlaceRef {
  ir::Place place;
  TypeId type = none;
  bool is_mutable = false;
  bool imm_root = false;     ///< rooted in or reached through an immutable reference (S4a)
  bool rooted_var = false;   ///< a variable (not a ref binding) followed by fields (S4c)
  bool temp = false;         ///< an rvalue materialized in a temporary
  bool ok = true;            ///< false after an S0 error
};

/// A value for reading: a place or a constant.
struct Value {
  ir::Operand op;
  TypeId type = none;
  bool ok = true;
};

/// Where an owned value goes: a rooted place written directly, or a place
/// behind a reference, subscript or pointer written with `store` (D4).
struct Target {
  ir::Place place;
  bool store = false;
};
using DestFn = std::function<Target(TypeId)>;

/// What one argument of a call accesses (S9).
struct Access {
  ir::Place place;   ///< abstract place (rooted, or through a reference parameter)
  bool write = false;
  bool embedded = false;  ///< through a pointer value's origin
  TypeId value_type = none;
};
struct ArgAccess {
  std::vector<Access> accesses;
  Span span;
  std::string conv;  ///< "mut", "ref", "read", "var"
  std::string spelling;
};

class FnLowerer {
 public:
  FnLowerer(Ctx& c, FunctionId id);
  void run();
  void run_fieldwise();

 private:
  friend struct CallLowering;
  ir::Function& fn() { return c_.mod.functions[id_]; }
  const Signature& sig() const { return c_.sigs[id_]; }

  // --- emission (lower_stmt.cpp)
  void emit(ir::Instr::Node node, Span span);
  BlockId new_block(std::string label);
  void terminate(ir::Terminator::Node term, Span span);
  void goto_block(BlockId target, Span span);
  void set_block(BlockId b) { cur_ = b; }
  SlotId new_slot(ir::Slot s);
  SlotId new_temp(TypeId t, Span span, ir::Holding h = ir::Holding::Value);
  SlotId new_hidden(const std::string& base, TypeId t, Span span,
                    ir::Holding h = ir::Holding::Value);
  SlotId error_slot();
  void finish();

  // --- scopes
  std::optional<SlotId> lookup(const std::string& name) const;
  void declare(const std::string& name, SlotId slot, Span span);
  std::set<std::string> implicit_names_;

  // --- statements (lower_stmt.cpp)
  void lower_block(const ast::Block& block, bool new_scope = true);
  void lower_stmt(const ast::Stmt& s);
  void lower_var_decl(const ast::VarDecl& d, Span span);
  void lower_ref_decl(const ast::RefDecl& d, Span span);
  void lower_assign(const ast::Assign& a, Span span);
  void lower_aug_assign(const ast::AugAssign& a, Span span);
  void lower_discard(const ast::Discard& d, Span span);
  void lower_if(const ast::If& s, Span span);
  void lower_while(const ast::While& s, Span span);
  void lower_for(const ast::For& s, Span span);
  /// The shape both `for` forms share: a head testing `$k < bound()`, a body
  /// whose first instruction binds the loop variable (`bind` returns its
  /// slot), and a `next` block that increments `$k` and jumps back.
  void lower_counted_loop(const ast::For& s, Span span, SlotId k,
                          const std::function<ir::Operand()>& bound,
                          const std::function<SlotId()>& bind);
  void lower_return(const ast::Return& r, Span span);
  void lower_raise(const ast::Raise& r, Span span);
  void lower_try(const ast::Try& t, Span span);

  // --- expressions (lower_expr.cpp)
  bool is_place_expr(const ast::Expr& e);
  PlaceRef lower_place(const ast::Expr& e);
  Value lower_read(const ast::Expr& e, TypeId expected = none);
  TypeId lower_owned(const ast::Expr& e, TypeId expected, const DestFn& dest);
  ir::Place owned_place(const ast::Expr& e, TypeId expected, TypeId* type_out);
  Value lower_cond(const ast::Expr& e);
  TypeId lower_binary(const ast::Binary& b, Span span, const DestFn& dest);
  TypeId lower_unary(const ast::Unary& u, Span span, const DestFn& dest);
  TypeId lower_logic(const ast::Binary& b, Span span, const DestFn& dest);
  TypeId lower_list_lit(const ast::ListLit& l, Span span, TypeId expected, const DestFn& dest);
  Value materialize_read(const ast::Expr& e, TypeId expected);
  ir::Operand index_operand(const ast::Expr& e, ir::Proj& proj);
  DestFn temp_dest(Span span, SlotId* slot_out = nullptr);

  // --- writes
  void write_const(const Target& t, ir::Const c, Span span);
  void write_op(const Target& t, ir::OpApp app, Span span);
  void write_copy(const Target& t, const ir::Place& src, ir::CopyOrigin o, Span span);
  void write_move(const Target& t, const ir::Place& src, Span span);
  /// A rooted destination for an instruction that cannot store through a reference.
  ir::Place rooted_dst(const Target& t, TypeId type, Span span);
  void finish_store(const Target& t, const ir::Place& tmp, Span span);
  bool needs_store(const ir::Place& p);
  void copy_origins(const ir::Place& dst, const ir::Place& src);
  void add_origins(const ir::Place& dst, const std::vector<ir::Place>& origins);

  // --- calls (lower_call.cpp)
  bool is_ref_call(const ast::Call& call);
  TypeId lower_call(const ast::Call& call, Span span, const DestFn* dest, PlaceRef* ref_out);
  TypeId lower_builtin_call(const std::string& name, const ast::Call& call, Span span,
                            const DestFn* dest, bool* handled);
  TypeId lower_method_call(const ast::Field& callee, const ast::Call& call, Span span,
                           const DestFn* dest, PlaceRef* ref_out, bool* handled);
  TypeId lower_user_call(FunctionId f, const ast::Expr* receiver, const ast::Call& call,
                         Span span, const DestFn* dest, PlaceRef* ref_out);
  std::optional<FunctionId> pick_overload(const std::vector<FunctionId>& cands,
                                          const ast::Expr* receiver, const ast::Call& call,
                                          const std::string& what, Span span);
  TypeId guess_type(const ast::Expr& e);
  void emit_call(ir::Call call, bool raises, Span span);
  TypeId lower_copy_call(const ast::Expr& src, Span span, const DestFn* dest);
  DestFn value_dest(const DestFn* dest, Span span);

  // --- local rules (local_rules.cpp)
  void check_transfer(const PlaceRef& p, const ast::Expr& transfer, bool into_new_location,
                      bool* trivial_noop);
  void check_implicit_copy(TypeId t, Span span);
  void check_exclusivity(const std::string& callee, const std::vector<ArgAccess>& args,
                         Span span);
  void check_assignable(TypeId from, TypeId to, Span span);
  std::vector<Access> place_accesses(const ir::Place& p, bool write);
  std::vector<Access> embedded_accesses(const ir::Place& p);
  struct Origins {
    std::vector<ir::Place> places;
    bool interior = false;
  };
  Origins origins_of(const ir::Place& p);
  std::string spell(const ir::Place& p);

  Ctx& c_;
  FunctionId id_;
  BlockId cur_ = 0;
  std::vector<std::map<std::string, SlotId>> scopes_;
  struct Loop {
    BlockId cont;
    BlockId brk;
  };
  std::vector<Loop> loops_;
  std::vector<BlockId> handlers_;
  int temps_ = 0;
  BlockId fallthrough_ = none;
};

/// Removes blocks unreachable from the entry and renumbers the rest; returns the
/// new id of `keep` (or none when it was removed).
BlockId compact_blocks(ir::Function& f, BlockId keep);

}  // namespace ownmodel::sema::detail
