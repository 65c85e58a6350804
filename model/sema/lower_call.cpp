// Lowering of calls: user functions and methods (argument passing by
// convention, §2.2 and §6), constructors, overloads, the built-ins of the
// subset (print, len, String, Error, List, OwnedPointer, UnsafePointer,
// alloc) and the S0 checks on arity, keywords and raising calls.
#include <algorithm>

#include <fmt/format.h>

#include "model/sema/lower_impl.h"

namespace ownmodel::sema::detail {

namespace {

// `List[Int]` written as an expression, read back as a type.
std::optional<ast::Type> expr_to_type(const ast::Expr& e) {
  if (const auto* n = std::get_if<ast::Name>(&e.node)) return ast::Type{n->id, {}, e.span};
  if (const auto* i = std::get_if<ast::Index>(&e.node)) {
    auto base = expr_to_type(*i->base);
    if (!base || !base->args.empty()) return std::nullopt;
    for (const ast::Expr& a : i->indices) {
      auto t = expr_to_type(a);
      if (!t) return std::nullopt;
      base->args.push_back(std::move(*t));
    }
    base->span = e.span;
    return base;
  }
  return std::nullopt;
}

const char* conv_text(ast::Convention c) {
  switch (c) {
    case ast::Convention::Mut: return "mut";
    case ast::Convention::Ref: return "ref";
    case ast::Convention::Var:
    case ast::Convention::Deinit: return "var";
    default: return "read";
  }
}

// How the arguments of a call map to the callee's parameters: the index of the
// argument for each parameter, -1 when absent, -2 for the receiver.
struct Binding {
  std::vector<int> arg_of_param;
  std::string error;
};

Binding bind_args(const Signature& sig, const std::vector<ast::Arg>& args, bool has_receiver) {
  Binding b;
  b.arg_of_param.assign(sig.params.size(), -1);
  std::vector<std::size_t> positional;
  for (std::size_t i = 0; i < sig.params.size(); ++i) {
    const ParamSig& p = sig.params[i];
    if (p.conv == ast::Convention::Out) continue;
    if (p.is_self && has_receiver) {
      b.arg_of_param[i] = -2;
      continue;
    }
    if (!p.keyword_only) positional.push_back(i);
  }
  std::size_t next = 0;
  for (std::size_t a = 0; a < args.size(); ++a) {
    if (!args[a].keyword) {
      if (next >= positional.size()) {
        b.error = fmt::format("invalid call to '{}': too many positional arguments (expected {}, got {})",
                              sig.display, positional.size(), next + 1);
        return b;
      }
      b.arg_of_param[positional[next++]] = static_cast<int>(a);
      continue;
    }
    const std::string& kw = *args[a].keyword;
    auto it = std::find_if(sig.params.begin(), sig.params.end(), [&](const ParamSig& p) {
      return p.name == kw && p.conv != ast::Convention::Out && !p.is_self;
    });
    if (it == sig.params.end()) {
      b.error = fmt::format("invalid call to '{}': unknown keyword argument '{}'", sig.display, kw);
      return b;
    }
    const auto idx = static_cast<std::size_t>(it - sig.params.begin());
    if (b.arg_of_param[idx] != -1) {
      b.error = fmt::format("invalid call to '{}': argument '{}' passed twice", sig.display, kw);
      return b;
    }
    b.arg_of_param[idx] = static_cast<int>(a);
  }
  for (std::size_t i = 0; i < sig.params.size(); ++i) {
    const ParamSig& p = sig.params[i];
    if (p.conv == ast::Convention::Out || b.arg_of_param[i] != -1 || p.default_value) continue;
    if (p.is_self && !has_receiver && sig.kind != ir::FunctionKind::Init) {
      b.error = fmt::format("invalid call to '{}': missing 'self' argument", sig.display);
      return b;
    }
    b.error = fmt::format("invalid call to '{}': missing required argument '{}'", sig.display, p.name);
    return b;
  }
  return b;
}

bool is_builtin_name(const std::string& n) {
  return n == "print" || n == "len" || n == "String" || n == "Error" || n == "OwnedPointer" ||
         n == "UnsafePointer" || n == "List" || n == "range" || n == "alloc";
}

bool outside_subset_builtin(const std::string& n) {
  static const std::set<std::string> names = {"abs", "min",  "max",   "input",     "ord",
                                              "chr", "hash", "iter",  "enumerate", "zip",
                                              "Int", "Bool", "Float64", "str",     "repr",
                                              "exit", "swap", "rebind", "Dict",    "Set",
                                              "Optional", "Tuple", "Pointer", "Span"};
  return names.count(n) > 0;
}

}  // namespace

bool FnLowerer::is_ref_call(const ast::Call& call) {
  const ast::Expr& callee = *call.callee;
  if (const auto* n = std::get_if<ast::Name>(&callee.node)) {
    if (lookup(n->id)) return false;
    auto it = c_.functions.find(n->id);
    if (it == c_.functions.end() || it->second.empty()) return false;
    return c_.sigs[it->second.front()].result_is_ref;
  }
  if (const auto* f = std::get_if<ast::Field>(&callee.node)) {
    const ast::Expr* base = &*f->base;
    if (const auto* t = std::get_if<ast::Transfer>(&base->node)) base = &*t->operand;
    const TypeId bt = guess_type(*base);
    if (!c_.is_kind(bt, ir::TypeKind::Struct)) return false;
    auto mt = c_.methods.find(bt);
    if (mt == c_.methods.end()) return false;
    auto it = mt->second.find(f->field);
    if (it == mt->second.end() || it->second.empty()) return false;
    return c_.sigs[it->second.front()].result_is_ref;
  }
  return false;
}

// A best-effort static type of an expression, without lowering it: used only
// to choose between overloads and to classify method calls.
TypeId FnLowerer::guess_type(const ast::Expr& e) {
  const TypeId I = c_.mod.int_type, B = c_.mod.bool_type, S = c_.mod.string_type;
  if (std::holds_alternative<ast::IntLit>(e.node)) return I;
  if (std::holds_alternative<ast::BoolLit>(e.node)) return B;
  if (std::holds_alternative<ast::StringLit>(e.node)) return S;
  if (const auto* l = std::get_if<ast::ListLit>(&e.node)) {
    if (l->elements.empty()) return none;
    const TypeId t = guess_type(l->elements[0]);
    return t == none || t == c_.mod.none_type ? none : c_.instance(ir::TypeKind::List, t);
  }
  if (const auto* n = std::get_if<ast::Name>(&e.node)) {
    if (auto s = lookup(n->id)) return fn().slots[*s].type;
    return none;
  }
  if (const auto* f = std::get_if<ast::Field>(&e.node)) {
    const TypeId b = guess_type(*f->base);
    if (!c_.is_kind(b, ir::TypeKind::Struct)) return none;
    for (const ir::FieldInfo& fi : c_.info(b).fields)
      if (fi.name == f->field) return fi.type;
    return none;
  }
  if (const auto* i = std::get_if<ast::Index>(&e.node)) {
    const TypeId b = guess_type(*i->base);
    if (b == none) return none;
    const ir::TypeKind k = c_.info(b).kind;
    if (k == ir::TypeKind::List || k == ir::TypeKind::OwnedPointer || k == ir::TypeKind::UnsafePointer)
      return c_.info(b).element;
    return none;
  }
  if (const auto* t = std::get_if<ast::Transfer>(&e.node)) return guess_type(*t->operand);
  if (const auto* u = std::get_if<ast::Unary>(&e.node)) return u->op == ast::UnaryOp::Not ? B : I;
  if (const auto* b = std::get_if<ast::Binary>(&e.node)) {
    switch (b->op) {
      case ast::BinaryOp::Add:
      case ast::BinaryOp::Sub:
      case ast::BinaryOp::Mul:
      case ast::BinaryOp::FloorDiv:
      case ast::BinaryOp::Mod: return guess_type(*b->lhs);
      default: return B;
    }
  }
  if (const auto* c = std::get_if<ast::Call>(&e.node)) {
    auto result_of = [&](FunctionId f) {
      const Signature& s = c_.sigs[f];
      if (s.out_param >= 0) return s.params[static_cast<std::size_t>(s.out_param)].type;
      return s.result_type;
    };
    if (const auto* n = std::get_if<ast::Name>(&c->callee->node)) {
      if (lookup(n->id)) return none;
      if (auto it = c_.functions.find(n->id); it != c_.functions.end() && !it->second.empty())
        return result_of(it->second.front());
      if (auto it = c_.structs.find(n->id); it != c_.structs.end()) return it->second;
      if (n->id == "len") return I;
      if (n->id == "String") return S;
      if (n->id == "Error") return c_.mod.error_type;
      if (n->id == "print") return c_.mod.none_type;
      if (n->id == "OwnedPointer" && c->args.size() == 1) {
        const TypeId t = guess_type(*c->args[0].value);
        return t == none ? none : c_.instance(ir::TypeKind::OwnedPointer, t);
      }
      if (n->id == "UnsafePointer" && c->args.size() == 1) {
        const TypeId t = guess_type(*c->args[0].value);
        return t == none ? none : c_.instance(ir::TypeKind::UnsafePointer, t);
      }
      return none;
    }
    if (const auto* i = std::get_if<ast::Index>(&c->callee->node)) {
      const auto* n = std::get_if<ast::Name>(&i->base->node);
      if (!n || i->indices.size() != 1) return none;
      auto ty = expr_to_type(i->indices[0]);
      if (!ty) return none;
      auto t = c_.resolve_type(*ty, sig().self_type, /*report=*/false);
      if (!t) return none;
      if (n->id == "List") return c_.instance(ir::TypeKind::List, *t);
      if (n->id == "OwnedPointer") return c_.instance(ir::TypeKind::OwnedPointer, *t);
      if (n->id == "UnsafePointer" || n->id == "alloc")
        return c_.instance(ir::TypeKind::UnsafePointer, *t);
      return none;
    }
    if (const auto* f = std::get_if<ast::Field>(&c->callee->node)) {
      const TypeId b = guess_type(*f->base);
      if (b == none) return none;
      if (c_.is_kind(b, ir::TypeKind::Struct)) {
        if (auto mt = c_.methods.find(b); mt != c_.methods.end())
          if (auto it = mt->second.find(f->field); it != mt->second.end() && !it->second.empty())
            return result_of(it->second.front());
      }
      if (f->field == "copy") return b;
      if (f->field == "take_pointee") return c_.info(b).element;
      return c_.mod.none_type;
    }
  }
  return none;
}

std::optional<FunctionId> FnLowerer::pick_overload(const std::vector<FunctionId>& cands,
                                                   const ast::Expr* receiver,
                                                   const ast::Call& call, const std::string& what,
                                                   Span span) {
  std::vector<FunctionId> viable;
  std::string first_error;
  for (FunctionId f : cands) {
    Binding b = bind_args(c_.sigs[f], call.args, receiver != nullptr);
    if (b.error.empty()) viable.push_back(f);
    else if (first_error.empty()) first_error = b.error;
  }
  if (viable.empty()) {
    c_.s0(span, cands.size() == 1 ? first_error
                                  : fmt::format("no matching function in call to '{}'", what));
    return std::nullopt;
  }
  if (viable.size() == 1) return viable.front();
  // Several candidates fit by arity and keywords: prefer one whose parameter
  // types match the arguments' types.
  for (FunctionId f : viable) {
    const Signature& s = c_.sigs[f];
    Binding b = bind_args(s, call.args, receiver != nullptr);
    bool ok = true;
    for (std::size_t i = 0; i < s.params.size() && ok; ++i) {
      const int a = b.arg_of_param[i];
      if (a < 0) continue;
      const TypeId t = guess_type(*call.args[static_cast<std::size_t>(a)].value);
      if (t != none && t != s.params[i].type) ok = false;
    }
    if (ok) return f;
  }
  return viable.front();
}

DestFn FnLowerer::value_dest(const DestFn* dest, Span span) {
  if (dest) return *dest;
  return temp_dest(span);
}

// S0: a function that may raise is called only inside `try` or in a `raises`
// function. The call ends its block and gets an unwind block (§6).
void FnLowerer::emit_call(ir::Call call, bool raises, Span span) {
  if (!raises) {
    emit(std::move(call), span);
    return;
  }
  const SlotId err = error_slot();
  if (handlers_.empty()) {
    if (!sig().raises)
      c_.s0(span, "cannot call function that may raise in a context that cannot raise");
    const BlockId unwind = new_block("unwind");
    fn().blocks[unwind].term = ir::Terminator{ir::Raise{ir::Place{err, {}, span}}, span};
    call.unwind = unwind;
  } else {
    call.unwind = handlers_.back();
  }
  emit(std::move(call), span);
  const BlockId next = new_block("call.next");
  terminate(ir::Goto{next}, span);
  set_block(next);
}

// S5b: `π.copy()` and `T(copy=π)` need a Copyable type.
TypeId FnLowerer::lower_copy_call(const ast::Expr& src, Span span, const DestFn* dest) {
  PlaceRef p = lower_place(src);
  if (!p.ok) return none;
  if (!c_.info(p.type).copyable && !c_.trivial(p.type))
    c_.sink.report(Rule::S5b, span,
                   fmt::format("'{}' value has no attribute 'copy'", c_.type_name(p.type)));
  const Target t = value_dest(dest, span)(p.type);
  const ir::Place dst = rooted_dst(t, p.type, span);
  emit(ir::Copy{dst, p.place, ir::CopyOrigin::Explicit}, span);
  copy_origins(dst, p.place);
  finish_store(t, dst, span);
  return p.type;
}

TypeId FnLowerer::lower_call(const ast::Call& call, Span span, const DestFn* dest,
                             PlaceRef* ref_out) {
  const ast::Expr& callee = *call.callee;
  if (const auto* n = std::get_if<ast::Name>(&callee.node)) {
    if (lookup(n->id)) {
      c_.s0(callee.span, fmt::format("'{}' is not callable", n->id));
      return none;
    }
    if (auto it = c_.functions.find(n->id); it != c_.functions.end()) {
      auto f = pick_overload(it->second, nullptr, call, n->id, span);
      if (!f) return none;
      return lower_user_call(*f, nullptr, call, span, dest, ref_out);
    }
    if (auto it = c_.structs.find(n->id); it != c_.structs.end()) {
      // T(copy=x) is an explicit copy; T(…) calls an initializer with `out` destination.
      if (call.args.size() == 1 && call.args[0].keyword && *call.args[0].keyword == "copy")
        return lower_copy_call(*call.args[0].value, span, dest);
      std::vector<FunctionId> inits;
      if (auto mt = c_.methods.find(it->second); mt != c_.methods.end())
        if (auto in = mt->second.find("__init__"); in != mt->second.end())
          for (FunctionId f : in->second)
            if (c_.sigs[f].kind == ir::FunctionKind::Init) inits.push_back(f);
      if (inits.empty()) {
        c_.s0(span, fmt::format("'{}' has no initializer (no '__init__' and no @fieldwise_init)",
                                n->id));
        return none;
      }
      auto f = pick_overload(inits, nullptr, call, n->id, span);
      if (!f) return none;
      return lower_user_call(*f, nullptr, call, span, dest, ref_out);
    }
    bool handled = false;
    const TypeId t = lower_builtin_call(n->id, call, span, dest, &handled);
    if (handled) return t;
    if (outside_subset_builtin(n->id)) c_.unsupported(callee.span, fmt::format("'{}'", n->id));
    else c_.s0(callee.span, fmt::format("use of unknown declaration '{}'", n->id));
    return none;
  }
  if (const auto* i = std::get_if<ast::Index>(&callee.node)) {
    const auto* n = std::get_if<ast::Name>(&i->base->node);
    if (n && !lookup(n->id) && is_builtin_name(n->id)) {
      bool handled = false;
      const TypeId t = lower_builtin_call(n->id, call, span, dest, &handled);
      if (handled) return t;
    }
    c_.s0(callee.span, "expression is not callable");
    return none;
  }
  if (const auto* f = std::get_if<ast::Field>(&callee.node)) {
    bool handled = false;
    const TypeId t = lower_method_call(*f, call, span, dest, ref_out, &handled);
    if (handled) return t;
    return none;
  }
  c_.s0(callee.span, "expression is not callable");
  return none;
}

TypeId FnLowerer::lower_builtin_call(const std::string& name, const ast::Call& call, Span span,
                                     const DestFn* dest, bool* handled) {
  *handled = true;
  const ast::Expr& callee = *call.callee;
  // Type parameters written as `Name[T]`.
  std::optional<TypeId> type_arg;
  if (const auto* i = std::get_if<ast::Index>(&callee.node)) {
    if (i->indices.size() != 1) {
      c_.s0(callee.span, fmt::format("'{}' expects one type parameter", name));
      return none;
    }
    auto ty = expr_to_type(i->indices[0]);
    if (!ty) {
      c_.s0(i->indices[0].span, "expected a type");
      return none;
    }
    type_arg = c_.resolve_type(*ty, sig().self_type);
    if (!type_arg) return none;
    if (*type_arg == c_.mod.none_type) {
      c_.s0(i->indices[0].span, fmt::format("'{}' of 'NoneType'", name));
      return none;
    }
  }
  auto positional = [&](std::size_t lo, std::size_t hi) {
    for (const ast::Arg& a : call.args)
      if (a.keyword) {
        c_.s0(a.value->span, fmt::format("invalid call to '{}': unknown keyword argument '{}'",
                                         name, *a.keyword));
        return false;
      }
    if (call.args.size() < lo || call.args.size() > hi) {
      c_.s0(span, fmt::format("invalid call to '{}': expected {} argument{}, got {}", name,
                              lo == hi ? fmt::format("{}", lo) : fmt::format("{} to {}", lo, hi),
                              hi == 1 ? "" : "s", call.args.size()));
      return false;
    }
    return true;
  };
  const TypeId I = c_.mod.int_type, S = c_.mod.string_type;

  if (name == "print" && !type_arg) {
    ir::Print p;
    p.sep = ir::Operand{ir::Const{std::string(" ")}};
    p.end = ir::Operand{ir::Const{std::string("\n")}};
    for (const ast::Arg& a : call.args) {
      if (a.keyword) {
        if (*a.keyword != "sep" && *a.keyword != "end") {
          c_.s0(a.value->span,
                fmt::format("invalid call to 'print': unknown keyword argument '{}'", *a.keyword));
          continue;
        }
        Value v = lower_read(*a.value, S);
        if (v.ok) check_assignable(v.type, S, a.value->span);
        (*a.keyword == "sep" ? p.sep : p.end) = v.op;
        continue;
      }
      Value v = lower_read(*a.value);
      if (!v.ok) continue;
      TypeId t = v.type;
      while (c_.is_kind(t, ir::TypeKind::List)) t = c_.info(t).element;
      const ir::TypeKind k = c_.info(t).kind;
      if (k != ir::TypeKind::Int && k != ir::TypeKind::Bool && k != ir::TypeKind::String &&
          k != ir::TypeKind::Error)
        c_.s0(a.value->span, fmt::format("invalid call to 'print': argument of type '{}' does not "
                                         "conform to 'Writable'",
                                         c_.type_name(v.type)));
      p.args.push_back(v.op);
    }
    emit(std::move(p), span);
    return c_.mod.none_type;
  }
  if (name == "len" && !type_arg) {
    if (!positional(1, 1)) return none;
    const ast::Expr& arg = *call.args[0].value;
    PlaceRef p = lower_place(arg);
    if (!p.ok) return none;
    if (!c_.is_kind(p.type, ir::TypeKind::List) && p.type != S) {
      c_.s0(arg.span, fmt::format("invalid call to 'len': a value of type '{}' has no length",
                                  c_.type_name(p.type)));
      return none;
    }
    write_op(value_dest(dest, span)(I), ir::OpApp{ir::OpKind::Len, {ir::Operand{p.place}}}, span);
    return I;
  }
  if ((name == "String" || name == "Error") && !type_arg) {
    if (call.args.size() == 1 && call.args[0].keyword && *call.args[0].keyword == "copy" &&
        name == "String")
      return lower_copy_call(*call.args[0].value, span, dest);
    if (!positional(name == "Error" ? 0 : 1, 1)) return none;
    if (name == "Error" && call.args.empty()) {
      write_op(value_dest(dest, span)(c_.mod.error_type),
               ir::OpApp{ir::OpKind::MakeError, {ir::Operand{ir::Const{std::string()}}}}, span);
      return c_.mod.error_type;
    }
    Value v = lower_read(*call.args[0].value);
    if (!v.ok) return none;
    if (name == "Error") {
      check_assignable(v.type, S, call.args[0].value->span);
      write_op(value_dest(dest, span)(c_.mod.error_type),
               ir::OpApp{ir::OpKind::MakeError, {v.op}}, span);
      return c_.mod.error_type;
    }
    if (v.type != I && v.type != c_.mod.bool_type && v.type != S) {
      c_.s0(call.args[0].value->span,
            fmt::format("no matching function in call to 'String' with a value of type '{}'",
                        c_.type_name(v.type)));
      return none;
    }
    write_op(value_dest(dest, span)(S), ir::OpApp{ir::OpKind::ToString, {v.op}}, span);
    return S;
  }
  if (name == "OwnedPointer") {
    if (!positional(1, 1)) return none;
    TypeId t = none;
    const ir::Place src = owned_place(*call.args[0].value, type_arg.value_or(none), &t);
    if (t == none) return none;
    if (type_arg) check_assignable(t, *type_arg, call.args[0].value->span);
    const TypeId bt = c_.instance(ir::TypeKind::OwnedPointer, type_arg.value_or(t));
    const Target tg = value_dest(dest, span)(bt);
    const ir::Place dst = rooted_dst(tg, bt, span);
    emit(ir::BoxNew{dst, src}, span);
    finish_store(tg, dst, span);
    return bt;
  }
  if (name == "UnsafePointer") {
    if (call.args.size() != 1 || !call.args[0].keyword || *call.args[0].keyword != "to") {
      c_.unsupported(span, "'UnsafePointer' constructor other than 'UnsafePointer(to=place)'");
      return none;
    }
    const ast::Expr& arg = *call.args[0].value;
    if (!is_place_expr(arg)) {
      c_.s0(arg.span, "'UnsafePointer(to=…)' needs a place, not a temporary value");
      return none;
    }
    PlaceRef p = lower_place(arg);
    if (!p.ok) return none;
    if (type_arg) check_assignable(p.type, *type_arg, arg.span);
    const TypeId pt = c_.instance(ir::TypeKind::UnsafePointer, p.type);
    const Target tg = value_dest(dest, span)(pt);
    const ir::Place dst = rooted_dst(tg, pt, span);
    emit(ir::Borrow{dst, p.place, ir::BorrowKind::Addr}, span);
    add_origins(dst, origins_of(p.place).places);
    finish_store(tg, dst, span);
    return pt;
  }
  if (name == "alloc") {
    if (!type_arg) {
      c_.s0(span, "'alloc' needs a type parameter: 'alloc[T](count)'");
      return none;
    }
    if (!positional(1, 1)) return none;
    Value n = lower_read(*call.args[0].value, I);
    if (!n.ok) return none;
    check_assignable(n.type, I, call.args[0].value->span);
    const TypeId pt = c_.instance(ir::TypeKind::UnsafePointer, *type_arg);
    const Target tg = value_dest(dest, span)(pt);
    const ir::Place dst = rooted_dst(tg, pt, span);
    emit(ir::Alloc{dst, *type_arg, n.op}, span);
    finish_store(tg, dst, span);
    return pt;
  }
  if (name == "List") {
    if (!type_arg) {
      c_.s0(span, "'List' needs a type parameter: 'List[T]()'");
      return none;
    }
    if (!call.args.empty()) {
      c_.unsupported(span, "'List' constructor with arguments");
      return none;
    }
    const TypeId lt = c_.instance(ir::TypeKind::List, *type_arg);
    const Target tg = value_dest(dest, span)(lt);
    const ir::Place dst = rooted_dst(tg, lt, span);
    emit(ir::ListNew{dst, *type_arg, {}}, span);
    finish_store(tg, dst, span);
    return lt;
  }
  if (name == "range") {
    c_.unsupported(span, "'range' outside of a 'for' loop header");
    return none;
  }
  *handled = false;
  return none;
}

// S6c: a `mut self` method (user-written, or List.append) needs a mutable receiver.
TypeId FnLowerer::lower_method_call(const ast::Field& callee, const ast::Call& call, Span span,
                                    const DestFn* dest, PlaceRef* ref_out, bool* handled) {
  *handled = true;
  const ast::Expr* base = &*callee.base;
  const std::string& m = callee.field;
  // A struct method: the receiver is lowered by lower_user_call with its convention.
  const TypeId guessed = guess_type(*base);
  if (c_.is_kind(guessed, ir::TypeKind::Struct)) {
    auto mt = c_.methods.find(guessed);
    std::vector<FunctionId> cands;
    if (mt != c_.methods.end())
      if (auto it = mt->second.find(m); it != mt->second.end())
        for (FunctionId f : it->second)
          if (c_.sigs[f].kind != ir::FunctionKind::Init && c_.sigs[f].kind != ir::FunctionKind::CopyInit &&
              c_.sigs[f].kind != ir::FunctionKind::MoveInit)
            cands.push_back(f);
    if (!cands.empty()) {
      auto f = pick_overload(cands, base, call, m, span);
      if (!f) return none;
      return lower_user_call(*f, base, call, span, dest, ref_out);
    }
  }
  if (m == "copy" && call.args.empty()) {
    const ast::Expr* src = base;
    if (const auto* t = std::get_if<ast::Transfer>(&src->node)) src = &*t->operand;
    return lower_copy_call(*src, span, dest);
  }
  // Built-in methods act on the receiver's place.
  const ast::Expr* recv_expr = base;
  if (const auto* t = std::get_if<ast::Transfer>(&recv_expr->node)) recv_expr = &*t->operand;
  const bool recv_is_place = is_place_expr(*recv_expr);
  PlaceRef recv = lower_place(*recv_expr);
  if (!recv.ok) return none;
  const TypeId rt = recv.type;
  const ir::TypeKind k = c_.info(rt).kind;
  auto no_attr = [&]() {
    if (k == ir::TypeKind::Struct)
      c_.s0(callee.base->span, fmt::format("'{}' value has no attribute '{}'", c_.type_name(rt), m));
    else if (k == ir::TypeKind::List || k == ir::TypeKind::String)
      c_.unsupported(span, fmt::format("method '{}' of '{}'", m, c_.type_name(rt)));
    else
      c_.s0(callee.base->span, fmt::format("'{}' value has no attribute '{}'", c_.type_name(rt), m));
    return none;
  };
  auto args_exactly = [&](std::size_t n) {
    for (const ast::Arg& a : call.args)
      if (a.keyword) {
        c_.s0(a.value->span,
              fmt::format("invalid call to '{}': unknown keyword argument '{}'", m, *a.keyword));
        return false;
      }
    if (call.args.size() != n) {
      c_.s0(span, fmt::format("invalid call to '{}': expected {} argument{}, got {}", m, n,
                              n == 1 ? "" : "s", call.args.size()));
      return false;
    }
    return true;
  };
  if (k == ir::TypeKind::List && m == "append") {
    if (!recv_is_place || !recv.is_mutable)
      c_.sink.report(Rule::S6c, callee.base->span,
                     fmt::format("invalid use of mutating method on rvalue of type '{}'",
                                 c_.type_name(rt)));
    if (!args_exactly(1)) return none;
    const TypeId elem = c_.info(rt).element;
    TypeId t = none;
    const ir::Place src = owned_place(*call.args[0].value, elem, &t);
    check_assignable(t, elem, call.args[0].value->span);
    emit(ir::ListAppend{recv.place, src}, span);
    return c_.mod.none_type;
  }
  if (k == ir::TypeKind::UnsafePointer) {
    const TypeId elem = c_.info(rt).element;
    ir::Place pointee = recv.place;
    pointee.path.push_back(ir::Proj{ir::ProjKind::Pointee});
    pointee.span = span;
    if (m == "free") {
      if (!args_exactly(0)) return none;
      emit(ir::Free{recv.place}, span);
      return c_.mod.none_type;
    }
    if (m == "destroy_pointee") {
      if (!args_exactly(0)) return none;
      emit(ir::Destroy{pointee, Rule::D1, true}, span);
      return c_.mod.none_type;
    }
    if (m == "take_pointee") {
      if (!args_exactly(0)) return none;
      const Target tg = value_dest(dest, span)(elem);
      const ir::Place dst = rooted_dst(tg, elem, span);
      emit(ir::PtrTake{dst, recv.place}, span);
      finish_store(tg, dst, span);
      return elem;
    }
    if (m == "init_pointee_copy") {
      if (!args_exactly(1)) return none;
      const ast::Expr& arg = *call.args[0].value;
      PlaceRef src = lower_place(arg);
      if (!src.ok) return none;
      check_assignable(src.type, elem, arg.span);
      if (!c_.info(src.type).copyable && !c_.trivial(src.type))
        c_.sink.report(Rule::S5b, arg.span,
                       fmt::format("'{}' value has no attribute 'copy'", c_.type_name(src.type)));
      emit(ir::PtrInit{recv.place, src.place, true}, span);
      return c_.mod.none_type;
    }
    if (m == "init_pointee_move") {
      if (!args_exactly(1)) return none;
      TypeId t = none;
      const ir::Place src = owned_place(*call.args[0].value, elem, &t);
      check_assignable(t, elem, call.args[0].value->span);
      emit(ir::PtrInit{recv.place, src, false}, span);
      return c_.mod.none_type;
    }
    return no_attr();
  }
  return no_attr();
}

// One call of a user function or method: arguments by convention (§2.2, §6),
// the `out` destination, the result, exclusivity (S9), raising (S0).
TypeId FnLowerer::lower_user_call(FunctionId f, const ast::Expr* receiver, const ast::Call& call,
                                  Span span, const DestFn* dest, PlaceRef* ref_out) {
  const Signature s = c_.sigs[f];  // a copy: lowering may not touch sigs, but stay safe
  Binding b = bind_args(s, call.args, receiver != nullptr);
  if (!b.error.empty()) {
    c_.s0(span, b.error);
    return none;
  }
  std::vector<std::optional<ir::CallArg>> args(s.params.size());
  std::vector<ArgAccess> access(s.params.size());
  std::vector<ir::Place> arg_places(s.params.size());
  std::vector<bool> arg_is_place(s.params.size(), false);
  bool ok = true;

  // Lowers the expression for parameter i (the receiver when `is_receiver`).
  auto lower_arg = [&](std::size_t i, const ast::Expr& e, bool is_receiver) {
    const ParamSig& p = s.params[i];
    ArgAccess& acc = access[i];
    acc.span = e.span;
    acc.conv = conv_text(p.conv);
    const bool transfer = std::holds_alternative<ast::Transfer>(e.node);
    const ast::Expr& inner = transfer ? *std::get<ast::Transfer>(e.node).operand : e;
    const bool inner_place = is_place_expr(inner);
    const bool trivial = c_.trivial(p.type);
    auto set = [&](ir::ArgMode mode, ir::Operand op) { args[i] = ir::CallArg{mode, std::move(op), e.span}; };
    auto temp_of = [&](const ast::Expr& x, TypeId* t) {
      SlotId slot = none;
      *t = lower_owned(x, p.type, temp_dest(x.span, &slot));
      if (slot == none) slot = new_temp(p.type, x.span);
      return ir::Place{slot, {}, x.span};
    };
    switch (p.conv) {
      case ast::Convention::Default:
      case ast::Convention::Ref:
      case ast::Convention::Mut: {
        if (p.conv == ast::Convention::Default && trivial) {
          // Trivial values travel by copy: only embedded origins matter (S9).
          Value v = lower_read(e, p.type);
          if (!v.ok) { ok = false; return; }
          check_assignable(v.type, p.type, e.span);
          if (const auto* pl = std::get_if<ir::Place>(&v.op.value)) acc.accesses = embedded_accesses(*pl);
          set(ir::ArgMode::Val, v.op);
          return;
        }
        PlaceRef pr;
        if (transfer && inner_place && p.conv != ast::Convention::Mut) {
          TypeId t = none;
          ir::Place tmp = temp_of(e, &t);
          pr.place = tmp, pr.type = t, pr.temp = true, pr.ok = t != none;
        } else {
          if (transfer) {
            if (!inner_place)
              c_.sink.report(Rule::W2, e.span, "transfer from an owned value has no effect and can be removed");
          }
          pr = lower_place(inner);
        }
        if (!pr.ok) { ok = false; return; }
        check_assignable(pr.type, p.type, e.span);
        const bool is_place = inner_place && !pr.temp;
        if (p.conv == ast::Convention::Mut) {
          if (!is_place || !pr.is_mutable) {
            if (is_receiver)
              c_.sink.report(Rule::S6c, e.span,
                             fmt::format("invalid use of mutating method on rvalue of type '{}'",
                                         c_.type_name(pr.type)));
            else
              c_.sink.report(Rule::S6b, e.span,
                             fmt::format("value passed to mutable argument '{}' must be mutable", p.name));
          }
          set(ir::ArgMode::MutRef, ir::Operand{pr.place});
          acc.accesses = place_accesses(pr.place, true);
        } else {
          const bool mut = p.conv == ast::Convention::Ref && is_place && pr.is_mutable;
          set(mut ? ir::ArgMode::MutRef : ir::ArgMode::Ref, ir::Operand{pr.place});
          acc.accesses = place_accesses(pr.place, mut);
          if (!mut && c_.trivial(pr.type)) acc.accesses.clear();
        }
        arg_places[i] = pr.place;
        arg_is_place[i] = is_place;
        acc.spelling = spell(pr.place);
        return;
      }
      case ast::Convention::Var:
      case ast::Convention::Deinit: {
        if (p.conv == ast::Convention::Var && trivial) {
          Value v = lower_read(e, p.type);
          if (!v.ok) { ok = false; return; }
          check_assignable(v.type, p.type, e.span);
          if (const auto* pl = std::get_if<ir::Place>(&v.op.value)) acc.accesses = embedded_accesses(*pl);
          set(ir::ArgMode::Val, v.op);
          return;
        }
        if (transfer && inner_place) {
          // `π^` into a `var`/`deinit` parameter: consumed in place, no move (D7).
          PlaceRef pr = lower_place(inner);
          if (!pr.ok) { ok = false; return; }
          bool noop = false;
          check_transfer(pr, e, /*into_new_location=*/false, &noop);
          check_assignable(pr.type, p.type, e.span);
          if (noop) {
            set(ir::ArgMode::Val, ir::Operand{pr.place});
            return;
          }
          set(ir::ArgMode::Own, ir::Operand{pr.place});
          acc.accesses = place_accesses(pr.place, true);
          acc.spelling = spell(pr.place);
          return;
        }
        // A temporary (rvalue, or an implicit copy of a place) passed in place.
        TypeId t = none;
        ir::Place tmp = temp_of(e, &t);
        if (t == none) { ok = false; return; }
        check_assignable(t, p.type, e.span);
        set(ir::ArgMode::Own, ir::Operand{tmp});
        acc.accesses = embedded_accesses(tmp);
        return;
      }
      case ast::Convention::Out: return;
    }
  };

  // Left to right: the receiver, then the arguments as written, then defaults.
  for (std::size_t i = 0; i < s.params.size(); ++i)
    if (b.arg_of_param[i] == -2) lower_arg(i, *receiver, true);
  std::vector<std::pair<int, std::size_t>> order;
  for (std::size_t i = 0; i < s.params.size(); ++i)
    if (b.arg_of_param[i] >= 0) order.emplace_back(b.arg_of_param[i], i);
  std::sort(order.begin(), order.end());
  for (const auto& [a, i] : order) lower_arg(i, *call.args[static_cast<std::size_t>(a)].value, false);
  for (std::size_t i = 0; i < s.params.size(); ++i)
    if (b.arg_of_param[i] == -1 && s.params[i].conv != ast::Convention::Out && s.params[i].default_value)
      lower_arg(i, *s.params[i].default_value, false);
  if (!ok) return none;

  // Exclusivity over the arguments in parameter order (receiver first).
  std::vector<ArgAccess> ordered;
  for (std::size_t i = 0; i < s.params.size(); ++i)
    if (args[i]) ordered.push_back(access[i]);
  check_exclusivity(s.display, ordered, span);

  // The destination of the value the call produces: the out parameter or the result.
  TypeId produced = none;
  std::optional<Target> out_target;
  ir::Place out_dst;
  if (s.out_param >= 0) {
    const auto i = static_cast<std::size_t>(s.out_param);
    produced = s.params[i].type;
    out_target = value_dest(dest, span)(produced);
    out_dst = rooted_dst(*out_target, produced, span);
    args[i] = ir::CallArg{ir::ArgMode::Out, ir::Operand{out_dst}, span};
  }
  ir::Call ir_call;
  ir_call.callee = f;
  for (auto& a : args)
    if (a) ir_call.args.push_back(std::move(*a));
  if (s.result_type != c_.mod.none_type && s.out_param < 0) {
    produced = s.result_type;
    if (!s.result_is_ref) {
      out_target = value_dest(dest, span)(produced);
      out_dst = rooted_dst(*out_target, produced, span);
      ir_call.args.push_back(ir::CallArg{ir::ArgMode::Out, ir::Operand{out_dst}, span});
    } else {
      // A `ref` result: a reference slot whose origins are the places passed
      // for the parameters the result names (S10b), mutable iff they all are.
      bool mut = !s.result_origin_params.empty();
      Origins o;
      o.interior = s.result_interior;
      for (std::size_t i : s.result_origin_params) {
        if (!args[i] && b.arg_of_param[i] == -1) continue;
        mut = mut && arg_is_place[i] &&
              ir_call.args.size() > 0 &&
              std::any_of(ir_call.args.begin(), ir_call.args.end(), [&](const ir::CallArg& a) {
                const auto* pl = std::get_if<ir::Place>(&a.value.value);
                return a.mode == ir::ArgMode::MutRef && pl && *pl == arg_places[i];
              });
        Origins ao = origins_of(arg_places[i]);
        o.interior = o.interior || ao.interior;
        for (ir::Place& pl : ao.places) o.places.push_back(std::move(pl));
      }
      const SlotId t = new_temp(produced, span, mut ? ir::Holding::MutRef : ir::Holding::ImmRef);
      fn().slots[t].origins = o.places;
      fn().slots[t].interior = o.interior;
      fn().slots[t].is_mutable = mut;
      ir_call.args.push_back(ir::CallArg{ir::ArgMode::Out, ir::Operand{ir::Place{t, {}, span}}, span});
      if (ref_out) {
        ref_out->place = ir::Place{t, {ir::Proj{ir::ProjKind::Deref}}, span};
        ref_out->type = produced;
        ref_out->is_mutable = mut;
        ref_out->imm_root = !mut;
        ref_out->rooted_var = false;
        ref_out->temp = false;
        ref_out->ok = true;
      }
    }
  }
  emit_call(std::move(ir_call), s.raises, span);
  if (out_target) finish_store(*out_target, out_dst, span);
  return produced == none ? c_.mod.none_type : produced;
}

}  // namespace ownmodel::sema::detail
