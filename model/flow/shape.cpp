// Shapes of the tracked roots and the effects of each Core IR point
// (docs/semantics.md §2.4 accesses, §3.1 shapes, D8 origin uses).

#include <algorithm>
#include <tuple>
#include <variant>

#include "model/flow/analysis.h"
#include "model/syntax/overloaded.h"

namespace ownmodel::flow {
namespace {

// Bounds the shape of one function: a struct whose expansion would pass it is
// tracked as one opaque leaf (coarser, never wrong about initialization).
constexpr std::size_t kMaxNodes = 1u << 16;
// Bounds chains of origins through references (r1's origin is *r2, …).
constexpr int kMaxOriginDepth = 8;

bool is_mut_param(const ir::Slot& s) {
  return s.kind == ir::SlotKind::Param && s.convention == ast::Convention::Mut &&
         s.holding != ir::Holding::Value;
}

Span pick(const Span& preferred, const Span& fallback) {
  return preferred.known() ? preferred : fallback;
}

}  // namespace

FunctionAnalysis::FunctionAnalysis(const ir::Module& module, const ir::Function& function,
                                   const RuleSet& rule_set)
    : m(module), f(function), rules(rule_set) {
  build_shape();
  cfg_ = build_cfg(f);
  build_points();
}

void FunctionAnalysis::build_shape() {
  const std::size_t slots = f.slots.size();
  slot_root_.assign(slots, ir::none);
  via_deref_.assign(slots, false);
  interior_index_.assign(slots, ir::none);
  slot_uses_.assign(slots, 0);

  struct Pending {
    ir::TypeId type;
    NodeId parent;
    std::uint32_t field;
  };
  std::vector<Pending> stack;
  for (ir::SlotId s = 0; s < slots; ++s) {
    const ir::Slot& slot = f.slots[s];
    const bool tracked = slot.holding == ir::Holding::Value || is_mut_param(slot);
    if (!tracked || slot.type >= m.types.size()) continue;
    via_deref_[s] = slot.holding != ir::Holding::Value;
    const NodeId root = static_cast<NodeId>(nodes_.size());
    slot_root_[s] = root;
    // Iterative preorder: children are pushed in reverse so they pop in
    // declaration order and every subtree is a contiguous range.
    stack.push_back({slot.type, ir::none, 0});
    while (!stack.empty()) {
      const Pending p = stack.back();
      stack.pop_back();
      const NodeId id = static_cast<NodeId>(nodes_.size());
      const ir::TypeInfo& info = m.types[p.type];
      Node node;
      node.slot = s;
      node.root = root;
      node.parent = p.parent;
      node.field = p.field;
      node.type = p.type;
      node.trivial = info.trivial;
      node.linear = !info.deinitable;
      const bool fields_ok =
          std::all_of(info.fields.begin(), info.fields.end(),
                      [&](const ir::FieldInfo& fi) { return fi.type < m.types.size(); });
      node.expanded = info.kind == ir::TypeKind::Struct && !info.fields.empty() && fields_ok &&
                      nodes_.size() + stack.size() + info.fields.size() < kMaxNodes;
      nodes_.push_back(node);
      if (node.expanded)
        for (std::size_t k = info.fields.size(); k-- > 0;)
          stack.push_back({info.fields[k].type, id, static_cast<std::uint32_t>(k)});
    }
    // Subtree sizes: children come after their parent.
    for (NodeId n = static_cast<NodeId>(nodes_.size()) - 1; n > root; --n)
      nodes_[nodes_[n].parent].size += nodes_[n].size;
  }

  // D6: parameters in order, then locals by declaration, then temporaries by
  // creation, then the result and error slots.
  auto category = [&](const ir::Slot& s) {
    switch (s.kind) {
      case ir::SlotKind::Param: return 0;
      case ir::SlotKind::Temp: return 2;
      case ir::SlotKind::Result:
      case ir::SlotKind::Error: return 3;
      default: return 1;
    }
  };
  std::vector<std::tuple<int, std::uint64_t, std::uint64_t, NodeId>> keys;
  for (ir::SlotId s = 0; s < slots; ++s) {
    if (slot_root_[s] == ir::none) continue;
    const ir::Slot& slot = f.slots[s];
    const int cat = category(slot);
    std::uint64_t a = slot.span.line, b = slot.span.col;
    if (cat == 0) {
      auto it = std::find(f.params.begin(), f.params.end(), s);
      a = static_cast<std::uint64_t>(it - f.params.begin());
      b = 0;
    } else if (!slot.span.known()) {
      a = UINT64_MAX;  // unknown positions after known ones, by slot order
    }
    keys.emplace_back(cat, a, b, slot_root_[s]);
  }
  std::sort(keys.begin(), keys.end());
  for (const auto& k : keys) roots_d6_.push_back(std::get<3>(k));

  // Every initializer builds its `out self` field by field ([INIT]).
  const bool initializer = f.kind == ir::FunctionKind::Init || f.kind == ir::FunctionKind::CopyInit ||
                           f.kind == ir::FunctionKind::MoveInit;
  if (initializer && !f.params.empty() && f.params[0] < slots &&
      f.slots[f.params[0]].convention == ast::Convention::Out)
    self_root_ = slot_root_[f.params[0]];

  root_mask_.resize(nodes_.size());
  for (NodeId n = 0; n < nodes_.size(); ++n)
    if (nodes_[n].parent == ir::none) root_mask_.set(n);

  for (ir::SlotId s = 0; s < slots; ++s) {
    const ir::Slot& slot = f.slots[s];
    if (!slot.interior || slot.origins.empty()) continue;
    interior_index_[s] = static_cast<std::uint32_t>(interior_refs_.size());
    interior_refs_.push_back(s);
    std::vector<NodeId> origin_nodes;
    for (const ir::Place& o : slot.origins)
      if (o.slot < slots) {
        const Resolved r = resolve(o);
        if (r.node != ir::none) origin_nodes.push_back(r.node);
      }
    interior_origins_.push_back(std::move(origin_nodes));
  }
}

FunctionAnalysis::Resolved FunctionAnalysis::resolve(const ir::Place& p) const {
  Resolved r;
  if (p.slot >= f.slots.size()) return r;
  const NodeId root = slot_root_[p.slot];
  if (root == ir::none) {
    if (f.slots[p.slot].holding != ir::Holding::Value) r.ref = p.slot;
    return r;
  }
  std::size_t i = 0;
  if (via_deref_[p.slot] && !p.path.empty() && p.path[0].kind == ir::ProjKind::Deref) i = 1;
  NodeId n = root;
  for (; i < p.path.size() && p.path[i].kind == ir::ProjKind::Field; ++i) {
    if (!nodes_[n].expanded) continue;  // an opaque node stands for its fields
    const ir::TypeInfo& info = m.types[nodes_[n].type];
    if (p.path[i].field >= info.fields.size()) break;
    NodeId c = n + 1;
    for (std::uint32_t k = 0; k < p.path[i].field; ++k) c += nodes_[c].size;
    n = c;
  }
  r.node = n;
  r.direct = i == p.path.size();
  if (!r.direct && p.path[i].kind != ir::ProjKind::Deref) {
    const ir::TypeKind k = m.types[nodes_[n].type].kind;
    r.owning_container = k == ir::TypeKind::List || k == ir::TypeKind::OwnedPointer;
  }
  return r;
}

NodeId FunctionAnalysis::direct_node(const ir::Place& p) const {
  const Resolved r = resolve(p);
  return r.direct ? r.node : ir::none;
}

bool FunctionAnalysis::owned_slot(ir::SlotId s) const {
  if (s >= f.slots.size()) return false;
  const ir::Slot& slot = f.slots[s];
  if (slot.holding != ir::Holding::Value) return false;
  switch (slot.kind) {
    case ir::SlotKind::Local:
    case ir::SlotKind::Temp:
    case ir::SlotKind::Hidden:
    case ir::SlotKind::Error: return true;
    case ir::SlotKind::Param:
      return slot.convention != ast::Convention::Out && slot.convention != ast::Convention::Mut;
    default: return false;
  }
}

ir::Place FunctionAnalysis::place_of(NodeId n) const {
  ir::Place p;
  p.slot = nodes_[n].slot;
  std::vector<ir::Proj> rev;
  for (NodeId c = n; nodes_[c].parent != ir::none; c = nodes_[c].parent)
    rev.push_back(ir::Proj{ir::ProjKind::Field, nodes_[c].field, ir::none, 0});
  if (via_deref_[p.slot]) p.path.push_back(ir::Proj{ir::ProjKind::Deref, 0, ir::none, 0});
  p.path.insert(p.path.end(), rev.rbegin(), rev.rend());
  return p;
}

std::string spell(const FunctionAnalysis& a, NodeId n) {
  return ir::spelling(a.m, a.f, a.place_of(n));
}

// §2.4: one access of a place, lowered to effects on tracked nodes and
// references. A place past a tracked prefix (`xs[i]`, `op[]`, `p[]`) reads the
// prefix, or mutates it when it owns the storage (List, OwnedPointer).
void FunctionAnalysis::add_access(std::vector<Effect>& out, const ir::Place& p, UseKind use,
                                  bool write, Span span, int depth) const {
  const Span where = pick(p.span, span);
  for (const ir::Proj& step : p.path)
    if (step.kind == ir::ProjKind::Element && step.index_slot < f.slots.size())
      add_access(out, ir::Place{step.index_slot, {}, {}}, UseKind::Read, false, where, depth);
  if (p.slot >= f.slots.size()) return;
  const bool reading = !write && use == UseKind::Read;
  const Resolved r = resolve(p);
  const bool has_origins = !f.slots[p.slot].origins.empty();
  if (r.node != ir::none) {
    Effect e;
    e.node = r.node;
    e.span = where;
    if (r.direct) {
      e.kind = write ? EffKind::Write : EffKind::Use;
      e.use = use;
      e.whole_self = !write && r.node == self_root_;
      out.push_back(e);
      // D8: using a pointer value uses what it points into.
      if (!write && has_origins) add_origin_uses(out, p.slot, UseKind::Read, where, depth);
    } else {
      e.kind = EffKind::Use;
      e.use = reading || !r.owning_container ? UseKind::Read : UseKind::Mutate;
      out.push_back(e);
      if (has_origins)
        add_origin_uses(out, p.slot, reading ? UseKind::Read : UseKind::Mutate, where, depth);
    }
    return;
  }
  if (r.ref == ir::none) return;
  Effect e;
  e.ref = r.ref;
  e.span = where;
  if (p.path.empty() && write) {
    e.kind = EffKind::RefBind;
    out.push_back(e);
    return;
  }
  e.kind = EffKind::RefUse;
  out.push_back(e);
  add_origin_uses(out, r.ref, reading ? UseKind::Read : UseKind::Mutate, where, depth);
}

// D8: a use of a reference is a use of every place in its origin.
void FunctionAnalysis::add_origin_uses(std::vector<Effect>& out, ir::SlotId ref, UseKind use,
                                       Span span, int depth) const {
  if (depth >= kMaxOriginDepth) return;
  for (const ir::Place& origin : f.slots[ref].origins) {
    ir::Place at = origin;
    at.span = Span{};  // report at the use, not at the origin's declaration
    const std::size_t before = out.size();
    add_access(out, at, use, false, span, depth + 1);
    for (std::size_t i = before; i < out.size(); ++i)
      if (out[i].kind == EffKind::Use && out[i].ref == ir::none) {
        out[i].ref = ref;
        out[i].whole_self = false;
      }
  }
}

void FunctionAnalysis::build_points() {
  points_.resize(f.blocks.size());
  for (ir::BlockId b = 0; b < f.blocks.size(); ++b) {
    const ir::BasicBlock& block = f.blocks[b];
    std::vector<Point>& pts = points_[b];
    pts.resize(block.instrs.size() + 1);
    for (std::size_t k = 0; k < block.instrs.size(); ++k) {
      const ir::Instr& instr = block.instrs[k];
      Point& P = pts[k];
      P.span = instr.span;
      auto& pre = P.pre;
      const Span at = instr.span;
      auto read = [&](const ir::Place& p) { add_access(pre, p, UseKind::Read, false, at); };
      auto operand = [&](const ir::Operand& o) {
        if (const auto* p = std::get_if<ir::Place>(&o.value)) read(*p);
      };
      auto use = [&](const ir::Place& p, UseKind u) { add_access(pre, p, u, false, at); };
      auto write = [&](const ir::Place& p) { add_access(pre, p, UseKind::Read, true, at); };
      std::visit(
          Overloaded{
              [&](const ir::AssignConst& i) { write(i.dst); },
              [&](const ir::AssignOp& i) {
                bool inplace = false;
                for (const ir::Operand& o : i.app.operands) {
                  operand(o);
                  if (const auto* p = std::get_if<ir::Place>(&o.value); p && *p == i.dst) inplace = true;
                }
                const std::size_t before = pre.size();
                write(i.dst);
                for (std::size_t j = before; j < pre.size(); ++j) pre[j].inplace = inplace;
              },
              [&](const ir::Copy& i) { read(i.src); write(i.dst); },
              [&](const ir::Move& i) { use(i.src, UseKind::Consume); write(i.dst); },
              [&](const ir::Borrow& i) {
                UseKind u = UseKind::Read;
                if (i.kind == ir::BorrowKind::Mut) u = UseKind::Mutate;
                if (i.kind == ir::BorrowKind::Addr && i.src.slot < f.slots.size() &&
                    f.slots[i.src.slot].is_mutable)
                  u = UseKind::Mutate;
                use(i.src, u);
                write(i.dst);
              },
              [&](const ir::Destroy& i) { use(i.place, UseKind::Consume); },
              [&](const ir::Store& i) {
                std::visit(Overloaded{
                               [&](const ir::StoreCopy& s) { read(s.src); },
                               [&](const ir::StoreMove& s) { use(s.src, UseKind::Consume); },
                               [&](const ir::Const&) {},
                               [&](const ir::OpApp& a) {
                                 for (const ir::Operand& o : a.operands) operand(o);
                               },
                           },
                           i.source);
                use(i.dst, UseKind::Mutate);  // D4: the old value must be there
              },
              [&](const ir::Call& i) {
                for (const ir::CallArg& arg : i.args) {
                  const Span as = pick(arg.span, at);
                  const auto* p = std::get_if<ir::Place>(&arg.value.value);
                  if (!p) continue;
                  switch (arg.mode) {
                    case ir::ArgMode::Ref:
                    case ir::ArgMode::Val: add_access(pre, *p, UseKind::Read, false, as); break;
                    case ir::ArgMode::MutRef: add_access(pre, *p, UseKind::Mutate, false, as); break;
                    case ir::ArgMode::Own: add_access(pre, *p, UseKind::Consume, false, as); break;
                    case ir::ArgMode::Out: add_access(P.post, *p, UseKind::Read, true, as); break;
                  }
                }
                if (i.unwind != ir::none) {
                  P.unwind = i.unwind;
                  // The callee left its error in $err; its out arguments stay unwritten.
                  if (f.error < f.slots.size())
                    add_access(P.unwind_post, ir::Place{f.error, {}, {}}, UseKind::Read, true, at);
                }
              },
              [&](const ir::Alloc& i) { operand(i.count); write(i.dst); },
              [&](const ir::Free& i) { read(i.ptr); },
              [&](const ir::PtrInit& i) {
                read(i.ptr);
                use(i.src, i.copy ? UseKind::Read : UseKind::Consume);
              },
              [&](const ir::PtrTake& i) { read(i.ptr); write(i.dst); },
              [&](const ir::BoxNew& i) { use(i.src, UseKind::Consume); write(i.dst); },
              [&](const ir::ListNew& i) {
                for (const ir::Place& e : i.elements) use(e, UseKind::Consume);
                write(i.dst);
              },
              [&](const ir::ListAppend& i) {
                use(i.src, UseKind::Consume);
                use(i.list, UseKind::Mutate);
              },
              [&](const ir::Print& i) {
                for (const ir::Operand& o : i.args) operand(o);
                operand(i.sep);
                operand(i.end);
              },
          },
          instr.node);
    }

    Point& T = pts.back();
    T.span = block.term.span;
    const Span at = block.term.span.known() ? block.term.span : f.span;
    auto exit_uses = [&](bool normal) {
      auto add = [&](ir::SlotId s) {
        if (s >= f.slots.size() || slot_root_[s] == ir::none) return;
        Effect e;
        e.kind = EffKind::Use;
        e.node = slot_root_[s];
        e.span = at;
        e.exit = true;
        T.pre.push_back(e);
      };
      // The caller owns mut arguments at every exit, out arguments and the
      // result at normal exits.
      for (ir::SlotId s : f.params) {
        if (s >= f.slots.size()) continue;
        const ir::Slot& slot = f.slots[s];
        if (slot.convention == ast::Convention::Mut || (normal && slot.convention == ast::Convention::Out))
          add(s);
      }
      if (normal && f.result != ir::none && !f.result_is_ref) add(f.result);
    };
    std::visit(Overloaded{
                   [&](const ir::Goto&) {},
                   [&](const ir::Branch& br) {
                     if (const auto* p = std::get_if<ir::Place>(&br.cond.value))
                       add_access(T.pre, *p, UseKind::Read, false, at);
                   },
                   [&](const ir::Return& r) {
                     T.exit = ExitKind::Normal;
                     // The lowering may mark falling off the end by the function's own span.
                     const Span& t = block.term.span;
                     const Span& fs = f.span;
                     T.implicit_return = r.implicit || (t.known() && t.line == fs.line && t.col == fs.col &&
                                                        t.end_line == fs.end_line && t.end_col == fs.end_col);
                     exit_uses(true);
                   },
                   [&](const ir::Raise& r) {
                     add_access(T.pre, r.error, UseKind::Consume, false, at);
                     T.exit = ExitKind::Error;
                     exit_uses(false);
                   },
                   [&](const ir::Unreachable&) {},
               },
               block.term.node);

    for (const Point& P : pts)
      for (const auto* list : {&P.pre, &P.post, &P.unwind_post})
        for (const Effect& e : *list) {
          if (e.exit) continue;
          if (e.kind == EffKind::RefUse) ++slot_uses_[e.ref];
          if ((e.kind == EffKind::Use || e.kind == EffKind::Write) && e.ref == ir::none)
            ++slot_uses_[nodes_[e.node].slot];
        }
  }

  deinit_extra_.resize(nodes_.size());
  if (rules.deinit_fields == DeinitFields::AfterBody)
    for (ir::SlotId s : f.params)
      if (s < f.slots.size() && f.slots[s].convention == ast::Convention::Deinit &&
          slot_root_[s] != ir::none)
        deinit_extra_.set(slot_root_[s], nodes_[slot_root_[s]].size, true);
}

}  // namespace ownmodel::flow
