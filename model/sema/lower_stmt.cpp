// Lowering of statements and control flow to basic blocks (docs/semantics.md
// §6): declarations, assignments, if/while/for, return, raise, try/except.
#include <fmt/format.h>

#include "model/sema/lower_impl.h"

namespace ownmodel::sema::detail {

FnLowerer::FnLowerer(Ctx& c, FunctionId id) : c_(c), id_(id) {}

/* --- Emission ---------------------------------------------------------------- */

void FnLowerer::emit(ir::Instr::Node node, Span span) {
  if (c_.limit_hit) return;
  if (++c_.instr_count > c_.limits.max_instructions) {
    c_.limit(span, fmt::format("too many Core IR instructions (limit {})",
                               c_.limits.max_instructions));
    return;
  }
  if (cur_ == none) cur_ = new_block("dead");
  fn().blocks[cur_].instrs.push_back(ir::Instr{std::move(node), span});
}

BlockId FnLowerer::new_block(std::string label) {
  fn().blocks.push_back(ir::BasicBlock{std::move(label), {}, {}});
  return static_cast<BlockId>(fn().blocks.size() - 1);
}

void FnLowerer::terminate(ir::Terminator::Node term, Span span) {
  if (cur_ == none) cur_ = new_block("dead");
  fn().blocks[cur_].term = ir::Terminator{std::move(term), span};
  cur_ = none;  // code after a terminator goes to a fresh, unreachable block
}

void FnLowerer::goto_block(BlockId target, Span span) {
  if (cur_ == none) return;  // already left: nothing falls through
  terminate(ir::Goto{target}, span);
}

SlotId FnLowerer::new_slot(ir::Slot s) {
  fn().slots.push_back(std::move(s));
  return static_cast<SlotId>(fn().slots.size() - 1);
}

SlotId FnLowerer::new_temp(TypeId t, Span span, ir::Holding h) {
  ir::Slot s;
  s.name = fmt::format("$t{}", ++temps_);
  s.type = t;
  s.kind = ir::SlotKind::Temp;
  s.holding = h;
  s.is_mutable = true;
  s.span = span;
  return new_slot(std::move(s));
}

SlotId FnLowerer::new_hidden(const std::string& base, TypeId t, Span span, ir::Holding h) {
  int n = 0;
  for (const ir::Slot& s : fn().slots)
    if (s.kind == ir::SlotKind::Hidden && s.name.rfind(base, 0) == 0) ++n;
  ir::Slot s;
  s.name = n == 0 ? base : fmt::format("{}{}", base, n + 1);
  s.type = t;
  s.kind = ir::SlotKind::Hidden;
  s.holding = h;
  s.is_mutable = true;
  s.span = span;
  return new_slot(std::move(s));
}

SlotId FnLowerer::error_slot() {
  if (fn().error != none) return fn().error;
  ir::Slot s;
  s.name = "$err";
  s.type = c_.mod.error_type;
  s.kind = ir::SlotKind::Error;
  s.is_mutable = true;
  fn().error = new_slot(std::move(s));
  return fn().error;
}

std::optional<SlotId> FnLowerer::lookup(const std::string& name) const {
  for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it)
    if (auto f = it->find(name); f != it->end()) return f->second;
  return std::nullopt;
}

// S0: a name is declared at most once per block; a nested block may shadow.
void FnLowerer::declare(const std::string& name, SlotId slot, Span span) {
  auto& scope = scopes_.back();
  if (scope.count(name)) c_.s0(span, fmt::format("invalid redefinition of '{}'", name));
  scope[name] = slot;
}

/* --- Functions ---------------------------------------------------------------- */

void FnLowerer::run() {
  const Signature& s = sig();
  fn().blocks.clear();
  fn().entry = new_block("entry");
  cur_ = fn().entry;
  scopes_.emplace_back();
  for (std::size_t i = 0; i < s.params.size(); ++i) scopes_.back()[s.params[i].name] = fn().params[i];
  if (s.decl) lower_block(s.decl->body, /*new_scope=*/false);
  fallthrough_ = cur_;
  if (cur_ != none) terminate(ir::Return{}, fn().span);
  finish();
}

// @fieldwise_init: `self.f = f^` for every field, in declaration order (§2.1).
void FnLowerer::run_fieldwise() {
  fn().blocks.clear();
  fn().entry = new_block("entry");
  cur_ = fn().entry;
  const Signature& s = sig();
  for (std::size_t i = 1; i < s.params.size(); ++i) {
    ir::Place dst{fn().params[0], {ir::Proj{ir::ProjKind::Field, static_cast<std::uint32_t>(i - 1)}},
                  s.params[i].span};
    ir::Place src{fn().params[i], {}, s.params[i].span};
    if (c_.trivial(s.params[i].type))
      emit(ir::Copy{dst, src, ir::CopyOrigin::Implicit}, s.params[i].span);
    else
      emit(ir::Move{dst, src}, s.params[i].span);
  }
  terminate(ir::Return{}, fn().span);
  fallthrough_ = none;
  finish();
}

void FnLowerer::finish() {
  const BlockId fall = compact_blocks(fn(), fallthrough_);
  const Signature& s = sig();
  // S0: a function with a result returns a value on every path.
  if (fall != none && s.result_type != c_.mod.none_type && s.decl)
    c_.s0(s.decl->span, fmt::format("missing return statement in function '{}'", s.display));
}

/* --- Statements ---------------------------------------------------------------- */

// D4: a write through a reference, subscript or pointer is a `store`. Places
// the flow analysis tracks — rooted places, and fields of a `mut` parameter
// (`(*x).f`) — are written directly, so a moved-out field can be restored.
bool FnLowerer::needs_store(const ir::Place& p) {
  if (ir::is_rooted(fn(), p)) return false;
  const ir::Slot& s = fn().slots[p.slot];
  if (s.kind != ir::SlotKind::Param || s.convention != ast::Convention::Mut) return true;
  if (p.path.empty() || p.path[0].kind != ir::ProjKind::Deref) return true;
  for (std::size_t i = 1; i < p.path.size(); ++i)
    if (p.path[i].kind != ir::ProjKind::Field) return true;
  return false;
}

void FnLowerer::lower_block(const ast::Block& block, bool new_scope) {
  if (new_scope) scopes_.emplace_back();
  for (const ast::Stmt& s : block) {
    if (c_.limit_hit) break;
    lower_stmt(s);
  }
  if (new_scope) scopes_.pop_back();
}

void FnLowerer::lower_stmt(const ast::Stmt& s) {
  std::visit(
      [&](const auto& n) {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, ast::VarDecl>) lower_var_decl(n, s.span);
        else if constexpr (std::is_same_v<T, ast::RefDecl>) lower_ref_decl(n, s.span);
        else if constexpr (std::is_same_v<T, ast::Assign>) lower_assign(n, s.span);
        else if constexpr (std::is_same_v<T, ast::AugAssign>) lower_aug_assign(n, s.span);
        else if constexpr (std::is_same_v<T, ast::Discard>) lower_discard(n, s.span);
        else if constexpr (std::is_same_v<T, ast::ExprStmt>) {
          if (const auto* call = std::get_if<ast::Call>(&n.expr.node))
            lower_call(*call, n.expr.span, nullptr, nullptr);
          else
            lower_discard(ast::Discard{n.expr}, s.span);
        } else if constexpr (std::is_same_v<T, ast::If>) lower_if(n, s.span);
        else if constexpr (std::is_same_v<T, ast::While>) lower_while(n, s.span);
        else if constexpr (std::is_same_v<T, ast::For>) lower_for(n, s.span);
        else if constexpr (std::is_same_v<T, ast::Break> || std::is_same_v<T, ast::Continue>) {
          constexpr bool brk = std::is_same_v<T, ast::Break>;
          if (loops_.empty()) {
            c_.s0(s.span, brk ? "'break' is only allowed inside a loop"
                              : "'continue' is only allowed inside a loop");
            return;
          }
          terminate(ir::Goto{brk ? loops_.back().brk : loops_.back().cont}, s.span);
        } else if constexpr (std::is_same_v<T, ast::Pass>) {
        } else if constexpr (std::is_same_v<T, ast::Return>) lower_return(n, s.span);
        else if constexpr (std::is_same_v<T, ast::Raise>) lower_raise(n, s.span);
        else if constexpr (std::is_same_v<T, ast::Try>) lower_try(n, s.span);
      },
      s.node);
}

void FnLowerer::lower_var_decl(const ast::VarDecl& d, Span span) {
  TypeId annotated = none;
  bool annotation_ok = true;
  if (d.type) {
    auto t = c_.resolve_type(*d.type, sig().self_type);
    annotation_ok = t.has_value();
    if (t && *t == c_.mod.none_type) {
      c_.s0(d.type->span, fmt::format("variable '{}' cannot have type 'NoneType'", d.name));
      annotation_ok = false;
    } else if (t) {
      annotated = *t;
    }
  }
  if (d.name == "_") {
    c_.s0(span, "cannot declare the discard pattern '_'");
    return;
  }
  // The declared name's position: after `var `, unless written `x: T = e`.
  Span name_span = span;
  if (!d.implicit) name_span.col += 4;
  name_span.end_line = name_span.line;
  name_span.end_col = name_span.col + static_cast<std::uint32_t>(d.name.size());
  // W3: `x: T = e` without `var` is an implicit declaration, deprecated in 1.0.
  if (d.implicit)
    c_.sink.report(Rule::W3, name_span,
                   fmt::format("implicit declaration of '{}' is deprecated; add 'var' before the name",
                               d.name));
  SlotId slot = none;
  auto make = [&](TypeId t) {
    ir::Slot s;
    s.name = d.name;
    s.type = t == none ? c_.mod.int_type : t;
    s.kind = ir::SlotKind::Local;
    s.is_mutable = true;
    s.span = name_span;
    slot = new_slot(std::move(s));
  };
  if (d.init) {
    DestFn dest = [&](TypeId t) {
      if (slot == none) make(annotated != none ? annotated : t);
      // A write's position is its value: Mojo points W1 ("assignment … never used") there.
      return Target{ir::Place{slot, {}, d.init->span}, false};
    };
    const TypeId got = lower_owned(*d.init, annotated, dest);
    if (annotated != none) check_assignable(got, annotated, d.init->span);
    if (got == c_.mod.none_type && annotated == none)
      c_.s0(d.init->span, fmt::format("variable '{}' cannot have type 'NoneType'", d.name));
  }
  if (slot == none) make(annotation_ok ? annotated : none);
  declare(d.name, slot, span);
}

// S10c: `ref r = e` binds r to a place; a temporary has no memory origin.
void FnLowerer::lower_ref_decl(const ast::RefDecl& d, Span span) {
  const bool place = is_place_expr(d.place);
  PlaceRef p = lower_place(d.place);
  if (!place && p.ok)
    c_.sink.report(Rule::S10c, d.place.span,
                   fmt::format("value of type '{}' doesn't have a memory origin in 'ref' binding",
                               c_.type_name(p.type)));
  ir::Slot s;
  s.name = d.name;
  s.type = p.type == none ? c_.mod.int_type : p.type;
  s.kind = ir::SlotKind::RefBinding;
  s.holding = p.is_mutable ? ir::Holding::MutRef : ir::Holding::ImmRef;
  s.is_mutable = p.is_mutable;
  Origins o = origins_of(p.place);
  s.origins = std::move(o.places);
  s.interior = o.interior;
  // The bound name, after `ref `: where W1 points for a ref never used.
  s.span = Span{span.line, span.col + 4, span.line,
                span.col + 4 + static_cast<std::uint32_t>(d.name.size())};
  const SlotId slot = new_slot(std::move(s));
  emit(ir::Borrow{ir::Place{slot, {}, span}, p.place,
                  p.is_mutable ? ir::BorrowKind::Mut : ir::BorrowKind::Imm},
       span);
  declare(d.name, slot, span);
}

void FnLowerer::lower_assign(const ast::Assign& a, Span span) {
  // W3: a first assignment to an undeclared name declares it (function-scoped).
  if (const auto* n = std::get_if<ast::Name>(&a.target.node)) {
    if (!lookup(n->id) && !c_.functions.count(n->id) && !c_.structs.count(n->id) &&
        n->id != "_") {
      c_.sink.report(Rule::W3, a.target.span,
                     fmt::format("implicit declaration of '{}' is deprecated; add 'var' before "
                                 "the name",
                                 n->id));
      SlotId slot = none;
      DestFn dest = [&](TypeId t) {
        if (slot == none) {
          ir::Slot s;
          s.name = n->id;
          s.type = t == none ? c_.mod.int_type : t;
          s.kind = ir::SlotKind::Local;
          s.is_mutable = true;
          s.span = a.target.span;
          slot = new_slot(std::move(s));
        }
        return Target{ir::Place{slot, {}, a.value.span}, false};
      };
      const TypeId got = lower_owned(a.value, none, dest);
      if (got == c_.mod.none_type)
        c_.s0(a.value.span, fmt::format("variable '{}' cannot have type 'NoneType'", n->id));
      if (slot == none) dest(got);
      scopes_.front()[n->id] = slot;
      return;
    }
  }
  // The right side is evaluated before the target's index expressions (D9).
  TypeId expected = none;
  if (const auto* n = std::get_if<ast::Name>(&a.target.node))
    if (auto s = lookup(n->id)) expected = fn().slots[*s].type;
  bool target_done = false;
  DestFn dest = [&](TypeId t) {
    target_done = true;
    const bool place = is_place_expr(a.target);
    PlaceRef p = lower_place(a.target);
    if (p.ok && (!place || !p.is_mutable))
      c_.sink.report(Rule::S6a, a.target.span, "expression must be mutable in assignment");
    if (p.ok) check_assignable(t, p.type, a.value.span);
    ir::Place dst = p.place;
    if (std::holds_alternative<ast::Name>(a.target.node)) dst.span = a.value.span;  // W1 position
    return Target{std::move(dst), needs_store(p.place)};
  };
  lower_owned(a.value, expected, dest);
  if (!target_done) lower_place(a.target);
  (void)span;
}

// S6a: the destination of an in-place operator must be mutable.
void FnLowerer::lower_aug_assign(const ast::AugAssign& a, Span span) {
  Value rhs = lower_read(a.value);
  const bool place = is_place_expr(a.target);
  PlaceRef p = lower_place(a.target);
  if (!p.ok || !rhs.ok) return;
  if (!place || !p.is_mutable)
    c_.sink.report(Rule::S6a, a.target.span,
                   "expression must be mutable for in-place operator destination");
  ir::OpKind op = ir::OpKind::Add;
  bool ok = true;
  if (p.type == c_.mod.int_type) {
    switch (a.op) {
      case ast::BinaryOp::Add: op = ir::OpKind::Add; break;
      case ast::BinaryOp::Sub: op = ir::OpKind::Sub; break;
      case ast::BinaryOp::Mul: op = ir::OpKind::Mul; break;
      case ast::BinaryOp::FloorDiv: op = ir::OpKind::FloorDiv; break;
      case ast::BinaryOp::Mod: op = ir::OpKind::Mod; break;
      default: ok = false;
    }
  } else if (p.type == c_.mod.string_type && a.op == ast::BinaryOp::Add) {
    op = ir::OpKind::Concat;
  } else {
    ok = false;
  }
  if (!ok) {
    c_.s0(span, fmt::format("invalid in-place operator on a value of type '{}'",
                            c_.type_name(p.type)));
    return;
  }
  check_assignable(rhs.type, p.type, a.value.span);
  ir::OpApp app{op, {ir::Operand{p.place}, rhs.op}};
  write_op(Target{p.place, needs_store(p.place)}, std::move(app), span);
}

// `_ = π` borrows π (its last use, §6); `_ = e` builds e in a temporary that dies at once.
void FnLowerer::lower_discard(const ast::Discard& d, Span span) {
  if (is_place_expr(d.value)) {
    PlaceRef p = lower_place(d.value);
    if (!p.ok) return;
    const SlotId t = new_temp(p.type, d.value.span, ir::Holding::ImmRef);
    Origins o = origins_of(p.place);
    fn().slots[t].origins = std::move(o.places);
    fn().slots[t].interior = o.interior;
    emit(ir::Borrow{ir::Place{t, {}, d.value.span}, p.place, ir::BorrowKind::Imm}, span);
    return;
  }
  lower_owned(d.value, none, temp_dest(d.value.span));
}

void FnLowerer::lower_if(const ast::If& s, Span span) {
  const BlockId join = new_block("if.end");
  for (std::size_t i = 0; i < s.branches.size(); ++i) {
    const auto& br = s.branches[i];
    Value c = lower_cond(br.cond);
    const BlockId then_b = new_block("if.then");
    const bool last = i + 1 == s.branches.size();
    const BlockId else_b =
        !last ? new_block("if.elif") : s.orelse ? new_block("if.else") : join;
    terminate(ir::Branch{c.op, then_b, else_b}, br.cond.span);
    set_block(then_b);
    lower_block(br.body);
    goto_block(join, span);
    set_block(else_b);
  }
  if (s.orelse) {
    lower_block(*s.orelse);
    goto_block(join, span);
    set_block(join);
  }
}

void FnLowerer::lower_while(const ast::While& s, Span span) {
  const BlockId head = new_block("while.head");
  goto_block(head, span);
  set_block(head);
  Value c = lower_cond(s.cond);
  const BlockId body = new_block("while.body");
  const BlockId exit = new_block("while.exit");
  // `while True:` leaves only through `break` (or return/raise).
  const auto* k = std::get_if<ir::Const>(&c.op.value);
  if (k && std::holds_alternative<bool>(k->value) && std::get<bool>(k->value))
    terminate(ir::Goto{body}, s.cond.span);
  else
    terminate(ir::Branch{c.op, body, exit}, s.cond.span);
  set_block(body);
  loops_.push_back({head, exit});
  lower_block(s.body);
  loops_.pop_back();
  goto_block(head, span);
  set_block(exit);
}

void FnLowerer::lower_for(const ast::For& s, Span span) {
  const TypeId int_t = c_.mod.int_type;
  auto var_place = [&](SlotId slot) { return ir::Place{slot, {}, s.iterable.span}; };
  const auto* call = std::get_if<ast::Call>(&s.iterable.node);
  const auto* callee = call ? std::get_if<ast::Name>(&call->callee->node) : nullptr;
  if (callee && callee->id == "range" && !lookup("range")) {
    // for i in range(a, b): a counter $k and an end $end evaluated once (§6).
    if (call->args.empty() || call->args.size() > 2) {
      if (call->args.size() == 3)
        c_.unsupported(s.iterable.span, "'range' with a step");
      else
        c_.s0(s.iterable.span, "invalid call to 'range': expected one or two arguments");
      return;
    }
    for (const ast::Arg& a : call->args)
      if (a.keyword) {
        c_.s0(a.value->span, fmt::format("invalid call to 'range': unknown keyword argument '{}'",
                                         *a.keyword));
        return;
      }
    const SlotId k = new_hidden("$k", int_t, s.iterable.span);
    const SlotId end = new_hidden("$end", int_t, s.iterable.span);
    auto into = [&](SlotId slot) {
      return DestFn([&, slot](TypeId) { return Target{var_place(slot), false}; });
    };
    if (call->args.size() == 1) {
      write_const(Target{var_place(k), false}, ir::Const{std::int64_t{0}}, s.iterable.span);
      check_assignable(lower_owned(*call->args[0].value, int_t, into(end)), int_t,
                       call->args[0].value->span);
    } else {
      check_assignable(lower_owned(*call->args[0].value, int_t, into(k)), int_t,
                       call->args[0].value->span);
      check_assignable(lower_owned(*call->args[1].value, int_t, into(end)), int_t,
                       call->args[1].value->span);
    }
    lower_counted_loop(
        s, span, k, [&] { return ir::Operand{var_place(end)}; },
        [&] {
          ir::Slot iv;
          iv.name = s.name;
          iv.type = int_t;
          iv.kind = ir::SlotKind::Local;
          iv.is_mutable = false;
          iv.span = span;
          const SlotId i = new_slot(std::move(iv));
          emit(ir::Copy{ir::Place{i, {}, span}, var_place(k), ir::CopyOrigin::Implicit}, span);
          return i;
        });
    return;
  }
  // for x in xs: a hidden iterator borrowing xs, an index $k, and an element
  // reference x bound at the top of each iteration (§6).
  PlaceRef xs = lower_place(s.iterable);
  if (!xs.ok) return;
  if (!c_.is_kind(xs.type, ir::TypeKind::List)) {
    c_.unsupported(s.iterable.span,
                   fmt::format("iterating over a value of type '{}'", c_.type_name(xs.type)));
    return;
  }
  const TypeId elem = c_.info(xs.type).element;
  Origins o = origins_of(xs.place);
  const SlotId it = new_hidden("$it", xs.type, s.iterable.span, ir::Holding::ImmRef);
  fn().slots[it].origins = o.places;
  fn().slots[it].interior = o.interior;
  emit(ir::Borrow{var_place(it), xs.place, ir::BorrowKind::Imm}, s.iterable.span);
  const SlotId k = new_hidden("$k", int_t, s.iterable.span);
  write_const(Target{var_place(k), false}, ir::Const{std::int64_t{0}}, s.iterable.span);
  lower_counted_loop(
      s, span, k,
      [&] {
        const SlotId n = new_hidden("$n", int_t, s.iterable.span);
        ir::Place list_place{it, {ir::Proj{ir::ProjKind::Deref}}, s.iterable.span};
        emit(ir::AssignOp{var_place(n), ir::OpApp{ir::OpKind::Len, {ir::Operand{list_place}}}},
             s.iterable.span);
        return ir::Operand{var_place(n)};
      },
      [&] {
        ir::Slot xv;
        xv.name = s.name;
        xv.type = elem;
        xv.kind = ir::SlotKind::Local;
        xv.holding = ir::Holding::ImmRef;
        xv.is_mutable = false;
        xv.origins = o.places;
        xv.interior = true;
        xv.span = span;
        const SlotId x = new_slot(std::move(xv));
        ir::Proj el{ir::ProjKind::Element};
        el.index_slot = k;
        ir::Place elem_place{it, {ir::Proj{ir::ProjKind::Deref}, el}, s.iterable.span};
        emit(ir::Borrow{ir::Place{x, {}, span}, elem_place, ir::BorrowKind::Imm}, span);
        return x;
      });
}

void FnLowerer::lower_counted_loop(const ast::For& s, Span span, SlotId k,
                                   const std::function<ir::Operand()>& bound,
                                   const std::function<SlotId()>& bind) {
  auto var_place = [&](SlotId slot) { return ir::Place{slot, {}, s.iterable.span}; };
  const BlockId head = new_block("for.head");
  goto_block(head, span);
  set_block(head);
  const ir::Operand limit = bound();
  const SlotId c = new_hidden("$c", c_.mod.bool_type, s.iterable.span);
  emit(ir::AssignOp{var_place(c), ir::OpApp{ir::OpKind::Lt, {ir::Operand{var_place(k)}, limit}}},
       s.iterable.span);
  const BlockId body = new_block("for.body");
  const BlockId next = new_block("for.next");
  const BlockId exit = new_block("for.exit");
  terminate(ir::Branch{ir::Operand{var_place(c)}, body, exit}, s.iterable.span);
  set_block(body);
  scopes_.emplace_back();
  scopes_.back()[s.name] = bind();
  loops_.push_back({next, exit});
  lower_block(s.body, false);
  loops_.pop_back();
  scopes_.pop_back();
  goto_block(next, span);
  set_block(next);
  emit(ir::AssignOp{var_place(k), ir::OpApp{ir::OpKind::Add, {ir::Operand{var_place(k)},
                                                               ir::Operand{ir::Const{std::int64_t{1}}}}}},
       span);
  goto_block(head, span);
  set_block(exit);
}

namespace {

std::string origin_text(const ast::Expr& e) {
  if (const auto* n = std::get_if<ast::Name>(&e.node)) return n->id;
  if (const auto* f = std::get_if<ast::Field>(&e.node)) return origin_text(*f->base) + "." + f->field;
  return "?";
}

// An origin named in `ref[...]`: a parameter and a field path under it.
struct NamedOrigin {
  std::string param;
  std::vector<std::string> fields;
};

NamedOrigin named_origin(const ast::Expr& e) {
  NamedOrigin o;
  const ast::Expr* cur = &e;
  for (int depth = 0; depth < 1000; ++depth) {
    if (const auto* f = std::get_if<ast::Field>(&cur->node)) {
      o.fields.insert(o.fields.begin(), f->field);
      cur = &*f->base;
      continue;
    }
    if (const auto* n = std::get_if<ast::Name>(&cur->node)) o.param = n->id;
    break;
  }
  return o;
}

}  // namespace

// S12d: a function with an out parameter returns with a bare `return`.
// S10b: a `ref` result returns a place whose origin is one the result names.
void FnLowerer::lower_return(const ast::Return& r, Span span) {
  const Signature& s = sig();
  if (s.out_param >= 0 && r.value) {
    c_.sink.report(Rule::S12d, span,
                   "'out' argument cannot be returned by name; remove the return statement "
                   "entirely or change it to just 'return'",
                   {DiagnosticNote{r.value->span,
                                   "remove the expression if the return slot is already "
                                   "initialized"}});
  } else if (s.result_type == c_.mod.none_type) {
    if (r.value) {
      Value v = lower_read(*r.value);
      if (v.ok && v.type != c_.mod.none_type)
        c_.s0(r.value->span, fmt::format("cannot implicitly convert '{}' value to 'NoneType'",
                                         c_.type_name(v.type)));
    }
  } else if (!r.value) {
    c_.s0(span, fmt::format("missing return value in function '{}' with result type '{}'",
                            s.display, c_.type_name(s.result_type)));
  } else if (!s.result_is_ref) {
    const SlotId ret = fn().result;
    DestFn dest = [&](TypeId) { return Target{ir::Place{ret, {}, r.value->span}, false}; };
    const TypeId got = lower_owned(*r.value, s.result_type, dest);
    check_assignable(got, s.result_type, r.value->span);
  } else {
    const bool place = is_place_expr(*r.value);
    PlaceRef p = lower_place(*r.value);
    if (p.ok) {
      check_assignable(p.type, s.result_type, r.value->span);
      // The returned place's root variable, or the origins of the reference it goes through.
      std::vector<ir::Place> roots;
      const ir::Slot& root = fn().slots[p.place.slot];
      if (place && (root.kind == ir::SlotKind::RefBinding ||
                    (root.kind == ir::SlotKind::Local && root.holding != ir::Holding::Value) ||
                    root.kind == ir::SlotKind::Temp) &&
          root.holding != ir::Holding::Value)
        roots = root.origins;
      else
        roots.push_back(p.place);
      std::vector<NamedOrigin> allowed;
      std::string allowed_text;
      for (const ast::Expr& o : s.decl->result->origins) {
        allowed.push_back(named_origin(o));
        allowed_text += (allowed_text.empty() ? "" : ", ") + origin_text(o);
      }
      bool ok = place && !roots.empty();
      std::string bad = place ? "" : "(expression temporary)";
      for (const ir::Place& rp : roots) {
        const ir::Slot& rs = fn().slots[rp.slot];
        std::vector<std::string> fields;
        TypeId t = rs.type;
        for (const ir::Proj& pr : rp.path) {
          if (pr.kind == ir::ProjKind::Deref) continue;
          if (pr.kind != ir::ProjKind::Field) break;
          fields.push_back(c_.info(t).fields.at(pr.field).name);
          t = c_.info(t).fields.at(pr.field).type;
        }
        const bool param = rs.kind == ir::SlotKind::Param;
        const bool match =
            param && std::any_of(allowed.begin(), allowed.end(), [&](const NamedOrigin& o) {
              return o.param == rs.name && o.fields.size() <= fields.size() &&
                     std::equal(o.fields.begin(), o.fields.end(), fields.begin());
            });
        if (!match) {
          ok = false;
          if (bad.empty()) bad = rs.kind == ir::SlotKind::Temp ? "(expression temporary)" : rs.name;
        }
      }
      if (!ok && s.result_origins_ok)
        c_.sink.report(Rule::S10b, r.value->span,
                       fmt::format("cannot return reference with incompatible origin: "
                                   "'origin_of({})' vs 'origin_of({})'",
                                   bad, allowed_text));
      const SlotId ret = fn().result;
      const bool mut = fn().slots[ret].holding == ir::Holding::MutRef;
      emit(ir::Borrow{ir::Place{ret, {}, r.value->span}, p.place,
                      mut ? ir::BorrowKind::Mut : ir::BorrowKind::Imm},
           span);
    }
  }
  terminate(ir::Return{}, span);
}

// S0: `raise` only inside `try` or in a `raises` function. Inside `try` it is a
// jump to the handler with the error in $err (§6).
void FnLowerer::lower_raise(const ast::Raise& r, Span span) {
  const SlotId err = error_slot();
  DestFn dest = [&](TypeId) { return Target{ir::Place{err, {}, r.value.span}, false}; };
  const TypeId got = lower_owned(r.value, c_.mod.error_type, dest);
  check_assignable(got, c_.mod.error_type, r.value.span);
  if (!handlers_.empty()) {
    terminate(ir::Goto{handlers_.back()}, span);
    return;
  }
  if (!sig().raises) c_.s0(span, "cannot raise an error in a function that is not 'raises'");
  terminate(ir::Raise{ir::Place{err, {}, span}}, span);
}

void FnLowerer::lower_try(const ast::Try& t, Span span) {
  const SlotId err = error_slot();
  const BlockId landing = new_block("except");
  const BlockId join = new_block("try.end");
  handlers_.push_back(landing);
  lower_block(t.body);
  handlers_.pop_back();
  goto_block(join, span);
  set_block(landing);
  scopes_.emplace_back();
  if (t.error_name) {
    ir::Slot e;
    e.name = *t.error_name;
    e.type = c_.mod.error_type;
    // Hidden, not Local: no source says Mojo warns (W1) about an unused `except e`.
    e.kind = ir::SlotKind::Hidden;
    e.is_mutable = true;
    e.span = span;
    const SlotId slot = new_slot(std::move(e));
    emit(ir::Move{ir::Place{slot, {}, span}, ir::Place{err, {}, span}}, span);
    scopes_.back()[*t.error_name] = slot;
  }
  lower_block(t.handler, false);
  scopes_.pop_back();
  goto_block(join, span);
  set_block(join);
}

}  // namespace ownmodel::sema::detail
