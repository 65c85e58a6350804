#pragma once
// Hand-built Core IR modules for the interpreter's tests: the machine is
// tested against the IR contract directly, independent of lowering and
// elaboration. Every instruction gets a distinct source line (its position in
// emission order) so faults can be checked for their span.

#include <string>
#include <utility>
#include <vector>

#include "model/ir/core_ir.h"
#include "reference-impl/machine.h"

namespace ownmodel::testing {

namespace ir = ownmodel::ir;

inline ir::Place P(ir::SlotId s) { return ir::Place{s, {}, {}}; }
inline ir::Place field(ir::Place p, std::uint32_t f) {
  p.path.push_back(ir::Proj{ir::ProjKind::Field, f, ir::none, 0});
  return p;
}
inline ir::Place deref(ir::Place p) {
  p.path.push_back(ir::Proj{ir::ProjKind::Deref, 0, ir::none, 0});
  return p;
}
inline ir::Place pointee(ir::Place p) {
  p.path.push_back(ir::Proj{ir::ProjKind::Pointee, 0, ir::none, 0});
  return p;
}
inline ir::Place elem(ir::Place p, std::int64_t i) {
  p.path.push_back(ir::Proj{ir::ProjKind::Element, 0, ir::none, i});
  return p;
}
inline ir::Place elem_at(ir::Place p, ir::SlotId index) {
  p.path.push_back(ir::Proj{ir::ProjKind::Element, 0, index, 0});
  return p;
}
inline ir::Operand O(ir::Place p) { return ir::Operand{std::move(p)}; }
inline ir::Operand CI(std::int64_t v) { return ir::Operand{ir::Const{v}}; }
inline ir::Operand CB(bool v) { return ir::Operand{ir::Const{v}}; }
inline ir::Operand CS(std::string v) { return ir::Operand{ir::Const{std::move(v)}}; }

inline ir::CallArg ref(ir::Place p) { return {ir::ArgMode::Ref, O(std::move(p)), {}}; }
inline ir::CallArg mref(ir::Place p) { return {ir::ArgMode::MutRef, O(std::move(p)), {}}; }
inline ir::CallArg own(ir::Place p) { return {ir::ArgMode::Own, O(std::move(p)), {}}; }
inline ir::CallArg val(ir::Operand o) { return {ir::ArgMode::Val, std::move(o), {}}; }
inline ir::CallArg out(ir::Place p) { return {ir::ArgMode::Out, O(std::move(p)), {}}; }

inline ir::Instr::Node cnst(ir::Place dst, ir::Operand c) {
  return ir::AssignConst{std::move(dst), std::get<ir::Const>(c.value)};
}
inline ir::Instr::Node op(ir::Place dst, ir::OpKind k, std::vector<ir::Operand> args) {
  return ir::AssignOp{std::move(dst), ir::OpApp{k, std::move(args)}};
}
inline ir::Instr::Node copy(ir::Place dst, ir::Place src) {
  return ir::Copy{std::move(dst), std::move(src), ir::CopyOrigin::Implicit};
}
inline ir::Instr::Node move(ir::Place dst, ir::Place src) { return ir::Move{std::move(dst), std::move(src)}; }
inline ir::Instr::Node destroy(ir::Place p) { return ir::Destroy{std::move(p), Rule::D1, false}; }
inline ir::Instr::Node print(std::vector<ir::Operand> args) {
  return ir::Print{std::move(args), CS(" "), CS("\n")};
}
inline ir::Instr::Node call(ir::FunctionId f, std::vector<ir::CallArg> args, ir::BlockId unwind = ir::none) {
  return ir::Call{f, std::move(args), unwind};
}

struct StructSpec {
  std::string name;
  std::vector<std::pair<std::string, ir::TypeId>> fields;
  bool copyable = true;
  bool movable = true;
  bool deinitable = true;
  bool trivial = false;
};

class ModuleBuilder {
 public:
  ir::Module m;

  static ir::TypeInfo builtin(ir::TypeKind k, std::string name, ir::TypeId element, bool copyable,
                              bool icopy, bool deinitable, bool trivial) {
    ir::TypeInfo t;
    t.kind = k;
    t.name = std::move(name);
    t.element = element;
    t.copyable = copyable;
    t.implicitly_copyable = icopy;
    t.deinitable = deinitable;
    t.trivial = trivial;
    return t;
  }

  ModuleBuilder() {
    m.int_type = add(builtin(ir::TypeKind::Int, "Int", ir::none, true, true, true, true));
    m.bool_type = add(builtin(ir::TypeKind::Bool, "Bool", ir::none, true, true, true, true));
    m.string_type = add(builtin(ir::TypeKind::String, "String", ir::none, true, true, true, false));
    m.error_type = add(builtin(ir::TypeKind::Error, "Error", ir::none, true, true, true, false));
    m.none_type = add(builtin(ir::TypeKind::NoneType, "NoneType", ir::none, true, true, true, true));
  }
  [[nodiscard]] ir::TypeId Int() const { return m.int_type; }
  [[nodiscard]] ir::TypeId Bool() const { return m.bool_type; }
  [[nodiscard]] ir::TypeId Str() const { return m.string_type; }
  [[nodiscard]] ir::TypeId Err() const { return m.error_type; }

  ir::TypeId add(ir::TypeInfo t) {
    m.types.push_back(std::move(t));
    return static_cast<ir::TypeId>(m.types.size() - 1);
  }
  ir::TypeId list_of(ir::TypeId e) {
    const bool c = m.types[e].copyable;
    return add(builtin(ir::TypeKind::List, "List[" + m.types[e].name + "]", e, c, false, m.types[e].deinitable,
                       false));
  }
  ir::TypeId box_of(ir::TypeId e) {
    const bool c = m.types[e].copyable;
    return add(builtin(ir::TypeKind::OwnedPointer, "OwnedPointer[" + m.types[e].name + "]", e, c, false,
                       m.types[e].deinitable, false));
  }
  ir::TypeId uptr_of(ir::TypeId e) {
    return add(builtin(ir::TypeKind::UnsafePointer, "UnsafePointer[" + m.types[e].name + "]", e, true, true, true,
                       true));
  }
  ir::TypeId add_struct(const StructSpec& s) {
    ir::TypeInfo t;
    t.kind = ir::TypeKind::Struct;
    t.name = s.name;
    for (const auto& [n, ty] : s.fields) t.fields.push_back({n, ty, {}});
    t.copyable = s.copyable;
    t.implicitly_copyable = false;
    t.movable = s.movable;
    t.deinitable = s.deinitable;
    t.trivial = s.trivial;
    return add(std::move(t));
  }
  ir::FunctionId add_function(ir::Function f) {
    m.functions.push_back(std::move(f));
    return static_cast<ir::FunctionId>(m.functions.size() - 1);
  }
  /// Reserves an id so functions can call each other (recursion, methods).
  ir::FunctionId reserve(const std::string& name) {
    ir::Function f;
    f.name = name;
    return add_function(std::move(f));
  }
};

class FnBuilder {
 public:
  ir::Function f;
  ir::BlockId cur = 0;

  explicit FnBuilder(std::string name, ir::FunctionKind kind = ir::FunctionKind::Plain,
                     ir::TypeId self_type = ir::none) {
    f.name = name;
    f.display_name = std::move(name);
    f.kind = kind;
    f.self_type = self_type;
    f.blocks.push_back(ir::BasicBlock{"entry", {}, {ir::Return{}, {}}});
  }

  ir::SlotId slot(std::string name, ir::TypeId t, ir::SlotKind kind, ir::Holding h = ir::Holding::Value,
                  ast::Convention conv = ast::Convention::Default) {
    ir::Slot s;
    s.name = std::move(name);
    s.type = t;
    s.kind = kind;
    s.holding = h;
    s.convention = conv;
    s.is_mutable = true;
    f.slots.push_back(std::move(s));
    return static_cast<ir::SlotId>(f.slots.size() - 1);
  }
  /// A parameter; reference conventions (default, mut) hold a reference.
  ir::SlotId param(std::string name, ir::TypeId t, ast::Convention conv,
                   ir::Holding h = ir::Holding::Value) {
    const ir::SlotId s = slot(std::move(name), t, ir::SlotKind::Param, h, conv);
    f.params.push_back(s);
    return s;
  }
  ir::SlotId local(std::string name, ir::TypeId t) { return slot(std::move(name), t, ir::SlotKind::Local); }
  ir::SlotId ref_local(std::string name, ir::TypeId t, bool mut = false) {
    return slot(std::move(name), t, ir::SlotKind::RefBinding, mut ? ir::Holding::MutRef : ir::Holding::ImmRef);
  }
  ir::SlotId temp(ir::TypeId t) {
    return slot("$t" + std::to_string(f.slots.size()), t, ir::SlotKind::Temp);
  }
  ir::SlotId result(ir::TypeId t) {
    f.result = slot("$ret", t, ir::SlotKind::Result);
    f.result_type = t;
    return f.result;
  }
  ir::SlotId error_slot(ir::TypeId err) {
    f.error = slot("$err", err, ir::SlotKind::Error);
    return f.error;
  }
  ir::BlockId block(std::string label) {
    f.blocks.push_back(ir::BasicBlock{std::move(label), {}, {ir::Return{}, {}}});
    return static_cast<ir::BlockId>(f.blocks.size() - 1);
  }
  FnBuilder& at(ir::BlockId b) {
    cur = b;
    return *this;
  }
  FnBuilder& add(ir::Instr::Node n) {
    ++line_;
    f.blocks[cur].instrs.push_back(ir::Instr{std::move(n), Span{line_, 5, line_, 10}});
    return *this;
  }
  FnBuilder& term(ir::Terminator::Node t) {
    ++line_;
    f.blocks[cur].term = ir::Terminator{std::move(t), Span{line_, 5, line_, 10}};
    return *this;
  }
  [[nodiscard]] std::uint32_t last_line() const { return line_; }

 private:
  std::uint32_t line_ = 0;
};

/// Runs `m` from `entry` (default: m.entry) with the given limits.
inline run::Outcome run_module(const ir::Module& m, bool accepted = false, run::InputOracle* oracle = nullptr,
                               run::Limits limits = {}) {
  run::Program p;
  p.module = &m;
  p.accepted = accepted;
  p.oracle = oracle;
  p.limits = limits;
  return run::run_program(p);
}

inline std::vector<std::string> event_strings(const run::Outcome& o) {
  std::vector<std::string> out;
  for (const auto& e : o.events) out.push_back(run::to_string(e));
  return out;
}

}  // namespace ownmodel::testing
