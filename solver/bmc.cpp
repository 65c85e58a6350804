// Bounded model checking of one elaborated program (see bmc.h).
#include "solver/bmc.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <tuple>

#include "solver/rules.h"

namespace ownmodel::solver {

const char* reach_name(Reach r) {
  switch (r) {
    case Reach::Unreachable: return "unreachable";
    case Reach::Reachable: return "reachable";
    case Reach::Unknown: return "unknown";
  }
  return "?";
}

bool VerifyResult::any(Reach r) const {
  return std::any_of(kinds.begin(), kinds.end(), [&](const KindResult& k) { return k.status == r; });
}

const std::vector<Rule>& outcome_kinds() {
  static const std::vector<Rule> kinds{Rule::F_Uninit,    Rule::F_Use_After_Free, Rule::F_Double_Free,
                                       Rule::F_Invalid_Free, Rule::F_Dangling,    Rule::F_Out_Of_Bounds,
                                       Rule::F_Leak,      Rule::F_Linear_Abandoned};
  return kinds;
}

namespace {

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

struct Site {
  Rule kind;
  z3::expr cond;
  std::string function;
  Span span;
  Rule rule;
};

struct BranchRec {
  z3::expr guard;
  z3::expr cond;
  std::string function;
  Span span;
};

/// A guarded symbolic state: the path condition and the state under it.
struct Path {
  z3::expr g;
  SymState s;
};

Path merge(z3::context& c, const std::vector<Path>& in) {
  Path out = in.front();
  for (std::size_t i = 1; i < in.size(); ++i) {
    out.s = ite(in[i].g, in[i].s, out.s);
    out.g = out.g || in[i].g;
  }
  (void)c;
  return out;
}

class Unroller {
 public:
  Unroller(Enc& e, unsigned bound) : e_(e), c_(e.ctx), bound_(bound), cut_(e.ctx.bool_val(false)) {}

  std::vector<Site> sites;
  std::vector<BranchRec> branches;
  std::vector<std::pair<std::string, z3::expr>> inputs;  // name, Bool or Int constant
  z3::expr cut() const { return cut_; }

  void run(ir::FunctionId entry) {
    const ir::Function& F = e_.m.functions.at(entry);
    FrameEnv fe = fresh_frame(entry);
    fe.entry = true;
    SymState s = initial_state(c_);
    for (ir::SlotId p : F.params) {
      const ir::Slot& sl = F.slots[p];
      const ir::TypeKind k = e_.m.types.at(sl.type).kind;
      z3::expr v = e_.num(0);
      if (sl.holding != ir::Holding::Value) throw Unsupported{"entry parameter by reference"};
      if (k == ir::TypeKind::Bool) {
        z3::expr b = c_.bool_const(sl.name.c_str());
        inputs.emplace_back(sl.name, b);
        v = z3::ite(b, e_.num(1), e_.num(0));
      } else if (k == ir::TypeKind::Int) {
        z3::expr n = c_.int_const(sl.name.c_str());
        inputs.emplace_back(sl.name, n);
        v = n;
      } else {
        throw Unsupported{"entry parameter of type " + e_.m.types[sl.type].name};
      }
      s.st = z3::store(s.st, fe.slot_loc[p], kInit);
      s.val = z3::store(s.val, fe.slot_loc[p], v);
    }
    stack_.push_back(entry);
    (void)unroll(fe, Path{c_.bool_val(true), s});
  }

 private:
  struct Exit {
    std::vector<Path> ret;
    std::vector<Path> raised;
    std::vector<ErrorValue> errors;
  };

  FrameEnv fresh_frame(ir::FunctionId id) {
    FrameEnv fe;
    fe.fn = &e_.m.functions.at(id);
    fe.id = id;
    for (ir::SlotId k = 0; k < fe.fn->slots.size(); ++k) {
      const ir::Slot& sl = fe.fn->slots[k];
      fe.slot_loc.push_back(e_.num(next_stack_));
      next_stack_ += sl.holding == ir::Holding::Value ? e_.layouts.width(sl.type) : 1;
      fe.own_roots.push_back(k);
    }
    return fe;
  }

  /// Applies a step's effect to the path: records its faults, cuts, and moves on.
  void apply(const Effect& eff, Path& p, const FrameEnv& f, const Span& span) {
    for (std::size_t i = 0; i < eff.faults.size(); ++i) {
      const FaultCase& fc = eff.faults[i];
      if (fc.abort) continue;
      const z3::expr cond = p.g && eff.happens(c_, i);
      if (fc.cut) cut_ = cut_ || cond;
      else sites.push_back({fc.kind, cond, f.fn->name, span, eff.rule});
    }
    p.g = p.g && eff.ok(c_);
    p.s = eff.post;
  }

  /// Runs the instruction `i` on path p (which may become false).
  void instr(FrameEnv& f, const ir::Instr& in, Path& p, Exit* caught_out, std::vector<Path>* unwind_in) {
    std::visit(
        [&](const auto& node) {
          using N = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<N, ir::AssignConst> || std::is_same_v<N, ir::AssignOp>) {
            apply(encode_E_Assign(e_, f, p.s, in), p, f, in.span);
          } else if constexpr (std::is_same_v<N, ir::Copy>) {
            if (copy_frames(ir::type_of(e_.m, *f.fn, node.src))) {
              // E-Copy with frames: the places resolved, then copy_T at their locations.
              Effect r(p.s);
              r.rule = Rule::E_Copy;
              const Resolved src = resolve(e_, f, p.s, node.src, r);
              const Resolved dst = resolve(e_, f, p.s, node.dst, r);
              apply(r, p, f, in.span);
              copy_loc(f, dst.loc, src.loc, src.type, in.span, p);
            } else {
              apply(encode_E_Copy(e_, f, p.s, node), p, f, in.span);
            }
          } else if constexpr (std::is_same_v<N, ir::Move>) {
            if (move_frames(ir::type_of(e_.m, *f.fn, node.src))) {
              // E-Move with frames: the places resolved, then move_T at their locations.
              Effect r(p.s);
              r.rule = Rule::E_Move;
              const Resolved src = resolve(e_, f, p.s, node.src, r);
              const Resolved dst = resolve(e_, f, p.s, node.dst, r);
              apply(r, p, f, in.span);
              move_loc(f, dst.loc, src.loc, src.type, in.span, p);
            } else {
              apply(encode_E_Move(e_, f, p.s, node), p, f, in.span);
            }
          } else if constexpr (std::is_same_v<N, ir::Borrow>) {
            apply(encode_E_Borrow(e_, f, p.s, node), p, f, in.span);
          } else if constexpr (std::is_same_v<N, ir::Destroy>) {
            destroy_tree(f, node.place, in.span, p);
          } else if constexpr (std::is_same_v<N, ir::Store>) {
            const bool init_frames = std::visit(
                [&](const auto& src) {
                  using S = std::decay_t<decltype(src)>;
                  if constexpr (std::is_same_v<S, ir::StoreCopy>) return copy_frames(ir::type_of(e_.m, *f.fn, src.src));
                  else if constexpr (std::is_same_v<S, ir::StoreMove>) return move_frames(ir::type_of(e_.m, *f.fn, src.src));
                  else return false;
                },
                node.source);
            if (init_frames || needs_frames(ir::type_of(e_.m, *f.fn, node.dst))) {
              // E-Store-Through-Ref with frames: the checks, then pending [destroy π ; π := rhs].
              Effect chk(p.s);
              chk.rule = Rule::E_Store_Through_Ref;
              const Resolved d = resolve(e_, f, p.s, node.dst, chk);
              chk.fail(Rule::F_Uninit, !whole_init(e_, p.s, d.loc, d.type));
              apply(chk, p, f, in.span);
              destroy_tree(f, node.dst, in.span, p);
              ir::Instr next = in;
              if (const auto* c = std::get_if<ir::StoreCopy>(&node.source))
                next.node = ir::Copy{node.dst, c->src, ir::CopyOrigin::Explicit};
              else if (const auto* m = std::get_if<ir::StoreMove>(&node.source))
                next.node = ir::Move{node.dst, m->src};
              else
                throw Unsupported{"store of a built-in value into a struct"};
              instr(f, next, p, caught_out, unwind_in);
            } else {
              apply(encode_E_Store_Through_Ref(e_, f, p.s, node), p, f, in.span);
            }
          } else if constexpr (std::is_same_v<N, ir::Call>) {
            do_call(f, node, in.span, p, unwind_in);
          } else if constexpr (std::is_same_v<N, ir::Alloc>) {
            const std::int64_t b = e_.fresh_block();
            apply(encode_E_Alloc(e_, f, p.s, node, b), p, f, in.span);
          } else if constexpr (std::is_same_v<N, ir::Free>) {
            apply(encode_E_Free(e_, f, p.s, node), p, f, in.span);
          } else if constexpr (std::is_same_v<N, ir::PtrInit>) {
            const ir::TypeId t = ir::type_of(e_.m, *f.fn, node.src);
            if (node.copy ? copy_frames(t) : move_frames(t)) {
              // E-Ptr-Init with a user initializer: the checks, then pending [π[] := copy|move π'].
              Effect chk(p.s);
              chk.rule = Rule::E_Ptr_Init;
              const Resolved cell = resolve(e_, f, p.s, pointee(node.ptr), chk);
              chk.fail(Rule::F_Leak, !writable(e_, p.s, cell.loc, cell.type));
              apply(chk, p, f, in.span);
              ir::Instr next = in;
              if (node.copy) next.node = ir::Copy{pointee(node.ptr), node.src, ir::CopyOrigin::Explicit};
              else next.node = ir::Move{pointee(node.ptr), node.src};
              instr(f, next, p, caught_out, unwind_in);
            } else {
              apply(encode_E_Ptr_Init(e_, f, p.s, node), p, f, in.span);
            }
          } else if constexpr (std::is_same_v<N, ir::PtrTake>) {
            const ir::TypeId t = ir::type_of(e_.m, *f.fn, pointee(node.ptr));
            if (move_frames(t)) {
              // E-Ptr-Take with a user move initializer: the check, then pending [π := move π'[]].
              Effect chk(p.s);
              chk.rule = Rule::E_Ptr_Take;
              const Resolved cell = resolve(e_, f, p.s, pointee(node.ptr), chk);
              chk.fail(Rule::F_Uninit, !whole_init(e_, p.s, cell.loc, cell.type));
              apply(chk, p, f, in.span);
              ir::Instr next = in;
              next.node = ir::Move{node.dst, pointee(node.ptr)};
              instr(f, next, p, caught_out, unwind_in);
            } else {
              apply(encode_E_Ptr_Take(e_, f, p.s, node), p, f, in.span);
            }
          } else if constexpr (std::is_same_v<N, ir::Print>) {
            apply(encode_E_Print(e_, f, p.s, node), p, f, in.span);
          } else if constexpr (std::is_same_v<N, ir::BoxNew>) {
            // With a user move initializer, the move into the cell is a pending frame.
            std::vector<PendingMove> pending;
            const bool frames = move_frames(ir::type_of(e_.m, *f.fn, node.src));
            apply(encode_E_Box_New(e_, f, p.s, node, frames ? &pending : nullptr), p, f, in.span);
            run_pending(f, pending, Rule::E_Box_New, in.span, p);
          } else if constexpr (std::is_same_v<N, ir::ListNew>) {
            std::vector<PendingMove> pending;
            const ir::TypeId elem =
                node.element != ir::none ? node.element : e_.m.types.at(ir::type_of(e_.m, *f.fn, node.dst)).element;
            apply(encode_E_List_New(e_, f, p.s, node, move_frames(elem) ? &pending : nullptr), p, f, in.span);
            run_pending(f, pending, Rule::E_List_New, in.span, p);
          } else if constexpr (std::is_same_v<N, ir::ListAppend>) {
            std::vector<PendingMove> pending;
            const ir::TypeInfo& list = e_.m.types.at(ir::type_of(e_.m, *f.fn, node.list));
            const bool frames = list.kind == ir::TypeKind::List && move_frames(list.element);
            apply(encode_E_List_Append(e_, f, p.s, node, frames ? &pending : nullptr), p, f, in.span);
            run_pending(f, pending, Rule::E_List_Append, in.span, p);
          } else {
            throw Unsupported{"instruction outside the encoded subset"};
          }
        },
        in.node);
    (void)caught_out;
  }

  static ir::Place pointee(const ir::Place& p) {
    ir::Place q = p;
    q.path.push_back(ir::Proj{ir::ProjKind::Pointee, 0, ir::none, 0});
    return q;
  }

  /// Some part of the copy of `t` (the struct, a field of a synthesized copy, a
  /// List element or an OwnedPointer's cell) runs a user copy initializer.
  bool copy_frames(ir::TypeId t) const {
    const ir::TypeInfo& info = e_.m.types.at(t);
    if (!info.copyable) return false;  // duplicated bit for bit (§7.2 E-Copy)
    if (info.kind == ir::TypeKind::Struct) {
      if (info.trivial) return false;
      if (info.copy_init != ir::none) return true;
      for (const ir::FieldInfo& fi : info.fields)
        if (copy_frames(fi.type)) return true;
      return false;
    }
    if (info.kind == ir::TypeKind::List || info.kind == ir::TypeKind::OwnedPointer) return copy_frames(info.element);
    return false;
  }

  /// Some part of the move of `t` (the struct or a field of a synthesized move)
  /// runs a user move initializer; List and OwnedPointer values are relocated.
  bool move_frames(ir::TypeId t) const {
    const ir::TypeInfo& info = e_.m.types.at(t);
    if (info.kind != ir::TypeKind::Struct || info.trivial || !info.movable) return false;
    if (info.move_init != ir::none) return true;
    for (const ir::FieldInfo& fi : info.fields)
      if (move_frames(fi.type)) return true;
    return false;
  }

  /// Runs `body` on the part of path p where `guard` holds, then merges.
  template <class Body>
  void under(const z3::expr& guard, Path& p, Body&& body) {
    if (guard.is_true()) {
      body(p);
      return;
    }
    Path taken{p.g && guard, p.s};
    const Path skip{p.g && !guard, p.s};
    body(taken);
    p = merge(c_, {skip, taken});
  }

  /// copy_T(ℓ ← ℓ') of E-Copy (§7.2) at locations, with the frame of each user
  /// copy initializer in the tree; the parts without one are copy_at.
  void copy_loc(FrameEnv& f, const z3::expr& dst, const z3::expr& src, ir::TypeId t, const Span& span, Path& p) {
    Effect eff(p.s);
    eff.rule = Rule::E_Copy;
    if (!copy_frames(t)) {
      copy_at(e_, eff, dst, src, t);
      apply(eff, p, f, span);
      return;
    }
    const ir::TypeInfo& info = e_.m.types.at(t);
    eff.fail(Rule::F_Uninit, !whole_init(e_, p.s, src, t));
    eff.fail(Rule::F_Leak, !writable(e_, p.s, dst, t));
    if (info.kind == ir::TypeKind::Struct && info.copy_init != ir::none) {
      // A user copy initializer: its frame __init__(out self = ℓ, copy = &ℓ').
      apply(eff, p, f, span);
      call_at(f, info.copy_init, {{ir::ArgMode::Out, dst, t}, {ir::ArgMode::Ref, src, t}}, span, p);
      return;
    }
    if (info.kind == ir::TypeKind::Struct) {
      // Synthesized: ℓ's logical bit, then ℓ.f := copy ℓ'.f per field in order.
      eff.post.st = z3::store(eff.post.st, dst, kInit);
      apply(eff, p, f, span);
      for (std::uint32_t k = 0; k < info.fields.size(); ++k) {
        const z3::expr off = e_.num(e_.layouts.field_offset(t, k));
        copy_loc(f, dst + off, src + off, info.fields[k].type, span, p);
      }
      return;
    }
    // List / OwnedPointer: a fresh block owned by ℓ, then its cells copied in index order.
    const bool box = info.kind == ir::TypeKind::OwnedPointer;
    const OwnerCopy oc = copy_owner_block(e_, eff, dst, src, t);
    apply(eff, p, f, span);
    const std::int64_t w = e_.layouts.width(info.element);
    for (std::int64_t k = 0; k < (box ? 1 : kMaxCells); ++k)
      under(box ? c_.bool_val(true) : e_.num(k) < oc.count, p, [&](Path& q) {
        copy_loc(f, oc.to + e_.num(k * w), oc.from + e_.num(k * w), info.element, span, q);
      });
  }

  /// move_T(ℓ ← ℓ') of E-Move (§7.2) at locations, with the frame of each user
  /// move initializer in the tree; the parts without one are relocated (move_at).
  void move_loc(FrameEnv& f, const z3::expr& dst, const z3::expr& src, ir::TypeId t, const Span& span, Path& p) {
    Effect eff(p.s);
    eff.rule = Rule::E_Move;
    if (!move_frames(t)) {
      move_at(e_, eff, dst, src, t);
      apply(eff, p, f, span);
      return;
    }
    const ir::TypeInfo& info = e_.m.types.at(t);
    eff.fail(Rule::F_Uninit, !whole_init(e_, p.s, src, t));
    eff.fail(Rule::F_Leak, !writable(e_, p.s, dst, t));
    if (info.move_init != ir::none) {
      // A user move initializer: __init__(out self = ℓ, deinit move = own ℓ').
      apply(eff, p, f, span);
      call_at(f, info.move_init, {{ir::ArgMode::Out, dst, t}, {ir::ArgMode::Own, src, t}}, span, p);
      return;
    }
    // Synthesized: ℓ's logical bit Init, ℓ''s Uninit, then ℓ.f := move ℓ'.f per field in order.
    eff.post.st = z3::store(z3::store(eff.post.st, dst, kInit), src, kUninit);
    apply(eff, p, f, span);
    for (std::uint32_t k = 0; k < info.fields.size(); ++k) {
      const z3::expr off = e_.num(e_.layouts.field_offset(t, k));
      move_loc(f, dst + off, src + off, info.fields[k].type, span, p);
    }
  }

  /// The moves (and a reallocation's release) a heap step left pending, in order.
  void run_pending(FrameEnv& f, const std::vector<PendingMove>& pending, Rule rule, const Span& span, Path& p) {
    for (const PendingMove& m : pending)
      under(m.guard, p, [&](Path& q) {
        if (!m.release) {
          move_loc(f, m.dst, m.src, m.type, span, q);
          return;
        }
        Effect rel(q.s);
        rel.rule = rule;
        release_block_if(e_, rel, m.dst, m.type, c_.bool_val(true));
        apply(rel, q, f, span);
      });
  }

  /// Some part of the tree of `t` (fields, List elements, the OwnedPointer's
  /// cell) runs a user `__deinit__`, so its destruction pushes frames.
  bool needs_frames(ir::TypeId t) const {
    const ir::TypeInfo& info = e_.m.types.at(t);
    if (info.kind == ir::TypeKind::Struct) {
      if (info.trivial) return false;
      if (info.deinit != ir::none) return true;
      for (const ir::FieldInfo& fi : info.fields)
        if (needs_frames(fi.type)) return true;
      return false;
    }
    if (info.kind == ir::TypeKind::List || info.kind == ir::TypeKind::OwnedPointer) return needs_frames(info.element);
    return false;
  }

  /// E-Destroy of `place` with its pending expansion (§7.2 destroy_T): parts
  /// that run a user `__deinit__` get its frame, inlined; the rest is the
  /// rule's own encoding.
  void destroy_tree(FrameEnv& f, const ir::Place& place, const Span& span, Path& p) {
    const ir::TypeId t = ir::type_of(e_.m, *f.fn, place);
    const ir::TypeInfo& info = e_.m.types.at(t);
    const ir::Destroy d{place, Rule::D1, false};
    if (!needs_frames(t)) {
      apply(encode_E_Destroy(e_, f, p.s, d), p, f, span);
      return;
    }
    // The checks of E-Destroy (whole_init, deinitable).
    apply(encode_E_Destroy(e_, f, p.s, d, true), p, f, span);
    if (info.kind == ir::TypeKind::Struct && info.deinit != ir::none) {
      // A user __deinit__: its frame (deinit self = own ℓ).
      ir::Call call;
      call.callee = info.deinit;
      call.args.push_back(ir::CallArg{ir::ArgMode::Own, ir::Operand{place}, span});
      do_call(f, call, span, p, nullptr);
      return;
    }
    if (info.kind == ir::TypeKind::Struct) {
      // No __deinit__: the logical bit and trivial fields at once, then each non-trivial field.
      Effect eff(p.s);
      eff.rule = Rule::E_Destroy;
      const Resolved r = resolve(e_, f, p.s, place, eff);
      eff.post.st = z3::store(eff.post.st, r.loc, kUninit);
      for (std::uint32_t k = 0; k < info.fields.size(); ++k)
        if (e_.m.types.at(info.fields[k].type).trivial)
          eff.post.st = set_status(e_, eff.post.st, r.loc + e_.num(e_.layouts.field_offset(t, k)),
                                   info.fields[k].type, kUninit);
      apply(eff, p, f, span);
      for (std::uint32_t k = 0; k < info.fields.size(); ++k) {
        if (e_.m.types.at(info.fields[k].type).trivial) continue;
        ir::Place fp = place;
        fp.path.push_back(ir::Proj{ir::ProjKind::Field, k, ir::none, 0});
        destroy_tree(f, fp, span, p);
      }
      return;
    }
    // List / OwnedPointer: the block live, its cells destroyed in order, then released.
    const bool box = info.kind == ir::TypeKind::OwnedPointer;
    Effect chk(p.s);
    chk.rule = Rule::E_Destroy;
    const Resolved r = resolve(e_, f, p.s, place, chk);
    const z3::expr b = z3::select(p.s.val, r.loc);
    const z3::expr n = box ? e_.num(1) : z3::select(p.s.aux, r.loc);
    chk.fail(Rule::F_Double_Free, z3::select(p.s.bst, b) != kLive);
    apply(chk, p, f, span);
    for (std::int64_t k = 0; k < (box ? 1 : kMaxCells); ++k) {
      ir::Place cp = place;
      cp.path.push_back(box ? ir::Proj{ir::ProjKind::Pointee, 0, ir::none, 0}
                            : ir::Proj{ir::ProjKind::Element, 0, ir::none, k});
      Path taken{p.g && e_.num(k) < n, p.s};
      const Path skip{p.g && !(e_.num(k) < n), p.s};
      destroy_tree(f, cp, span, taken);
      p = merge(c_, {skip, taken});
    }
    Effect rel(p.s);
    rel.rule = Rule::E_Free;
    release_block_if(e_, rel, b, info.element, c_.bool_val(true));
    rel.post.st = z3::store(rel.post.st, r.loc, kUninit);
    apply(rel, p, f, span);
  }

  /// E-Call, the callee's body inlined, then the caller resumes (or E-Catch on
  /// the unwind edge, whose paths go to `unwind_in`).
  void do_call(FrameEnv& f, const ir::Call& call, const Span& span, Path& p, std::vector<Path>* unwind_in) {
    if (too_deep(call.callee, p)) return;
    FrameEnv callee = fresh_frame(call.callee);
    apply(encode_E_Call(e_, f, p.s, call, callee), p, f, span);
    enter(f, callee, call.unwind, span, p, unwind_in);
  }

  /// A frame pushed by a lifecycle step (copy_T, move_T): E-Call at locations, the body inlined.
  void call_at(FrameEnv& f, ir::FunctionId id, const std::vector<LocationArg>& args, const Span& span, Path& p) {
    if (too_deep(id, p)) return;
    FrameEnv callee = fresh_frame(id);
    apply(encode_E_Call_at(e_, p.s, args, callee), p, f, span);
    enter(f, callee, ir::none, span, p, nullptr);
  }

  /// `bound` activations of the function are on the inline stack: the path is cut.
  bool too_deep(ir::FunctionId id, Path& p) {
    if (std::count(stack_.begin(), stack_.end(), id) < static_cast<long>(bound_)) return false;
    cut_ = cut_ || p.g;
    p.g = c_.bool_val(false);
    return true;
  }

  /// Runs the bound callee's body; the caller resumes on its returns (E-Catch on its raises).
  void enter(FrameEnv& f, FrameEnv& callee, ir::BlockId unwind, const Span& span, Path& p,
             std::vector<Path>* unwind_in) {
    stack_.push_back(callee.id);
    Exit ex = unroll(callee, p);
    stack_.pop_back();
    if (!ex.raised.empty()) {
      if (unwind == ir::none || !unwind_in) {
        // A raise with no handler in this frame: only for malformed IR.
        for (const Path& r : ex.raised) cut_ = cut_ || r.g;
      } else {
        for (std::size_t k = 0; k < ex.raised.size(); ++k) {
          Path r = ex.raised[k];
          apply(encode_E_Catch(e_, f, r.s, ex.errors[k]), r, f, span);
          unwind_in->push_back(r);
        }
      }
    }
    if (ex.ret.empty()) {
      p.g = c_.bool_val(false);
    } else {
      p = merge(c_, ex.ret);
    }
  }

  using Counts = std::vector<std::uint16_t>;
  using Key = std::tuple<int, int, Counts, ir::BlockId>;  // (sum of counts, rpo index, counts, block)

  Exit unroll(FrameEnv& f, Path entry) {
    const ir::Function& F = *f.fn;
    const std::size_t nb = F.blocks.size();
    // Reverse post-order and back edges (DFS from the entry).
    std::vector<int> state(nb, 0), rpo(nb, -1);
    std::vector<ir::BlockId> post;
    std::vector<std::vector<bool>> back(nb);
    std::vector<int> header_index(nb, -1);
    int headers = 0;
    auto succs = [&](ir::BlockId b) {
      std::vector<ir::BlockId> out;
      std::visit(
          [&](const auto& t) {
            using T = std::decay_t<decltype(t)>;
            if constexpr (std::is_same_v<T, ir::Goto>) out.push_back(t.target);
            else if constexpr (std::is_same_v<T, ir::Branch>) {
              out.push_back(t.then_block);
              out.push_back(t.else_block);
            }
          },
          F.blocks[b].term.node);
      for (const ir::Instr& i : F.blocks[b].instrs)
        if (const auto* c = std::get_if<ir::Call>(&i.node); c && c->unwind != ir::none) out.push_back(c->unwind);
      return out;
    };
    std::function<void(ir::BlockId)> dfs = [&](ir::BlockId b) {
      state[b] = 1;
      const auto ss = succs(b);
      back[b].assign(ss.size(), false);
      for (std::size_t k = 0; k < ss.size(); ++k) {
        const ir::BlockId s = ss[k];
        if (state[s] == 1) {
          back[b][k] = true;
          if (header_index[s] < 0) header_index[s] = headers++;
        } else if (state[s] == 0) {
          dfs(s);
        }
      }
      state[b] = 2;
      post.push_back(b);
    };
    dfs(F.entry);
    for (std::size_t k = 0; k < post.size(); ++k) rpo[post[post.size() - 1 - k]] = static_cast<int>(k);
    auto is_back = [&](ir::BlockId from, ir::BlockId to) {
      const auto ss = succs(from);
      for (std::size_t k = 0; k < ss.size(); ++k)
        if (ss[k] == to && back[from][k]) return true;
      return false;
    };

    std::map<Key, std::vector<Path>> work;
    Exit ex;
    auto add = [&](ir::BlockId from, ir::BlockId to, const Counts& counts, const Path& p0) {
      // Paths whose condition simplifies to false (constant loop bounds) are dropped early.
      const Path p{p0.g.simplify(), p0.s};
      if (p.g.is_false()) return;
      Counts next = counts;
      if (from != ir::none && is_back(from, to)) {
        auto& n = next[static_cast<std::size_t>(header_index[to])];
        if (n >= bound_) {
          cut_ = cut_ || p.g;
          return;
        }
        ++n;
      }
      int sum = 0;
      for (auto n : next) sum += n;
      work[Key{sum, rpo[to], next, to}].push_back(p);
    };
    add(ir::none, F.entry, Counts(static_cast<std::size_t>(headers), 0), entry);

    while (!work.empty()) {
      auto it = work.begin();
      const Key key = it->first;
      const std::vector<Path> in = std::move(it->second);
      work.erase(it);
      const Counts& counts = std::get<2>(key);
      const ir::BlockId b = std::get<3>(key);
      Path p = merge(c_, in);
      const ir::BasicBlock& blk = F.blocks[b];
      std::vector<Path> unwind_in;
      for (const ir::Instr& i : blk.instrs) instr(f, i, p, nullptr, &unwind_in);
      for (const ir::Instr& i : blk.instrs)
        if (const auto* c = std::get_if<ir::Call>(&i.node); c && c->unwind != ir::none)
          for (const Path& u : unwind_in) add(b, c->unwind, counts, u);
      std::visit(
          [&](const auto& t) {
            using T = std::decay_t<decltype(t)>;
            if constexpr (std::is_same_v<T, ir::Goto>) {
              apply(encode_E_Goto(p.s), p, f, blk.term.span);
              add(b, t.target, counts, p);
            } else if constexpr (std::is_same_v<T, ir::Branch>) {
              z3::expr cond = c_.bool_val(true);
              apply(encode_E_Branch(e_, f, p.s, t, cond), p, f, blk.term.span);
              branches.push_back({p.g, cond, F.name, blk.term.span});
              add(b, t.then_block, counts, Path{p.g && cond, p.s});
              add(b, t.else_block, counts, Path{p.g && !cond, p.s});
            } else if constexpr (std::is_same_v<T, ir::Return>) {
              if (f.entry) {
                apply(encode_E_Exit(e_, f, p.s, e_.blocks, false), p, f, blk.term.span);
              } else {
                apply(encode_E_Return(e_, f, p.s), p, f, blk.term.span);
                ex.ret.push_back(p);
              }
            } else if constexpr (std::is_same_v<T, ir::Raise>) {
              ErrorValue err{e_.num(0), e_.num(0)};
              apply(encode_E_Raise(e_, f, p.s, t, err), p, f, blk.term.span);
              if (f.entry) {
                apply(encode_E_Exit(e_, f, p.s, e_.blocks, true), p, f, blk.term.span);
              } else {
                ex.raised.push_back(p);
                ex.errors.push_back(err);
              }
            }
            // Unreachable: no successor.
          },
          blk.term.node);
    }
    return ex;
  }

  Enc& e_;
  z3::context& c_;
  unsigned bound_;
  z3::expr cut_;
  std::int64_t next_stack_ = kStackBase;
  std::vector<ir::FunctionId> stack_;
};

}  // namespace

VerifyResult verify(const ir::Module& module, const VerifyOptions& options) {
  VerifyResult result;
  for (Rule k : outcome_kinds()) result.kinds.push_back(KindResult{k, Reach::Unknown, std::nullopt, "", 0, false});
  if (module.entry == ir::none) {
    result.supported = false;
    result.unsupported = "no entry function";
    for (KindResult& k : result.kinds) k.reason = result.unsupported;
    return result;
  }
  z3::context c;
  Enc e(c, module);
  Unroller u(e, options.bound);
  const auto t0 = std::chrono::steady_clock::now();
  try {
    u.run(module.entry);
  } catch (const Unsupported& x) {
    result.supported = false;
    result.unsupported = x.what;
    for (KindResult& k : result.kinds) k.reason = "unsupported: " + x.what;
    return result;
  }
  result.encode_ms = ms_since(t0);

  auto make_solver = [&]() {
    // Simplification and equation solving before SMT: the merged states are
    // deep ite/store terms, which the default solver handles ~10x slower.
    // try_for bounds the whole tactic (the timeout parameter below covers the SMT core).
    const z3::tactic pre = z3::tactic(c, "simplify") & z3::tactic(c, "propagate-values") & z3::tactic(c, "solve-eqs");
    z3::solver s = z3::try_for(pre & z3::tactic(c, "smt"), options.timeout_ms).mk_solver();
    z3::params p(c);
    p.set("timeout", options.timeout_ms);
    s.set(p);
    for (const auto& [name, v] : u.inputs)
      if (v.is_int()) s.add(v >= c.int_val(INT64_MIN) && v <= c.int_val(INT64_MAX));
    return s;
  };
  for (KindResult& k : result.kinds) {
    z3::expr goal = c.bool_val(false);
    bool any = false;
    for (const Site& s : u.sites)
      if (s.kind == k.kind) {
        goal = goal || s.cond;
        any = true;
      }
    if (!any) {
      k.status = Reach::Unreachable;
      continue;
    }
    k.queried = true;
    z3::solver s = make_solver();
    s.add(goal);
    const auto q0 = std::chrono::steady_clock::now();
    z3::check_result r = z3::unknown;
    try {
      r = s.check();
    } catch (const z3::exception& x) {
      k.reason = x.msg();
    }
    k.ms = ms_since(q0);
    if (r == z3::unsat) {
      k.status = Reach::Unreachable;
    } else if (r == z3::unknown) {
      k.status = Reach::Unknown;
      if (k.reason.empty()) k.reason = s.reason_unknown();
    } else {
      k.status = Reach::Reachable;
      const z3::model m = s.get_model();
      Witness w;
      for (const auto& [name, v] : u.inputs) {
        const z3::expr val = m.eval(v, true);
        if (v.is_bool()) w.inputs.emplace_back(name, val.is_true());
        else w.inputs.emplace_back(name, static_cast<std::int64_t>(val.get_numeral_int64()));
      }
      for (const BranchRec& b : u.branches)
        if (m.eval(b.guard, true).is_true())
          w.branches.push_back({b.function, b.span, m.eval(b.cond, true).is_true()});
      for (const Site& s2 : u.sites)
        if (s2.kind == k.kind && m.eval(s2.cond, true).is_true()) {
          w.function = s2.function;
          w.span = s2.span;
          w.step_rule = s2.rule;
          break;
        }
      k.witness = std::move(w);
    }
  }
  {
    z3::solver s = make_solver();
    s.add(u.cut());
    const z3::check_result r = s.check();
    result.bound_hit = r == z3::sat ? Reach::Reachable : r == z3::unsat ? Reach::Unreachable : Reach::Unknown;
  }
  return result;
}

}  // namespace ownmodel::solver
