// The store of the machine (docs/semantics.md §7.1): value trees and their
// predicates, place resolution, heap blocks, frames and lifecycle events.
#include <algorithm>

#include <fmt/format.h>

#include "reference-impl/machine_impl.h"

namespace ownmodel::run::detail {

/* --- Ctx --------------------------------------------------------------------- */

void Ctx::fault(Rule kind, std::string message, bool unsafe_fault, std::vector<std::string> evidence) {
  Fault f;
  f.kind = kind;
  f.rule = rule;
  f.step = s.steps + 1;
  f.span = span;
  if (!s.frames.empty()) f.function = m.functions[s.frames.back().function].name;
  f.unsafe = unsafe_fault || unsafe;
  f.message = std::move(message);
  f.evidence = std::move(evidence);
  throw FaultSignal{std::move(f)};
}

void Ctx::stop(StopKind kind, std::string message) { throw StopSignal{kind, std::move(message)}; }

void Ctx::premise(bool holds, std::string what) {
  // Premises without a fault kind (§9 "—"): only an accepted program owes them.
  if (holds || !prog.accepted) return;
  fault(rule, "premise violated: " + what);
}

void Ctx::touch(RootId r) {
  if (s.record_changes && std::find(s.changed.begin(), s.changed.end(), r) == s.changed.end())
    s.changed.push_back(r);
}

Tree& Ctx::tree(const Loc& loc) {
  touch(loc.root);
  Tree* t = &s.roots.at(loc.root).tree;
  for (std::uint32_t f : loc.path) t = &t->fields.at(f);
  return *t;
}

const Tree& Ctx::peek(const Loc& loc) const {
  const Tree* t = &s.roots.at(loc.root).tree;
  for (std::uint32_t f : loc.path) t = &t->fields.at(f);
  return *t;
}

/* --- value trees ----------------------------------------------------------- */

Tree fresh_tree(const ir::Module& m, ir::TypeId t) {
  Tree out;
  out.type = t;
  const ir::TypeInfo& info = m.types.at(t);
  if (info.kind == ir::TypeKind::Struct) {
    out.node = true;
    out.fields.reserve(info.fields.size());
    for (const ir::FieldInfo& f : info.fields) out.fields.push_back(fresh_tree(m, f.type));
  }
  return out;
}

Tree leaf(ir::TypeId t, Value v) {
  Tree out;
  out.type = t;
  out.init = true;
  out.value = std::move(v);
  return out;
}

bool whole_init(const Tree& t) {
  if (!t.init) return false;
  for (const Tree& f : t.fields)
    if (!whole_init(f)) return false;
  return true;
}

bool trivial_value(const Value& v) {
  return std::holds_alternative<IntV>(v) || std::holds_alternative<BoolV>(v) ||
         std::holds_alternative<PtrV>(v) || std::holds_alternative<RefV>(v);
}

bool ended(const ir::Module& m, const Tree& t) {
  if (t.type != ir::none && m.types[t.type].kind == ir::TypeKind::Struct && m.types[t.type].trivial)
    return true;  // trivial structs are never destroyed
  if (t.node) {
    if (t.init) return false;
    for (const Tree& f : t.fields)
      if (!ended(m, f)) return false;
    return true;
  }
  return !t.init || trivial_value(t.value);
}

bool writable(const ir::Module& m, const Tree& t) {
  if (t.node) {
    if (t.init && !m.types[t.type].trivial) return false;
    for (const Tree& f : t.fields)
      if (!writable(m, f)) return false;
    return true;
  }
  return !t.init || !(std::holds_alternative<BoxV>(t.value) || std::holds_alternative<ListV>(t.value));
}

void clear_trivial_leaves(const ir::Module& m, Tree& t) {
  if (t.node) {
    if (m.types[t.type].trivial) t = fresh_tree(m, t.type);
    else
      for (Tree& f : t.fields) clear_trivial_leaves(m, f);
    return;
  }
  if (t.init && trivial_value(t.value)) t.init = false;
}

void note_uninit(Ctx& c, const Loc& at) {
  Root& r = c.s.roots.at(at.root);
  r.uninit_step = c.s.steps + 1;
  r.uninit_rule = c.rule;
  r.uninit_span = c.span;
}

namespace {
std::string uninit_history(const State& s, const Loc& at) {
  const Root& r = s.roots.at(at.root);
  if (r.uninit_step == 0) return "; never initialized";
  return fmt::format("; last uninitialized at step {} by {} (line {}:{})", r.uninit_step, spec_name(r.uninit_rule),
                     r.uninit_span.line, r.uninit_span.col);
}
}  // namespace

std::string first_missing(const ir::Module& m, const State& s, const Loc& at, const Tree& t) {
  if (!t.init)
    return loc_name(m, s, at) + (t.node ? " (not logically initialized)" : "") + uninit_history(s, at);
  for (std::uint32_t i = 0; i < t.fields.size(); ++i) {
    if (whole_init(t.fields[i])) continue;
    return first_missing(m, s, child(at, i), t.fields[i]);
  }
  return loc_name(m, s, at);
}

/* --- locations and resolution ------------------------------------------------ */

Loc child(const Loc& l, std::uint32_t field) {
  Loc out = l;
  out.path.push_back(field);
  return out;
}

Loc root_loc(RootId r) { return Loc{r, {}}; }

namespace {

std::string ended_how(const ir::Module& m, const State& s, RootId r) {
  const Root& root = s.roots[r];
  return fmt::format("{} ended at step {} by {}", loc_name(m, s, root_loc(r)), root.ended_step,
                     spec_name(root.ended_rule));
}

void check_root_alive(Ctx& c, RootId r, std::string_view through) {
  const Root& root = c.s.roots.at(r);
  if (root.status == RootStatus::Live) return;
  if (root.heap && c.s.blocks[root.block].by_free)
    c.fault(Rule::F_Use_After_Free, fmt::format("access through {} to a freed heap cell", through), true,
            {ended_how(c.m, c.s, r)});
  c.fault(Rule::F_Dangling,
          fmt::format("access through {} to a {} location", through,
                      root.status == RootStatus::Dead ? "dead stack" : "released heap"),
          false, {ended_how(c.m, c.s, r)});
}

}  // namespace

Loc through_pointer(Ctx& c, const PtrV& ptr, std::int64_t extra) {
  c.unsafe = true;
  // Wraps at 64 bits like Int arithmetic (and the Z3 encoding), never C++ overflow.
  const auto k = static_cast<std::int64_t>(static_cast<std::uint64_t>(ptr.offset) + static_cast<std::uint64_t>(extra));
  if (ptr.block != none) {
    const HeapBlock& b = c.s.blocks.at(ptr.block);
    if (!b.live) {
      std::vector<std::string> ev{fmt::format("block heap{} allocated at {}:{}, released at step {} by {}",
                                              ptr.block, b.site.line, b.site.col, b.released_step,
                                              spec_name(b.released_rule))};
      if (b.by_free) c.fault(Rule::F_Use_After_Free, "access through a pointer to freed memory", true, ev);
      c.fault(Rule::F_Dangling, "access through a pointer to a heap block released by its owner", true, ev);
    }
    if (k < 0 || k >= static_cast<std::int64_t>(b.cells.size()))
      c.fault(Rule::F_Out_Of_Bounds,
              fmt::format("pointer offset {} outside block heap{} of {} cells", k, ptr.block, b.cells.size()),
              true);
    return root_loc(b.cells[static_cast<std::size_t>(k)]);
  }
  check_root_alive(c, ptr.loc.root, "a pointer");
  if (k != 0)
    c.fault(Rule::F_Out_Of_Bounds,
            fmt::format("pointer offset {} from {} (a single location)", k, c.name(ptr.loc)), true);
  return ptr.loc;
}

const Value& read_leaf(Ctx& c, const Loc& loc, std::string_view what) {
  const Tree& t = c.peek(loc);
  if (!t.init)
    c.fault(Rule::F_Uninit, fmt::format("{} {} is not initialized", what, c.name(loc)), false,
            {first_missing(c.m, c.s, loc, t)});
  if (t.node) c.stop(StopKind::Internal, fmt::format("{} is a struct, not a built-in value", c.name(loc)));
  return t.value;
}

ir::TypeId place_type(const Ctx& c, const ir::Place& p) { return ir::type_of(c.m, c.fn(), p); }

namespace {

std::int64_t index_value(Ctx& c, const ir::Proj& proj) {
  if (proj.index_slot == ir::none) return proj.index_const;
  const Value& v = read_leaf(c, c.top().slots.at(proj.index_slot), "index");
  if (const auto* i = std::get_if<IntV>(&v)) return i->v;
  c.stop(StopKind::Internal, "index is not an Int");
}

Loc project(Ctx& c, Loc l, const ir::Proj& proj) {
  switch (proj.kind) {
    case ir::ProjKind::Field: return child(l, proj.field);
    case ir::ProjKind::Deref: {
      const Value& v = read_leaf(c, l, "reference");
      const auto* r = std::get_if<RefV>(&v);
      if (!r) c.stop(StopKind::Internal, fmt::format("{} does not hold a reference", c.name(l)));
      Loc target = r->loc;
      check_root_alive(c, target.root, "a reference");
      return target;
    }
    case ir::ProjKind::Pointee:
    case ir::ProjKind::Element: {
      const std::int64_t i = proj.kind == ir::ProjKind::Element ? index_value(c, proj) : 0;
      const Value v = read_leaf(c, l, "pointer or container");
      if (const auto* p = std::get_if<PtrV>(&v)) return through_pointer(c, *p, i);
      HeapBlockId b = none;
      if (const auto* box = std::get_if<BoxV>(&v)) {
        b = box->block;
      } else if (const auto* list = std::get_if<ListV>(&v)) {
        if (i < 0 || i >= list->len)
          c.stop(StopKind::Aborted, fmt::format("index out of bounds: index {} for a List of length {}", i,
                                                list->len));
        b = list->block;
      } else {
        c.stop(StopKind::Internal, fmt::format("{} is not a pointer, OwnedPointer or List", c.name(l)));
      }
      const HeapBlock& block = c.s.blocks.at(b);
      if (!block.live)
        c.fault(Rule::F_Dangling, fmt::format("access to heap{} released by its owner", b), false,
                {fmt::format("released at step {} by {}", block.released_step, spec_name(block.released_rule))});
      if (i >= static_cast<std::int64_t>(block.cells.size()))
        c.stop(StopKind::Internal, "List length exceeds its buffer");
      return root_loc(block.cells[static_cast<std::size_t>(i)]);
    }
  }
  return l;
}

}  // namespace

Loc resolve(Ctx& c, const ir::Place& p) {
  Loc l = c.top().slots.at(p.slot);
  for (const ir::Proj& proj : p.path) l = project(c, std::move(l), proj);
  return l;
}

Loc resolve_pointee(Ctx& c, const ir::Place& p) {
  Loc l = resolve(c, p);
  return project(c, std::move(l), ir::Proj{ir::ProjKind::Pointee, 0, ir::none, 0});
}

Value read_operand(Ctx& c, const ir::Operand& o) {
  if (const auto* k = std::get_if<ir::Const>(&o.value)) {
    return std::visit([](const auto& v) -> Value {
      using V = std::decay_t<decltype(v)>;
      if constexpr (std::is_same_v<V, std::int64_t>) return IntV{v};
      else if constexpr (std::is_same_v<V, bool>) return BoolV{v};
      else return StrV{v};
    }, k->value);
  }
  const Loc l = resolve(c, std::get<ir::Place>(o.value));
  return read_leaf(c, l, "operand");
}

Tree operand_tree(Ctx& c, const ir::Operand& o, ir::TypeId type) {
  if (std::holds_alternative<ir::Const>(o.value)) return leaf(type, read_operand(c, o));
  const Loc l = resolve(c, std::get<ir::Place>(o.value));
  const Tree& t = c.peek(l);
  if (!whole_init(t))
    c.fault(Rule::F_Uninit, fmt::format("argument {} is not initialized", c.name(l)), false,
            {first_missing(c.m, c.s, l, t)});
  return t;
}

/* --- store ------------------------------------------------------------------- */

RootId new_stack_root(Ctx& c, Tree t, ir::FunctionId f, ir::SlotId slot, std::uint32_t frame) {
  Root r;
  r.tree = std::move(t);
  r.function = f;
  r.slot = slot;
  r.frame = frame;
  c.s.roots.push_back(std::move(r));
  const auto id = static_cast<RootId>(c.s.roots.size() - 1);
  c.touch(id);
  return id;
}

HeapBlockId new_block(Ctx& c, BlockKind kind, ir::TypeId element, std::int64_t n) {
  if (n < 0) c.stop(StopKind::Aborted, fmt::format("allocation of {} cells", n));
  if (c.s.live_heap_cells + static_cast<std::uint64_t>(n) > c.prog.limits.max_heap_cells)
    c.stop(StopKind::HeapLimit, fmt::format("heap limit of {} cells reached (allocating {})",
                                            c.prog.limits.max_heap_cells, n));
  HeapBlock b;
  b.kind = kind;
  b.element = element;
  b.site = c.span;
  b.site_function = c.s.frames.empty() ? ir::none : c.s.frames.back().function;
  b.alloc_step = c.s.steps + 1;
  const auto id = static_cast<HeapBlockId>(c.s.blocks.size());
  const Tree cell = fresh_tree(c.m, element);
  b.cells.reserve(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) {
    Root r;
    r.heap = true;
    r.tree = cell;
    r.block = id;
    r.index = static_cast<std::uint32_t>(i);
    c.s.roots.push_back(std::move(r));
    b.cells.push_back(static_cast<RootId>(c.s.roots.size() - 1));
  }
  c.s.blocks.push_back(std::move(b));
  c.s.live_heap_cells += static_cast<std::uint64_t>(n);
  return id;
}

void release_block(Ctx& c, HeapBlockId id, bool by_free) {
  HeapBlock& b = c.s.blocks.at(id);
  b.live = false;
  b.by_free = by_free;
  b.released_step = c.s.steps + 1;
  b.released_rule = c.rule;
  for (RootId r : b.cells) {
    Root& root = c.s.roots[r];
    root.status = RootStatus::Released;
    root.ended_step = c.s.steps + 1;
    root.ended_rule = c.rule;
    root.tree = Tree{root.tree.type, false, false, {}, {}};  // contents are gone; keep memory flat
    c.touch(r);
  }
  c.s.live_heap_cells -= b.cells.size();
}

void emit(Ctx& c, EventKind k, ir::TypeId t, const Loc& obj, const Loc* src, std::string method) {
  Event e;
  e.kind = k;
  e.type = c.m.types.at(t).name;
  e.object = c.name(obj);
  if (src) e.source = c.name(*src);
  e.method = std::move(method);
  e.step = c.s.steps + 1;
  c.s.events.push_back(std::move(e));
}

void advance(Ctx& c) { ++c.top().index; }

void push_pending(Frame& f, std::vector<Pending> items) {
  for (auto it = items.rbegin(); it != items.rend(); ++it) f.pending.push_back(std::move(*it));
}

/* --- frames ------------------------------------------------------------------ */

void push_frame(Ctx& c, ir::FunctionId callee, std::vector<ArgBinding> args, bool from_pending) {
  if (c.s.frames.size() >= c.prog.limits.max_frames)
    c.stop(StopKind::DepthLimit,
           fmt::format("depth limit of {} frames reached (calling {})", c.prog.limits.max_frames,
                       c.m.functions.at(callee).name));
  const ir::Function& F = c.m.functions.at(callee);
  Frame fr;
  fr.function = callee;
  fr.number = c.s.next_frame++;
  fr.block = F.entry;
  fr.from_pending = from_pending;
  fr.slots.resize(F.slots.size());
  std::vector<bool> bound(F.slots.size(), false);
  auto fresh = [&](ir::SlotId sid, Tree t) {
    const RootId r = new_stack_root(c, std::move(t), callee, sid, fr.number);
    fr.roots.push_back(r);
    return root_loc(r);
  };
  if (args.size() < F.params.size())
    c.stop(StopKind::Internal, fmt::format("call of {} with {} arguments for {} parameters", F.name,
                                           args.size(), F.params.size()));
  for (std::size_t i = 0; i < F.params.size(); ++i) {
    const ir::SlotId sid = F.params[i];
    const ir::Slot& sl = F.slots.at(sid);
    ArgBinding& a = args[i];
    bound[sid] = true;
    const bool ref_slot = sl.holding != ir::Holding::Value;
    switch (a.mode) {
      case ir::ArgMode::Ref:
      case ir::ArgMode::MutRef:
        if (ref_slot)
          fr.slots[sid] = fresh(sid, leaf(sl.type, RefV{a.loc, a.mode == ir::ArgMode::MutRef}));
        else
          fr.slots[sid] = a.loc;  // a by-reference argument for a value slot: alias in place
        break;
      case ir::ArgMode::Own:
      case ir::ArgMode::Out: fr.slots[sid] = a.loc; break;
      case ir::ArgMode::Val:
        if (ref_slot) {
          const Loc hidden = fresh(sid, std::move(a.value));
          fr.slots[sid] = fresh(sid, leaf(sl.type, RefV{hidden, false}));
        } else {
          fr.slots[sid] = fresh(sid, std::move(a.value));
        }
        break;
    }
  }
  if (F.result != ir::none) {
    bound[F.result] = true;
    if (args.size() > F.params.size()) {
      fr.slots[F.result] = args[F.params.size()].loc;
    } else {
      // A discarded result with no destination: the caller owns it.
      const ir::Slot& sl = F.slots.at(F.result);
      Tree t = sl.holding != ir::Holding::Value ? Tree{sl.type, false, false, {}, {}} : fresh_tree(c.m, sl.type);
      const RootId r = new_stack_root(c, std::move(t), callee, F.result, fr.number);
      if (!c.s.frames.empty()) c.s.frames.back().roots.push_back(r);
      else fr.roots.push_back(r);
      fr.slots[F.result] = root_loc(r);
    }
  }
  for (ir::SlotId sid = 0; sid < F.slots.size(); ++sid) {
    if (bound[sid]) continue;
    const ir::Slot& sl = F.slots[sid];
    fr.slots[sid] = fresh(sid, sl.holding != ir::Holding::Value ? Tree{sl.type, false, false, {}, {}}
                                                                : fresh_tree(c.m, sl.type));
  }
  // E-Call: an initializer's out self becomes logically initialized; a deinit
  // argument stops existing as a whole (its fields are the callee's to end).
  const bool initializer = F.kind == ir::FunctionKind::Init || F.kind == ir::FunctionKind::CopyInit ||
                           F.kind == ir::FunctionKind::MoveInit;
  for (std::size_t i = 0; i < F.params.size(); ++i) {
    const ir::Slot& sl = F.slots[F.params[i]];
    if (i == 0 && initializer && sl.convention == ast::Convention::Out) {
      Tree& t = c.tree(fr.slots[F.params[i]]);
      if (t.node) t.init = true;
    }
    if (sl.convention == ast::Convention::Deinit && args[i].mode == ir::ArgMode::Own) {
      Tree& t = c.tree(fr.slots[F.params[i]]);
      if (t.node) t.init = false;
      note_uninit(c, fr.slots[F.params[i]]);
    }
  }
  c.s.frames.push_back(std::move(fr));
}

}  // namespace ownmodel::run::detail
