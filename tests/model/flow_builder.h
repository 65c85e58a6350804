#pragma once
// Hand-built Core IR for the flow tests: a module with the built-in types and
// the helper structs of docs/semantics.md §3.2, and small builders for
// functions, places and instructions. Positions are source lines: a place or
// instruction built with line L has span L:col.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "model/flow/flow.h"
#include "model/ir/core_ir.h"
#include "model/ir/print.h"
#include "model/rules/report.h"

namespace ownmodel::flowtest {

using namespace ownmodel::ir;
using ast::Convention;

inline Span at(std::uint32_t line, std::uint32_t col = 5) {
  return line ? Span{line, col, line, col + 1} : Span{};
}

/// `s.f1.f2…` at `line`.
inline Place P(SlotId s, std::vector<std::uint32_t> fields = {}, std::uint32_t line = 0) {
  Place p;
  p.slot = s;
  for (std::uint32_t f : fields) p.path.push_back(Proj{ProjKind::Field, f, none, 0});
  p.span = at(line, 9);
  return p;
}
/// `(*s).f1…`: a field of a reference parameter or ref binding.
inline Place D(SlotId s, std::vector<std::uint32_t> fields = {}, std::uint32_t line = 0) {
  Place p = P(s, std::move(fields), line);
  p.path.insert(p.path.begin(), Proj{ProjKind::Deref, 0, none, 0});
  return p;
}
/// `s[i]`.
inline Place E(SlotId s, std::int64_t i, std::uint32_t line = 0) {
  Place p = P(s, {}, line);
  p.path.push_back(Proj{ProjKind::Element, 0, none, i});
  return p;
}
inline Operand O(Place p) { return Operand{std::move(p)}; }
inline Operand C(std::int64_t v) { return Operand{Const{v}}; }
inline Operand C(const char* v) { return Operand{Const{std::string(v)}}; }
inline Const K(const char* v) { return Const{std::string(v)}; }
inline Const K(std::int64_t v) { return Const{v}; }
inline CallArg A(ArgMode mode, Place p, std::uint32_t line = 0) {
  return CallArg{mode, Operand{std::move(p)}, at(line, 15)};
}

struct FunctionBuilder {
  Function f;

  explicit FunctionBuilder(std::string name, FunctionKind kind = FunctionKind::Plain) {
    f.name = name;
    f.display_name = std::move(name);
    f.kind = kind;
    f.result_type = none;
  }

  SlotId slot(std::string name, TypeId t, SlotKind k, std::uint32_t line,
              Holding h = Holding::Value, Convention c = Convention::Default) {
    Slot s;
    s.name = std::move(name);
    s.type = t;
    s.kind = k;
    s.holding = h;
    s.convention = c;
    s.is_mutable = k != SlotKind::Param || (c != Convention::Default && c != Convention::Ref);
    s.span = at(line, 9);
    f.slots.push_back(std::move(s));
    const SlotId id = static_cast<SlotId>(f.slots.size() - 1);
    if (k == SlotKind::Param) f.params.push_back(id);
    return id;
  }
  /// A parameter: mut and default/ref ones hold references, the others values.
  SlotId param(std::string name, TypeId t, Convention c, std::uint32_t line = 1, bool by_value = false) {
    Holding h = Holding::Value;
    if (!by_value && (c == Convention::Default || c == Convention::Ref)) h = Holding::ImmRef;
    if (c == Convention::Mut) h = Holding::MutRef;
    return slot(std::move(name), t, SlotKind::Param, line, h, c);
  }
  SlotId local(std::string name, TypeId t, std::uint32_t line) {
    return slot(std::move(name), t, SlotKind::Local, line);
  }
  SlotId temp(std::string name, TypeId t, std::uint32_t line) {
    return slot(std::move(name), t, SlotKind::Temp, line);
  }
  SlotId error(TypeId t) {
    f.error = slot("$err", t, SlotKind::Error, 0);
    return f.error;
  }
  SlotId result(TypeId t) {
    f.result = slot("$ret", t, SlotKind::Result, 0);
    f.result_type = t;
    return f.result;
  }
  SlotId ref(std::string name, TypeId t, std::vector<Place> origins, bool interior, std::uint32_t line,
             Holding h = Holding::ImmRef, SlotKind k = SlotKind::RefBinding) {
    const SlotId id = slot(std::move(name), t, k, line, h);
    for (Place& o : origins) o.span = Span{};
    f.slots[id].origins = std::move(origins);
    f.slots[id].interior = interior;
    return id;
  }

  BlockId block(std::string label) {
    f.blocks.push_back(BasicBlock{std::move(label), {}, {}});
    return static_cast<BlockId>(f.blocks.size() - 1);
  }
  void add(BlockId b, Instr::Node n, std::uint32_t line) {
    f.blocks[b].instrs.push_back(Instr{std::move(n), at(line)});
  }
  void term(BlockId b, Terminator::Node n, std::uint32_t line = 0) {
    f.blocks[b].term = Terminator{std::move(n), at(line)};
  }
  void ret(BlockId b, std::uint32_t line, bool implicit = true) { term(b, Return{implicit}, line); }
  void go(BlockId b, BlockId t) { term(b, Goto{t}); }
  void branch(BlockId b, Place cond, BlockId t, BlockId e, std::uint32_t line) {
    term(b, Branch{Operand{std::move(cond)}, t, e}, line);
  }
};

inline Instr::Node print_node(std::vector<Operand> args) {
  return Print{std::move(args), C(" "), C("\n")};
}

struct ModuleBuilder {
  Module m;
  TypeId Int, Bool, Str, Err, NoneT;

  ModuleBuilder() {
    Int = builtin(TypeKind::Int, "Int", true);
    Bool = builtin(TypeKind::Bool, "Bool", true);
    Str = builtin(TypeKind::String, "String", false);
    Err = builtin(TypeKind::Error, "Error", false);
    NoneT = builtin(TypeKind::NoneType, "NoneType", true);
    m.int_type = Int;
    m.bool_type = Bool;
    m.string_type = Str;
    m.error_type = Err;
    m.none_type = NoneT;
  }

  TypeId builtin(TypeKind k, std::string name, bool trivial) {
    TypeInfo t;
    t.kind = k;
    t.name = std::move(name);
    t.trivial = trivial;
    m.types.push_back(std::move(t));
    return static_cast<TypeId>(m.types.size() - 1);
  }
  TypeId list_of(TypeId e) {
    TypeInfo t;
    t.kind = TypeKind::List;
    t.name = fmt::format("List[{}]", m.types[e].name);
    t.element = e;
    t.trivial = false;
    t.implicitly_copyable = false;
    m.types.push_back(std::move(t));
    return static_cast<TypeId>(m.types.size() - 1);
  }
  TypeId structure(std::string name, std::vector<std::pair<std::string, TypeId>> fields,
                   bool deinitable = true, std::string message = {}) {
    TypeInfo t;
    t.kind = TypeKind::Struct;
    t.name = std::move(name);
    t.trivial = false;
    t.implicitly_copyable = false;
    t.copyable = false;
    t.deinitable = deinitable;
    for (auto& [n, ty] : fields) {
      t.fields.push_back(FieldInfo{n, ty, {}});
      if (!m.types[ty].deinitable) t.deinitable = false;
    }
    t.explicit_destroy_message = std::move(message);
    m.types.push_back(std::move(t));
    return static_cast<TypeId>(m.types.size() - 1);
  }
  FunctionId add(FunctionBuilder fb) {
    if (fb.f.result_type == none) fb.f.result_type = NoneT;
    m.functions.push_back(std::move(fb.f));
    return static_cast<FunctionId>(m.functions.size() - 1);
  }
  /// A callee whose body does not matter: its parameters, then `return`.
  FunctionId stub(std::string name, std::vector<std::pair<TypeId, Convention>> params,
                  bool raises = false) {
    FunctionBuilder fb(std::move(name));
    std::size_t i = 0;
    for (auto [t, c] : params) {
      const bool trivial = m.types[t].trivial;
      fb.param(fmt::format("p{}", i++), t, c, 0, trivial && c != Convention::Mut);
    }
    fb.f.raises = raises;
    if (raises) fb.error(Err);
    fb.f.synthesized = true;  // no diagnostics about its body
    const BlockId b = fb.block("entry");
    fb.ret(b, 0);
    return add(std::move(fb));
  }
};

/* --- Running the analysis --------------------------------------------------- */

inline std::vector<Diagnostic> check(const Module& m, const RuleSet& rules = RuleSet()) {
  DiagnosticSink sink(rules);
  flow::check_flow(m, sink);
  return sink.take();
}

/// "S1@4 use of uninitialized value 'x' [note@3 value transferred here]", one per line.
inline std::string describe(const std::vector<Diagnostic>& ds) {
  std::string out;
  for (const Diagnostic& d : ds) {
    out += fmt::format("{}@{} {}", d.code, d.span.line, d.message);
    for (const DiagnosticNote& n : d.notes) out += fmt::format(" [note@{} {}]", n.span.line, n.message);
    out += '\n';
  }
  return out;
}

/// Only the diagnostics of one rule.
inline std::string describe(const std::vector<Diagnostic>& ds, std::string_view code) {
  std::vector<Diagnostic> keep;
  for (const Diagnostic& d : ds)
    if (d.code == code) keep.push_back(d);
  return describe(keep);
}

/// The elaborated blocks of one function, one line per block:
/// "label: L3 L4 destroy x [D1] L5 | goto" where Ln is a non-destroy
/// instruction of source line n.
inline std::string trace(const Module& m, const Function& f) {
  std::string out;
  for (BlockId b = 0; b < f.blocks.size(); ++b) {
    const BasicBlock& block = f.blocks[b];
    out += fmt::format("{}{}:", b == f.entry ? "*" : "", block.label);
    for (const Instr& i : block.instrs) {
      if (const auto* d = std::get_if<Destroy>(&i.node))
        out += fmt::format(" destroy {} [{}]", print_place(m, f, d->place), spec_name(d->rule));
      else if (const auto* mv = std::get_if<Move>(&i.node))
        out += fmt::format(" L{}:move({})", i.span.line, print_place(m, f, mv->src));
      else if (const auto* cp = std::get_if<Copy>(&i.node))
        out += fmt::format(" L{}:copy({})", i.span.line, print_place(m, f, cp->src));
      else if (const auto* call = std::get_if<Call>(&i.node); call && call->unwind != none)
        out += fmt::format(" L{}:unwind({})", i.span.line, f.blocks[call->unwind].label);
      else
        out += fmt::format(" L{}", i.span.line);
    }
    std::visit(
        [&](const auto& t) {
          using T = std::decay_t<decltype(t)>;
          if constexpr (std::is_same_v<T, Goto>) out += fmt::format(" | goto {}", f.blocks[t.target].label);
          else if constexpr (std::is_same_v<T, Branch>)
            out += fmt::format(" | branch {} {}", f.blocks[t.then_block].label, f.blocks[t.else_block].label);
          else if constexpr (std::is_same_v<T, Return>) out += " | return";
          else if constexpr (std::is_same_v<T, Raise>) out += " | raise";
          else out += " | unreachable";
        },
        block.term.node);
    out += '\n';
  }
  return out;
}

}  // namespace ownmodel::flowtest
