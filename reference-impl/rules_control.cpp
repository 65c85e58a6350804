// Control step rules (docs/semantics.md §7.2): E-Call, E-Return, E-Raise,
// E-Catch, E-Goto, E-Branch, E-Exit. Calls push frames on the machine's own
// stack; nothing here recurses on the host stack.
#include <fmt/format.h>

#include "reference-impl/machine_impl.h"

namespace ownmodel::run::detail {
namespace {

bool is_initializer(const ir::Function& F) {
  return F.kind == ir::FunctionKind::Init || F.kind == ir::FunctionKind::CopyInit ||
         F.kind == ir::FunctionKind::MoveInit;
}

/// The premises shared by E-Return, E-Raise and E-Exit on the top frame:
/// owned roots and own-parameter locations ended (F-Leak), mut parameters
/// restored (F-Uninit), and on a normal exit the result / out locations
/// initialized (F-Uninit). `skip` is a root exempt from the check (the error).
void check_exit(Ctx& c, bool normal, RootId skip) {
  const Frame& fr = c.top();
  const ir::Function& F = c.fn();
  for (RootId r : fr.roots) {
    if (r == skip) continue;
    const Root& root = c.s.roots[r];
    if (!ended(c.m, root.tree))
      c.fault(Rule::F_Leak,
              fmt::format("{} still holds a value when {} {}", c.name(root_loc(r)), F.name,
                          normal ? "returns" : "raises"),
              false, {"forgotten at frame pop: " + render_tree(c.m, c.s, root.tree)});
  }
  for (std::size_t i = 0; i < F.params.size(); ++i) {
    const ir::Slot& sl = F.slots[F.params[i]];
    const Loc& l = fr.slots[F.params[i]];
    switch (sl.convention) {
      case ast::Convention::Var:
      case ast::Convention::Deinit:
        if (sl.holding == ir::Holding::Value && !ended(c.m, c.peek(l)))
          c.fault(Rule::F_Leak,
                  fmt::format("{} argument {} still holds a value when {} {}",
                              sl.convention == ast::Convention::Var ? "var" : "deinit", sl.name, F.name,
                              normal ? "returns" : "raises"),
                  false, {c.name(l) + " = " + render_tree(c.m, c.s, c.peek(l))});
        break;
      case ast::Convention::Mut: {
        if (sl.holding == ir::Holding::Value) break;
        const Value& v = read_leaf(c, l, "mut argument");
        const auto* ref = std::get_if<RefV>(&v);
        if (ref && !whole_init(c.peek(ref->loc)))
          c.fault(Rule::F_Uninit, fmt::format("mut argument {} not restored at the exit of {}", sl.name, F.name),
                  false, {"missing: " + first_missing(c.m, c.s, ref->loc, c.peek(ref->loc))});
        break;
      }
      case ast::Convention::Out:
        if (normal && !whole_init(c.peek(l)))
          c.fault(Rule::F_Uninit, fmt::format("out argument {} not initialized at the exit of {}", sl.name, F.name),
                  false, {"missing: " + first_missing(c.m, c.s, l, c.peek(l))});
        break;
      default: break;
    }
  }
  if (normal && F.result != ir::none) {
    const Loc& l = fr.slots[F.result];
    const Tree& t = c.peek(l);
    if (!whole_init(t))
      c.fault(Rule::F_Uninit, fmt::format("the result of {} is not initialized at its return", F.name), false,
              {"missing: " + first_missing(c.m, c.s, l, t)});
  }
}

/// Pops the top frame: its roots die; trivial leaves left in `own` argument
/// locations are cleared (the value they belonged to is gone).
void pop_frame(Ctx& c) {
  Frame& fr = c.top();
  const ir::Function& F = c.fn();
  for (std::size_t i = 0; i < F.params.size(); ++i) {
    const ir::Slot& sl = F.slots[F.params[i]];
    if ((sl.convention == ast::Convention::Var || sl.convention == ast::Convention::Deinit) &&
        sl.holding == ir::Holding::Value) {
      const Loc& l = fr.slots[F.params[i]];
      if (c.s.roots[l.root].status == RootStatus::Live) clear_trivial_leaves(c.m, c.tree(l));
    }
  }
  for (RootId r : fr.roots) {
    Root& root = c.s.roots[r];
    root.status = RootStatus::Dead;
    root.ended_step = c.s.steps + 1;
    root.ended_rule = c.rule;
    root.tree = Tree{root.tree.type, false, false, {}, {}};
    c.touch(r);
  }
  c.s.frames.pop_back();
}

/// No Live heap block may remain at the end of the run (F-Leak with every block).
void check_heap_empty(Ctx& c) {
  std::vector<std::string> evidence;
  bool any_safe = false;
  for (HeapBlockId b = 0; b < c.s.blocks.size(); ++b) {
    const HeapBlock& block = c.s.blocks[b];
    if (!block.live) continue;
    any_safe = any_safe || block.kind != BlockKind::Manual;
    evidence.push_back(fmt::format(
        "heap{} ({} of {} x {}) allocated at line {}:{} in {}", b,
        block.kind == BlockKind::Manual ? "alloc" : block.kind == BlockKind::Box ? "OwnedPointer cell" : "List buffer",
        block.cells.size(), c.m.types.at(block.element).name, block.site.line, block.site.col,
        block.site_function == ir::none ? "?" : c.m.functions[block.site_function].name));
  }
  if (evidence.empty()) return;
  c.span = Span{};
  if (!c.s.blocks.empty()) {
    for (const HeapBlock& block : c.s.blocks)
      if (block.live) {
        c.span = block.site;  // report at the first leaked allocation site
        break;
      }
  }
  // The message is built first: argument evaluation order is unspecified, and
  // the evidence is moved into the same call.
  std::string message =
      fmt::format("{} heap block(s) still live at the end of the run", evidence.size());
  c.fault(Rule::F_Leak, std::move(message), !any_safe, std::move(evidence));
}

/// `self^.other()` inside a method taking `deinit self`: the consumed value is
/// handed on whole to another deinit parameter. Its logical bit was cleared
/// when this frame bound it, so only its fields must be initialized.
bool forwards_deinit(Ctx& c, const ir::Function& callee, std::size_t k, const ir::Place& p) {
  if (k >= callee.params.size() || callee.slots[callee.params[k]].convention != ast::Convention::Deinit) return false;
  if (!p.path.empty()) return false;
  const ir::Slot& own = c.fn().slots.at(p.slot);
  if (own.kind != ir::SlotKind::Param || own.convention != ast::Convention::Deinit) return false;
  const Tree& t = c.peek(c.top().slots.at(p.slot));
  for (const Tree& f : t.fields)
    if (!whole_init(f)) return false;
  return true;
}

}  // namespace

// E-Call: `call f(a…) [unwind B]`; reference and own arguments whole_init,
// val operands Init, the out destination writable; push f's frame.
void step_E_Call(Ctx& c, const ir::Call& i) {
  const ir::Function& F = c.m.functions.at(i.callee);
  std::vector<ArgBinding> args;
  args.reserve(i.args.size());
  for (std::size_t k = 0; k < i.args.size(); ++k) {
    const ir::CallArg& a = i.args[k];
    ArgBinding b;
    b.mode = a.mode;
    if (a.mode == ir::ArgMode::Val) {
      const ir::TypeId t = k < F.params.size() ? F.slots[F.params[k]].type
                           : std::holds_alternative<ir::Place>(a.value.value)
                               ? place_type(c, std::get<ir::Place>(a.value.value))
                               : c.m.int_type;
      b.value = operand_tree(c, a.value, t);
    } else {
      const auto* p = std::get_if<ir::Place>(&a.value.value);
      if (!p) c.stop(StopKind::Internal, "a by-reference argument that is not a place");
      b.loc = resolve(c, *p);
      const Tree& t = c.peek(b.loc);
      if (a.mode == ir::ArgMode::Out) {
        if (!writable(c.m, t))
          c.fault(Rule::F_Leak, fmt::format("call of {} overwrites {}, which holds a value", F.name, c.name(b.loc)),
                  false, {"forgotten: " + render_tree(c.m, c.s, t)});
      } else if (!whole_init(t) && !(a.mode == ir::ArgMode::Own && forwards_deinit(c, F, k, *p))) {
        c.fault(Rule::F_Uninit, fmt::format("argument {} of {} is not initialized", c.name(b.loc), F.name), false,
                {"missing: " + first_missing(c.m, c.s, b.loc, t)});
      }
    }
    args.push_back(std::move(b));
  }
  // Lifecycle events of E-Call: initializers emit init (copy/move for those
  // initializers called directly); a named destructor, or any `deinit`
  // argument (`merge(mut self, deinit other)`), ends its value: del.
  if (F.self_type != ir::none && !F.params.empty() && !args.empty()) {
    const ir::Slot& self = F.slots[F.params[0]];
    if (is_initializer(F) && self.convention == ast::Convention::Out && !c.type(F.self_type).trivial) {
      const EventKind k = F.kind == ir::FunctionKind::CopyInit   ? EventKind::Copy
                          : F.kind == ir::FunctionKind::MoveInit ? EventKind::Move
                                                                 : EventKind::Init;
      const Loc* src = k != EventKind::Init && args.size() > 1 ? &args[1].loc : nullptr;
      emit(c, k, F.self_type, args[0].loc, src);
    }
  }
  if (F.kind != ir::FunctionKind::Deinit && F.kind != ir::FunctionKind::MoveInit) {
    for (std::size_t k = 0; k < F.params.size() && k < args.size(); ++k) {
      const ir::Slot& sl = F.slots[F.params[k]];
      if (sl.convention != ast::Convention::Deinit || args[k].mode != ir::ArgMode::Own) continue;
      const Tree& t = c.peek(args[k].loc);
      // A forwarded deinit argument (logical bit already clear) had its del.
      if (t.node && t.init && !c.type(t.type).trivial)
        emit(c, EventKind::Del, t.type, args[k].loc, nullptr, F.display_name);
    }
  }
  push_frame(c, i.callee, std::move(args), false);
}

// E-Return: `return` in a frame other than the entry frame; owned roots ended,
// mut arguments restored, result / out initialized; pop, the caller's pc+1.
void step_E_Return(Ctx& c) {
  check_exit(c, true, none);
  const bool advance_caller = !c.top().from_pending;
  pop_frame(c);
  if (advance_caller) advance(c);
}

// E-Raise: `raise π` with π Init err e; F's other roots ended, mut restored;
// pop F and set the caller raising(e) (the entry frame: E-Exit comes next).
void step_E_Raise(Ctx& c, const ir::Raise& t) {
  const Loc el = resolve(c, t.error);
  const Value& v = read_leaf(c, el, "raised error");
  const auto* err = std::get_if<ErrV>(&v);
  if (!err) c.stop(StopKind::Internal, "raise of a value that is not an Error");
  const std::string message = err->msg;
  c.tree(el) = fresh_tree(c.m, c.peek(el).type);  // the error travels with the raise
  const ir::Function& F = c.fn();
  if (is_initializer(F) && !F.params.empty()) {
    // The unfinished result: its set fields were destroyed on the error edge (D2).
    const Loc& self = c.top().slots[F.params[0]];
    Tree& st = c.tree(self);
    st.init = false;
    if (!ended(c.m, st))
      c.fault(Rule::F_Leak, fmt::format("{} raises with fields of its result still initialized", F.name), false,
              {c.name(self) + " = " + render_tree(c.m, c.s, st)});
  }
  check_exit(c, false, el.path.empty() ? el.root : none);
  const bool from_pending = c.top().from_pending;
  pop_frame(c);
  if (c.s.frames.empty()) {
    c.s.raised = message;
    return;
  }
  if (from_pending) c.stop(StopKind::Internal, "a lifecycle method raised");
  c.top().raising = true;
  c.top().error = message;
}

// E-Catch: the top frame is raising(e) at `call … unwind B`; $err := e, continue at B.
void step_E_Catch(Ctx& c) {
  Frame& fr = c.top();
  const ir::Function& F = c.fn();
  const ir::BasicBlock& B = F.blocks.at(fr.block);
  const ir::Call* call = fr.index < B.instrs.size() ? std::get_if<ir::Call>(&B.instrs[fr.index].node) : nullptr;
  if (!call || call->unwind == ir::none)
    c.stop(StopKind::Internal, fmt::format("an error reached {} at a call without an unwind block", F.name));
  if (F.error == ir::none) c.stop(StopKind::Internal, fmt::format("{} has no $err slot", F.name));
  const Loc l = fr.slots.at(F.error);
  if (!writable(c.m, c.peek(l)))
    c.fault(Rule::F_Leak, fmt::format("the error slot of {} is overwritten", F.name));
  c.tree(l) = leaf(F.slots[F.error].type, ErrV{fr.error});
  fr.raising = false;
  fr.error.clear();
  fr.block = call->unwind;
  fr.index = 0;
}

// E-Goto: `goto B`; continue at B.
void step_E_Goto(Ctx& c, const ir::Goto& t) {
  if (t.target >= c.fn().blocks.size()) c.stop(StopKind::Internal, "goto to a missing block");
  c.top().block = t.target;
  c.top().index = 0;
}

// E-Branch: `branch o ? B1 : B2`; o Init bool (F-Uninit); a forced choice of
// the input oracle overrides the condition (witness replay).
void step_E_Branch(Ctx& c, const ir::Branch& t) {
  const Value v = read_operand(c, t.cond);
  const auto* b = std::get_if<BoolV>(&v);
  if (!b) c.stop(StopKind::Internal, "branch on a value that is not a Bool");
  bool taken = b->v;
  if (c.prog.oracle) {
    BranchSite site{c.s.branches, c.s.steps + 1, c.top().function, c.top().block, taken};
    if (auto forced = c.prog.oracle->branch_choice(site)) taken = *forced;
  }
  ++c.s.branches;
  const ir::BlockId next = taken ? t.then_block : t.else_block;
  if (next >= c.fn().blocks.size()) c.stop(StopKind::Internal, "branch to a missing block");
  c.top().block = next;
  c.top().index = 0;
}

// E-Exit: the entry frame returns (E-Return's premises) or has raised; no heap
// block may be Live (F-Leak, listing every live block with its site).
void step_E_Exit(Ctx& c) {
  if (!c.s.frames.empty()) {
    check_exit(c, true, none);
    pop_frame(c);
  }
  check_heap_empty(c);
  if (c.s.raised) c.s.stop = Stop{StopKind::Raised, *c.s.raised, std::nullopt};
  else c.s.stop = Stop{StopKind::Finished, {}, std::nullopt};
}

}  // namespace ownmodel::run::detail
