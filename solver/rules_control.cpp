// Encodings of the control rules (docs/semantics.md §7.2): E-Call, E-Return,
// E-Exit, E-Raise, E-Catch. Frames are the unroller's (bmc.cpp): a call's
// relation binds the callee's slots, a return's checks the exit premises and
// kills the frame's roots. Written from the spec, independently of reference-impl/.
#include <algorithm>
#include <tuple>

#include "solver/rules.h"

namespace ownmodel::solver {

namespace {

/// The layout type of a slot's own cell: a reference cell is one trivial cell.
ir::TypeId cell_type(Enc& e, const ir::Slot& s) { return s.holding == ir::Holding::Value ? s.type : e.m.int_type; }

bool is_own_param(const ir::Slot& s) {
  return (s.convention == ast::Convention::Var || s.convention == ast::Convention::Deinit) &&
         s.holding == ir::Holding::Value;
}

/// The exit premises shared by E-Return, E-Raise and E-Exit (§7.2).
void exit_checks(Enc& e, const FrameEnv& f, const SymState& s, Effect& eff, bool normal, ir::SlotId skip) {
  const ir::Function& F = *f.fn;
  for (ir::SlotId r : f.own_roots) {
    if (r == skip) continue;
    eff.fail(Rule::F_Leak, !ended(e, s, f.slot_loc[r], cell_type(e, F.slots[r])));
  }
  for (ir::SlotId p : F.params) {
    const ir::Slot& sl = F.slots[p];
    const z3::expr& l = f.slot_loc[p];
    if (is_own_param(sl)) {
      eff.fail(Rule::F_Leak, !ended(e, s, l, sl.type));
    } else if (sl.convention == ast::Convention::Mut && sl.holding != ir::Holding::Value) {
      eff.fail(Rule::F_Uninit, z3::select(s.st, l) != kInit);
      eff.fail(Rule::F_Uninit, !whole_init(e, s, z3::select(s.val, l), sl.type));
    } else if (sl.convention == ast::Convention::Out && normal) {
      eff.fail(Rule::F_Uninit, !whole_init(e, s, l, cell_type(e, sl)));
    }
  }
  if (normal && F.result != ir::none)
    eff.fail(Rule::F_Uninit, !whole_init(e, s, f.slot_loc[F.result], cell_type(e, F.slots[F.result])));
}

/// Pops the frame: trivial leaves of own arguments cleared, the frame's roots Dead.
void pop(Enc& e, const FrameEnv& f, Effect& eff) {
  const ir::Function& F = *f.fn;
  for (ir::SlotId p : F.params)
    if (is_own_param(F.slots[p]))
      eff.post.st = set_status(e, eff.post.st, f.slot_loc[p], F.slots[p].type, kUninit);
  for (ir::SlotId r : f.own_roots)
    eff.post.st = set_status(e, eff.post.st, f.slot_loc[r], cell_type(e, F.slots[r]), kDead);
}

bool is_initializer(const ir::Function& F) {
  return F.kind == ir::FunctionKind::Init || F.kind == ir::FunctionKind::CopyInit ||
         F.kind == ir::FunctionKind::MoveInit;
}

/// A whole `deinit` parameter of the caller passed on to a `deinit` parameter of the callee.
bool forwards_deinit(Enc& e, const FrameEnv& caller, const ir::Slot& callee_param, const ir::Place& p) {
  (void)e;
  if (callee_param.convention != ast::Convention::Deinit || !p.path.empty()) return false;
  const ir::Slot& own = caller.fn->slots.at(p.slot);
  return own.kind == ir::SlotKind::Param && own.convention == ast::Convention::Deinit;
}

/// Every cell of the tree at `loc` except its root's logical bit is Init.
z3::expr fields_init(Enc& e, const SymState& s, const z3::expr& loc, ir::TypeId t) {
  z3::expr r = e.ctx.bool_val(true);
  for (const CellShape& c : e.layouts.cells(t))
    if (c.offset != 0 || !c.node) r = r && z3::select(s.st, loc + e.num(c.offset)) == kInit;
  return r;
}

/// Binds parameter `slot` (argument k) of the callee to the caller's location
/// `loc` of type `t` passed as &, &mut, own or out, with E-Call's premise on it.
/// `forwards`: a whole `deinit` parameter handed on, whose logical bit is already clear.
void bind_location(Enc& e, const SymState& pre, Effect& eff, FrameEnv& callee, std::size_t k, bool is_result,
                   ir::SlotId slot, ir::ArgMode mode, const z3::expr& loc, ir::TypeId t, bool forwards,
                   std::vector<ir::SlotId>& borrowed) {
  const ir::Function& F = *callee.fn;
  const ir::Slot& sl = F.slots[slot];
  SymState& s = eff.post;
  switch (mode) {
    case ir::ArgMode::Ref:
    case ir::ArgMode::MutRef: {
      eff.fail(Rule::F_Uninit, !whole_init(e, pre, loc, t));
      const z3::expr& l = callee.slot_loc[slot];
      s.st = z3::store(s.st, l, kInit);
      s.val = z3::store(s.val, l, loc);
      s.aux = z3::store(s.aux, l, e.num(0));
      break;
    }
    case ir::ArgMode::Own: {
      // `self^.other()` inside a method taking `deinit self` forwards the
      // consumed value: its logical bit was cleared when this frame bound it,
      // so only its fields must be initialized (§7.2 E-Call).
      z3::expr bad = !whole_init(e, pre, loc, t);
      if (forwards) bad = bad && !fields_init(e, pre, loc, t);
      eff.fail(Rule::F_Uninit, bad);
      callee.slot_loc[slot] = loc;
      borrowed.push_back(slot);
      if (sl.convention == ast::Convention::Deinit && e.m.types.at(sl.type).kind == ir::TypeKind::Struct)
        s.st = z3::store(s.st, loc, kUninit);  // the logical bit: the value no longer exists as a whole
      break;
    }
    case ir::ArgMode::Out:
      eff.fail(Rule::F_Leak, !writable(e, pre, loc, t));
      callee.slot_loc[slot] = loc;
      borrowed.push_back(slot);
      if (is_initializer(F) && !is_result && k == 0 && e.m.types.at(sl.type).kind == ir::TypeKind::Struct)
        s.st = z3::store(s.st, loc, kInit);  // init T ℓd: the logical bit
      break;
    case ir::ArgMode::Val: break;
  }
}

/// Fresh roots start Uninit.
void clear_roots(Enc& e, SymState& s, const FrameEnv& callee) {
  for (ir::SlotId r : callee.own_roots)
    s.st = set_status(e, s.st, callee.slot_loc[r], cell_type(e, callee.fn->slots[r]), kUninit);
}

void drop_borrowed(FrameEnv& callee, const std::vector<ir::SlotId>& borrowed) {
  std::erase_if(callee.own_roots, [&](ir::SlotId r) {
    return std::find(borrowed.begin(), borrowed.end(), r) != borrowed.end();
  });
}

}  // namespace

// E-Call: arguments initialized (&, &mut, own, val), out destination writable;
// binds the callee frame `callee` (fresh locations already chosen for its slots).
Effect encode_E_Call(Enc& e, const FrameEnv& caller, const SymState& pre, const ir::Call& i, FrameEnv& callee) {
  Effect eff(pre);
  eff.rule = Rule::E_Call;
  const ir::Function& F = *callee.fn;
  SymState& s = eff.post;
  clear_roots(e, s, callee);
  std::vector<ir::SlotId> borrowed;  // slots that are the caller's locations, not fresh roots
  for (std::size_t k = 0; k < i.args.size(); ++k) {
    const ir::CallArg& a = i.args[k];
    const bool is_result = k >= F.params.size();
    if (is_result && F.result == ir::none) throw Unsupported{"call with an extra argument"};
    const ir::SlotId slot = is_result ? F.result : F.params[k];
    const ir::Slot& sl = F.slots[slot];
    if (a.mode == ir::ArgMode::Val) {
      z3::expr v = e.num(0), aux = e.num(0);
      if (const auto* p = std::get_if<ir::Place>(&a.value.value)) {
        const Resolved r = resolve(e, caller, pre, *p, eff);
        eff.fail(Rule::F_Uninit, !whole_init(e, pre, r.loc, r.type));
        if (e.layouts.width(r.type) != 1) {
          // A register-passable struct by value: its cells, bit for bit.
          if (sl.holding != ir::Holding::Value || e.layouts.width(sl.type) != e.layouts.width(r.type))
            throw Unsupported{"val argument of a struct"};
          for (const CellShape& c : e.layouts.cells(r.type)) {
            const z3::expr d = callee.slot_loc[slot] + e.num(c.offset), from = r.loc + e.num(c.offset);
            s.st = z3::store(s.st, d, z3::select(pre.st, from));
            s.val = z3::store(s.val, d, z3::select(pre.val, from));
            s.aux = z3::store(s.aux, d, z3::select(pre.aux, from));
          }
          continue;
        }
        v = z3::select(pre.val, r.loc);
        aux = z3::select(pre.aux, r.loc);
      } else {
        std::tie(v, aux) = operand_leaf(e, caller, pre, a.value, eff);
      }
      const z3::expr& l = callee.slot_loc[slot];
      s.st = z3::store(s.st, l, kInit);
      s.val = z3::store(s.val, l, v);
      s.aux = z3::store(s.aux, l, aux);
      continue;
    }
    const auto* p = std::get_if<ir::Place>(&a.value.value);
    if (!p) throw Unsupported{"non-place argument"};
    const Resolved r = resolve(e, caller, pre, *p, eff);
    bind_location(e, pre, eff, callee, k, is_result, slot, a.mode, r.loc, r.type,
                  a.mode == ir::ArgMode::Own && forwards_deinit(e, caller, sl, *p), borrowed);
  }
  drop_borrowed(callee, borrowed);
  return eff;
}

// E-Call for a frame that copy_T, move_T or destroy_T pushes (§7.2): the bindings
// of E-Call with arguments that are already locations (`__init__(out self = ℓ, copy = &ℓ')`).
Effect encode_E_Call_at(Enc& e, const SymState& pre, const std::vector<LocationArg>& args, FrameEnv& callee) {
  Effect eff(pre);
  eff.rule = Rule::E_Call;
  const ir::Function& F = *callee.fn;
  clear_roots(e, eff.post, callee);
  std::vector<ir::SlotId> borrowed;
  for (std::size_t k = 0; k < args.size(); ++k) {
    if (k >= F.params.size() || args[k].mode == ir::ArgMode::Val) throw Unsupported{"lifecycle frame arguments"};
    bind_location(e, pre, eff, callee, k, false, F.params[k], args[k].mode, args[k].loc, args[k].type, false,
                  borrowed);
  }
  drop_borrowed(callee, borrowed);
  return eff;
}

// E-Return: owned roots ended, mut restored, result/out initialized; the frame's roots die.
Effect encode_E_Return(Enc& e, const FrameEnv& f, const SymState& pre) {
  Effect eff(pre);
  eff.rule = Rule::E_Return;
  exit_checks(e, f, pre, eff, true, ir::none);
  pop(e, f, eff);
  return eff;
}

// E-Exit: E-Return's premises for the entry frame, and no heap block Live (of `blocks`).
Effect encode_E_Exit(Enc& e, const FrameEnv& f, const SymState& pre, const std::vector<std::int64_t>& blocks,
                     bool raised) {
  Effect eff(pre);
  eff.rule = Rule::E_Exit;
  if (!raised) exit_checks(e, f, pre, eff, true, ir::none);
  z3::expr live = e.ctx.bool_val(false);
  for (std::int64_t b : blocks) live = live || z3::select(pre.bst, e.num(b)) == kLive;
  eff.fail(Rule::F_Leak, live);
  if (!raised) pop(e, f, eff);
  return eff;
}

// E-Raise: `raise π`; π holds Init err; owned roots other than π's ended, mut restored; pop.
Effect encode_E_Raise(Enc& e, const FrameEnv& f, const SymState& pre, const ir::Raise& t, ErrorValue& error) {
  Effect eff(pre);
  eff.rule = Rule::E_Raise;
  const Resolved r = resolve(e, f, pre, t.error, eff);
  eff.fail(Rule::F_Uninit, z3::select(pre.st, r.loc) != kInit);
  error = ErrorValue{z3::select(pre.val, r.loc), z3::select(pre.aux, r.loc)};
  const ir::SlotId skip = t.error.path.empty() ? t.error.slot : ir::none;
  exit_checks(e, f, pre, eff, false, skip);
  pop(e, f, eff);
  return eff;
}

// E-Catch: the caller's `$err` writable; σ($err) := Init err e; pc := unwind block.
Effect encode_E_Catch(Enc& e, const FrameEnv& f, const SymState& pre, const ErrorValue& error) {
  Effect eff(pre);
  eff.rule = Rule::E_Catch;
  if (f.fn->error == ir::none) throw Unsupported{"catch without an error slot"};
  const z3::expr& l = f.slot_loc[f.fn->error];
  eff.fail(Rule::F_Leak, !writable(e, pre, l, f.fn->slots[f.fn->error].type));
  eff.post.st = z3::store(eff.post.st, l, kInit);
  eff.post.val = z3::store(eff.post.val, l, error.message);
  eff.post.aux = z3::store(eff.post.aux, l, error.length);
  return eff;
}

}  // namespace ownmodel::solver
