// Function signatures: parameter slots, kinds of lifecycle methods, overload
// registration, the declaration rules S12a–S12c, S12g and S10a; and the entry
// point `lower`, which runs the passes in order.
#include <algorithm>
#include <deque>

#include <fmt/format.h>

#include "model/sema/lower_impl.h"

namespace ownmodel::sema::detail {

namespace {

ir::Slot param_slot(const Ctx& c, const ParamSig& p) {
  ir::Slot s;
  s.name = p.name;
  s.type = p.type;
  s.kind = ir::SlotKind::Param;
  s.convention = p.conv;
  s.span = p.span;
  switch (p.conv) {
    case ast::Convention::Default:
      // Trivial values are passed by value (§2.2); the rest by immutable reference.
      s.holding = c.trivial(p.type) ? ir::Holding::Value : ir::Holding::ImmRef;
      s.is_mutable = false;
      break;
    case ast::Convention::Ref:
      s.holding = ir::Holding::ImmRef;
      s.is_mutable = false;
      break;
    case ast::Convention::Mut:
      s.holding = ir::Holding::MutRef;
      s.is_mutable = true;
      break;
    case ast::Convention::Var:
    case ast::Convention::Out:
    case ast::Convention::Deinit:
      s.holding = ir::Holding::Value;
      s.is_mutable = true;
      break;
  }
  return s;
}

// Whether a returned expression designates an element or a pointee (an
// interior reference, S10b/S11): its place spine goes through `[…]`.
bool interior_expr(const ast::Expr& e) {
  const ast::Expr* cur = &e;
  for (int depth = 0; depth < 1000; ++depth) {
    if (std::holds_alternative<ast::Index>(cur->node)) return true;
    if (const auto* f = std::get_if<ast::Field>(&cur->node)) {
      cur = &*f->base;
      continue;
    }
    return false;
  }
  return false;
}

bool any_interior_return(const ast::Block& block) {
  for (const ast::Stmt& s : block) {
    if (const auto* r = std::get_if<ast::Return>(&s.node)) {
      if (r->value && interior_expr(*r->value)) return true;
    } else if (const auto* i = std::get_if<ast::If>(&s.node)) {
      for (const auto& b : i->branches)
        if (any_interior_return(b.body)) return true;
      if (i->orelse && any_interior_return(*i->orelse)) return true;
    } else if (const auto* w = std::get_if<ast::While>(&s.node)) {
      if (any_interior_return(w->body)) return true;
    } else if (const auto* f = std::get_if<ast::For>(&s.node)) {
      if (any_interior_return(f->body)) return true;
    } else if (const auto* t = std::get_if<ast::Try>(&s.node)) {
      if (any_interior_return(t->body) || any_interior_return(t->handler)) return true;
    }
  }
  return false;
}

// The parameter an origin expression names: `a`, or a field path `self.names`.
std::optional<std::size_t> origin_param(const ast::Expr& e, const std::vector<ParamSig>& ps) {
  const ast::Expr* cur = &e;
  for (int depth = 0; depth < 1000; ++depth) {
    if (const auto* f = std::get_if<ast::Field>(&cur->node)) {
      cur = &*f->base;
      continue;
    }
    break;
  }
  const auto* n = std::get_if<ast::Name>(&cur->node);
  if (!n) return std::nullopt;
  for (std::size_t i = 0; i < ps.size(); ++i)
    if (ps[i].name == n->id) return i;
  return std::nullopt;
}

class Declarer {
 public:
  explicit Declarer(Ctx& c) : c_(c) {}

  void declare(const ast::Function& f, const ast::Struct* owner, TypeId self_type);
  void declare_fieldwise(const ast::Struct& s, TypeId self_type);

 private:
  FunctionId add(ir::Function fn, Signature sig);
  Ctx& c_;
};

FunctionId Declarer::add(ir::Function fn, Signature sig) {
  const auto id = static_cast<FunctionId>(c_.mod.functions.size());
  for (const ParamSig& p : sig.params) {
    fn.params.push_back(static_cast<SlotId>(fn.slots.size()));
    fn.slots.push_back(param_slot(c_, p));
  }
  fn.result_type = sig.result_type;
  fn.result_is_ref = sig.result_is_ref;
  if (sig.result_type != c_.mod.none_type) {
    ir::Slot r;
    r.name = "$ret";
    r.type = sig.result_type;
    r.kind = ir::SlotKind::Result;
    r.is_mutable = true;
    if (sig.result_is_ref) {
      const bool all_mut =
          !sig.result_origin_params.empty() &&
          std::all_of(sig.result_origin_params.begin(), sig.result_origin_params.end(),
                      [&](std::size_t i) { return sig.params[i].conv == ast::Convention::Mut; });
      r.holding = all_mut ? ir::Holding::MutRef : ir::Holding::ImmRef;
      for (std::size_t i : sig.result_origin_params) fn.result_origins.push_back(fn.params[i]);
      r.interior = sig.result_interior;
    }
    fn.result = static_cast<SlotId>(fn.slots.size());
    fn.slots.push_back(std::move(r));
  }
  c_.mod.functions.push_back(std::move(fn));
  c_.sigs.push_back(std::move(sig));
  return id;
}

// S12a, S12b, S12c, S12g, S10a: declaration rules checked on the signature alone.
void Declarer::declare(const ast::Function& f, const ast::Struct* owner, TypeId self_type) {
  Signature sig;
  sig.decl = &f;
  sig.owner = owner;
  sig.self_type = self_type;
  sig.is_method = owner != nullptr;
  sig.raises = f.raises;
  sig.display = f.name == "__init__" && owner ? owner->name : f.name;
  ir::Function fn;
  fn.name = owner ? owner->name + "." + f.name : f.name;
  fn.display_name = sig.display;
  fn.self_type = self_type;
  fn.raises = f.raises;
  fn.span = f.span;

  std::set<std::string> names;
  int outs = 0;
  for (std::size_t i = 0; i < f.params.size(); ++i) {
    const ast::Param& p = f.params[i];
    ParamSig ps;
    ps.name = p.name;
    ps.conv = p.convention;
    ps.keyword_only = p.keyword_only;
    ps.span = p.span;
    ps.default_value = p.default_value ? &*p.default_value : nullptr;
    ps.is_self = owner && i == 0 && p.name == "self";
    if (!names.insert(p.name).second)
      c_.s0(p.span, fmt::format("invalid redefinition of '{}'", p.name));
    if (owner && p.name == "self" && !ps.is_self)
      c_.s0(p.span, "'self' must be the first argument");
    if (p.type) {
      ps.type = c_.resolve_type(*p.type, self_type).value_or(none);
      if (ps.type == c_.mod.none_type) {
        c_.s0(p.type->span, fmt::format("argument '{}' cannot have type 'NoneType'", p.name));
        ps.type = none;
      }
    } else if (ps.is_self) {
      ps.type = self_type;
    } else {
      c_.s0(p.span, fmt::format("argument '{}' must have a type", p.name));
    }
    if (ps.type == none) ps.type = c_.mod.int_type;  // keep going; the module is already rejected
    if (!p.origins.empty()) {
      const auto* n = p.origins.size() == 1 ? std::get_if<ast::Name>(&p.origins[0].node) : nullptr;
      if (!n || n->id != "_") c_.unsupported(p.span, "origin list on a 'ref' argument");
    }
    if (p.convention == ast::Convention::Mut && p.default_value)
      c_.sink.report(Rule::S12a, p.span, "'mut' arguments may not have defaults");
    if (p.convention == ast::Convention::Out) {
      if (++outs > 1) c_.sink.report(Rule::S12g, p.span, "only one 'out' argument is allowed");
      else sig.out_param = static_cast<int>(i);
      if (p.default_value)
        c_.sink.report(Rule::S12g, p.span, "'out' arguments may not have defaults");
      if (f.result)
        c_.sink.report(Rule::S12b, p.span,
                       "function cannot have both an 'out' argument and an explicit result type");
    }
    if (p.convention == ast::Convention::Deinit && (!owner || ps.type != self_type))
      c_.sink.report(Rule::S12g, p.span,
                     "'deinit' argument must have type 'Self' in a struct method");
    sig.params.push_back(std::move(ps));
  }

  // Methods take `self` first; `__init__` takes `out self` (S12c).
  if (owner) {
    const bool has_self = !sig.params.empty() && sig.params[0].is_self;
    if (f.name == "__init__") {
      if (!has_self || sig.params[0].conv != ast::Convention::Out)
        c_.sink.report(Rule::S12c, f.params.empty() ? f.span : f.params[0].span,
                       "__init__ method must return Self type with 'out' argument");
    } else if (!has_self) {
      c_.unsupported(f.span, "static method (a method without 'self')");
    }
  } else if (f.name == "__init__" || f.name == "__deinit__") {
    c_.unsupported(f.span, fmt::format("'{}' outside of a struct", f.name));
  }

  // Lifecycle kinds.
  if (owner && f.name == "__init__") {
    sig.kind = ir::FunctionKind::Init;
    if (sig.params.size() == 2 && sig.params[1].keyword_only) {
      const ParamSig& p = sig.params[1];
      if (p.name == "copy" && p.type == self_type && p.conv == ast::Convention::Default)
        sig.kind = ir::FunctionKind::CopyInit;
      else if (p.name == "move" && p.type == self_type && p.conv == ast::Convention::Deinit)
        sig.kind = ir::FunctionKind::MoveInit;
      else if (p.name == "move" && p.type == self_type && p.conv == ast::Convention::Var)
        c_.unsupported(p.span, "a move initializer taking 'var move: Self'");
    }
  } else if (owner && f.name == "__deinit__") {
    sig.kind = ir::FunctionKind::Deinit;
    if (sig.params.size() != 1 || !sig.params[0].is_self ||
        sig.params[0].conv != ast::Convention::Deinit)
      c_.s0(f.span, "'__deinit__' must take exactly 'deinit self'");
    if (f.result) c_.s0(f.span, "'__deinit__' cannot have a result type");
  }
  if (f.raises && (sig.kind == ir::FunctionKind::Deinit || sig.kind == ir::FunctionKind::CopyInit ||
                   sig.kind == ir::FunctionKind::MoveInit))
    c_.sink.report(Rule::S12g, f.span, fmt::format("'{}' cannot raise", f.name));
  fn.kind = sig.kind;

  // Result type; `ref` results name their origin (S10a).
  sig.result_type = c_.mod.none_type;
  // After S12b the out parameter is the result, as if the `->` were absent.
  if (f.result && sig.out_param < 0) {
    sig.result_type = c_.resolve_type(f.result->type, self_type).value_or(c_.mod.none_type);
    sig.result_is_ref = f.result->is_ref;
    if (f.result->is_ref) {
      if (sig.result_type == c_.mod.none_type)
        c_.s0(f.result->type.span, "a 'ref' result cannot have type 'NoneType'");
      bool ok = !f.result->origins.empty();
      for (const ast::Expr& o : f.result->origins) {
        auto idx = origin_param(o, sig.params);
        if (!idx) {
          ok = false;
          continue;
        }
        if (std::find(sig.result_origin_params.begin(), sig.result_origin_params.end(), *idx) ==
            sig.result_origin_params.end())
          sig.result_origin_params.push_back(*idx);
      }
      sig.result_origins_ok = ok;
      if (!ok)
        c_.sink.report(Rule::S10a, f.result->type.span,
                       "'ref' result type must specify an origin");
      sig.result_interior = any_interior_return(f.body);
    }
  }

  const std::string key = f.name;
  const FunctionId id = add(std::move(fn), std::move(sig));
  const Signature& s = c_.sigs[id];
  auto& table = owner ? c_.methods[self_type][key] : c_.functions[key];
  // Overloads must differ in their parameters.
  auto shape = [&](const Signature& g) {
    std::vector<std::tuple<TypeId, bool, std::string>> out;
    for (const ParamSig& p : g.params)
      if (p.conv != ast::Convention::Out)
        out.emplace_back(p.type, p.keyword_only, p.keyword_only ? p.name : std::string());
    return out;
  };
  for (FunctionId other : table)
    if (shape(c_.sigs[other]) == shape(s)) {
      c_.s0(f.span, fmt::format("invalid redefinition of '{}'", f.name));
      break;
    }
  table.push_back(id);
  if (!owner && c_.structs.count(key)) c_.s0(f.span, fmt::format("invalid redefinition of '{}'", key));
  if (owner) {
    ir::TypeInfo& t = c_.mod.types[self_type];
    if (s.kind == ir::FunctionKind::CopyInit) t.copy_init = id;
    if (s.kind == ir::FunctionKind::MoveInit) t.move_init = id;
    if (s.kind == ir::FunctionKind::Deinit) t.deinit = id;
  }
}

// @fieldwise_init synthesizes `__init__(out self, var f1: T1, …)` (§2.1).
void Declarer::declare_fieldwise(const ast::Struct& s, TypeId self_type) {
  Signature sig;
  sig.owner = &s;
  sig.self_type = self_type;
  sig.is_method = true;
  sig.kind = ir::FunctionKind::Init;
  sig.display = s.name;
  sig.result_type = c_.mod.none_type;
  sig.out_param = 0;
  ParamSig self;
  self.name = "self";
  self.conv = ast::Convention::Out;
  self.type = self_type;
  self.is_self = true;
  self.span = s.span;
  sig.params.push_back(self);
  for (const ir::FieldInfo& f : c_.mod.types[self_type].fields) {
    ParamSig p;
    p.name = f.name;
    p.conv = ast::Convention::Var;
    p.type = f.type;
    p.span = f.span;
    sig.params.push_back(p);
  }
  ir::Function fn;
  fn.name = s.name + ".__init__";
  fn.display_name = s.name;
  fn.self_type = self_type;
  fn.kind = ir::FunctionKind::Init;
  fn.synthesized = true;
  fn.span = s.span;
  const FunctionId id = add(std::move(fn), std::move(sig));
  c_.methods[self_type]["__init__"].push_back(id);
}

void check_imports(Ctx& c) {
  static const std::set<std::string> modules = {"std.memory", "memory", "std.collections",
                                                "collections", "std", "std.builtin"};
  static const std::set<std::string> names = {"OwnedPointer", "UnsafePointer", "alloc", "List",
                                              "memory", "collections"};
  for (const ast::Item& item : c.ast.items) {
    const auto* imp = std::get_if<ast::Import>(&item.node);
    if (!imp) continue;
    if (!modules.count(imp->module)) {
      c.unsupported(imp->span, fmt::format("module '{}'", imp->module));
      continue;
    }
    for (const std::string& n : imp->names)
      if (!names.count(n)) c.unsupported(imp->span, fmt::format("import of '{}'", n));
  }
}

}  // namespace

void declare_functions(Ctx& c) {
  Declarer d(c);
  for (const ast::Item& item : c.ast.items) {
    if (const auto* f = std::get_if<ast::Function>(&item.node)) {
      d.declare(*f, nullptr, none);
    } else if (const auto* s = std::get_if<ast::Struct>(&item.node)) {
      auto it = c.structs.find(s->name);
      if (it == c.structs.end() || c.struct_decl.at(it->second) != s) continue;
      const bool fieldwise =
          std::any_of(s->decorators.begin(), s->decorators.end(),
                      [](const ast::Decorator& dec) { return dec.name == "fieldwise_init"; });
      if (fieldwise) d.declare_fieldwise(*s, it->second);
      for (const ast::Function& m : s->methods) d.declare(m, s, it->second);
    }
  }
  auto main = c.functions.find("main");
  if (main != c.functions.end() && !main->second.empty()) c.mod.entry = main->second.front();
}

BlockId compact_blocks(ir::Function& f, BlockId keep) {
  const std::size_t n = f.blocks.size();
  std::vector<BlockId> remap(n, none);
  std::vector<BlockId> order;
  std::deque<BlockId> work{f.entry};
  remap[f.entry] = 0;
  order.push_back(f.entry);
  auto visit = [&](BlockId b) {
    if (b == none || b >= n || remap[b] != none) return;
    remap[b] = static_cast<BlockId>(order.size());
    order.push_back(b);
    work.push_back(b);
  };
  while (!work.empty()) {
    const BlockId b = work.front();
    work.pop_front();
    const ir::BasicBlock& bb = f.blocks[b];
    for (const ir::Instr& i : bb.instrs)
      if (const auto* call = std::get_if<ir::Call>(&i.node)) visit(call->unwind);
    if (const auto* g = std::get_if<ir::Goto>(&bb.term.node)) visit(g->target);
    if (const auto* br = std::get_if<ir::Branch>(&bb.term.node)) {
      visit(br->then_block);
      visit(br->else_block);
    }
  }
  std::vector<ir::BasicBlock> blocks;
  blocks.reserve(order.size());
  for (BlockId old : order) {
    ir::BasicBlock bb = std::move(f.blocks[old]);
    for (ir::Instr& i : bb.instrs)
      if (auto* call = std::get_if<ir::Call>(&i.node))
        if (call->unwind != none) call->unwind = remap[call->unwind];
    if (auto* g = std::get_if<ir::Goto>(&bb.term.node)) g->target = remap[g->target];
    if (auto* br = std::get_if<ir::Branch>(&bb.term.node)) {
      br->then_block = remap[br->then_block];
      br->else_block = remap[br->else_block];
    }
    blocks.push_back(std::move(bb));
  }
  f.blocks = std::move(blocks);
  f.entry = 0;
  return keep == none || keep >= n ? none : remap[keep];
}

}  // namespace ownmodel::sema::detail

namespace ownmodel::sema {

std::optional<ir::Module> lower(const ast::Module& module, DiagnosticSink& sink,
                                const LowerLimits& limits, BodyReuse* reuse) {
  detail::Ctx c(module, sink, limits);
  c.add_builtin_types();
  detail::declare_structs(c);
  detail::finish_struct_types(c);
  detail::compute_capabilities(c);
  detail::check_imports(c);
  detail::declare_functions(c);
  if (c.mod.functions.size() > limits.max_functions) {
    c.limit(Span{}, fmt::format("too many functions (limit {})", limits.max_functions));
    return std::nullopt;
  }
  for (ir::FunctionId id = 0; id < c.mod.functions.size() && !c.limit_hit; ++id) {
    if (!reuse) {
      detail::FnLowerer lowerer(c, id);
      if (c.mod.functions[id].synthesized) lowerer.run_fieldwise();
      else lowerer.run();
      continue;
    }
    if (const BodyTrace* t = reuse->reuse(id, c.sigs[id].decl)) {
      for (const Diagnostic& d : t->diagnostics)
        sink.report_code(d.severity, d.code, d.span, d.message, d.notes);
      c.instr_count += t->instructions;
      c.mod.functions[id].blocks.clear();
      continue;
    }
    // What the body may change beyond its own function (see BodyTrace).
    const std::size_t types = c.mod.types.size(), said = sink.diagnostics().size(),
                      counted = c.instr_count;
    const bool fatal = c.fatal;
    {
      detail::FnLowerer lowerer(c, id);
      if (c.mod.functions[id].synthesized) lowerer.run_fieldwise();
      else lowerer.run();
    }
    if (c.mod.types.size() != types || c.fatal != fatal || c.limit_hit) {
      reuse->lowered(id, nullptr);
      continue;
    }
    BodyTrace t;
    t.diagnostics.assign(sink.diagnostics().begin() + static_cast<std::ptrdiff_t>(said),
                         sink.diagnostics().end());
    t.instructions = c.instr_count - counted;
    reuse->lowered(id, &t);
  }
  if (c.fatal) return std::nullopt;
  return std::move(c.mod);
}

}  // namespace ownmodel::sema
