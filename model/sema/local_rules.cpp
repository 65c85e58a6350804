// The rules that need no flow analysis (docs/semantics.md §3): transfers
// (S4a–S4c, W2), implicit copies (S5a), argument exclusivity (S9), the S0 type
// check of a value against its destination, and origins of places (D8, S11).
#include <algorithm>

#include <fmt/format.h>

#include "model/sema/lower_impl.h"

namespace ownmodel::sema::detail {

std::string FnLowerer::spell(const ir::Place& p) { return ir::spelling(c_.mod, fn(), p); }

// S0: a value goes only where its type is expected (the subset has no implicit conversions).
void FnLowerer::check_assignable(TypeId from, TypeId to, Span span) {
  if (from == none || to == none || from == to) return;
  c_.s0(span, fmt::format("cannot implicitly convert '{}' value to '{}'", c_.type_name(from),
                          c_.type_name(to)));
}

// S4c: `π^` needs a variable followed by fields (checked first); S4a: not reached
// through an immutable reference; W2: `^` on a trivial value does nothing; S4b:
// a transfer into a new location runs the move initializer, so needs Movable.
void FnLowerer::check_transfer(const PlaceRef& p, const ast::Expr& transfer,
                               bool into_new_location, bool* trivial_noop) {
  *trivial_noop = false;
  if (!p.ok) return;
  const Span span = transfer.span;
  if (p.temp) {
    c_.sink.report(Rule::W2, span, "transfer from an owned value has no effect and can be removed");
    return;
  }
  if (!p.rooted_var) {
    c_.sink.report(Rule::S4c, span, "expression does not designate a value with an origin");
    return;
  }
  if (p.imm_root) {
    c_.sink.report(Rule::S4a, span, "cannot transfer out of immutable reference");
    if (c_.trivial(p.type)) *trivial_noop = true;
    return;
  }
  if (c_.trivial(p.type)) {
    c_.sink.report(Rule::W2, span,
                   fmt::format("transfer from a value of trivial register type '{}' has no effect "
                               "and can be removed",
                               c_.type_name(p.type)));
    *trivial_noop = true;
    return;
  }
  if (into_new_location && !c_.info(p.type).movable)
    c_.sink.report(Rule::S4b, span,
                   fmt::format("cannot transfer value into destination, because '{}' doesn't "
                               "conform to 'Movable'",
                               c_.type_name(p.type)));
}

// S5a: a place demanded as an owned value without `^` is copied implicitly,
// which needs ImplicitlyCopyable (Copyable under mojo-24.5); trivial types always are.
void FnLowerer::check_implicit_copy(TypeId t, Span span) {
  if (t == none) return;
  const ir::TypeInfo& info = c_.info(t);
  if (info.implicitly_copyable || info.trivial) return;
  std::vector<DiagnosticNote> notes{{span, "consider transferring the value with '^'"}};
  if (info.copyable) notes.push_back({span, "you can copy it explicitly with '.copy()'"});
  c_.sink.report(Rule::S5a, span,
                 fmt::format("value of type '{}' cannot be implicitly copied, it does not conform "
                             "to 'ImplicitlyCopyable'",
                             info.name),
                 std::move(notes));
}

FnLowerer::Origins FnLowerer::origins_of(const ir::Place& p) {
  Origins o;
  const ir::Slot& s = fn().slots[p.slot];
  auto owning_step = [&](TypeId base, const ir::Proj& step) {
    const ir::TypeKind k = c_.info(base).kind;
    return (step.kind == ir::ProjKind::Element && k == ir::TypeKind::List) ||
           (step.kind == ir::ProjKind::Pointee && k == ir::TypeKind::OwnedPointer);
  };
  if (s.holding != ir::Holding::Value) {
    // Through a reference: its own origins (reference parameters are not tracked).
    if (s.kind == ir::SlotKind::Param) return o;
    o.places = s.origins;
    o.interior = s.interior;
    TypeId t = s.type;
    for (const ir::Proj& step : p.path) {
      if (step.kind == ir::ProjKind::Deref) continue;
      if (owning_step(t, step)) o.interior = true;
      if (step.kind == ir::ProjKind::Field) t = c_.info(t).fields.at(step.field).type;
      else t = c_.info(t).element;
    }
    return o;
  }
  // The rooted prefix; a step into a List buffer or an OwnedPointer cell makes it interior.
  ir::Place prefix{p.slot, {}, p.span};
  TypeId t = s.type;
  for (const ir::Proj& step : p.path) {
    if (step.kind == ir::ProjKind::Field) {
      prefix.path.push_back(step);
      t = c_.info(t).fields.at(step.field).type;
      continue;
    }
    if (c_.is_kind(t, ir::TypeKind::UnsafePointer)) {
      // Through a pointer: the pointer's own tracked origins, if any.
      if (prefix.path.empty()) o.places = s.origins;
      return o;
    }
    o.interior = owning_step(t, step);
    break;
  }
  o.places.push_back(std::move(prefix));
  return o;
}

// The abstract places an argument passed by reference accesses (S9): through a
// ref binding its origins; through a reference parameter the parameter itself.
std::vector<Access> FnLowerer::place_accesses(const ir::Place& p, bool write) {
  std::vector<Access> out;
  const ir::Slot& s = fn().slots[p.slot];
  if (s.holding != ir::Holding::Value && s.kind != ir::SlotKind::Param) {
    for (const ir::Place& o : s.origins) out.push_back(Access{o, write, false, none});
    return out;
  }
  Access a{ir::Place{p.slot, {}, p.span}, write, false, none};
  for (const ir::Proj& step : p.path)
    if (step.kind != ir::ProjKind::Deref) a.place.path.push_back(step);
  out.push_back(std::move(a));
  const auto emb = embedded_accesses(p);
  out.insert(out.end(), emb.begin(), emb.end());
  return out;
}

// A pointer value with a tracked origin accesses every place of its origin.
std::vector<Access> FnLowerer::embedded_accesses(const ir::Place& p) {
  std::vector<Access> out;
  if (!p.path.empty()) return out;
  const ir::Slot& s = fn().slots[p.slot];
  if (s.holding != ir::Holding::Value || !c_.is_kind(s.type, ir::TypeKind::UnsafePointer)) return out;
  for (const ir::Place& o : s.origins)
    out.push_back(Access{o, fn().slots[o.slot].is_mutable, true, s.type});
  return out;
}

namespace {

// Two abstract places overlap when one is a prefix of the other; element
// indices are not distinguished (`xs[i]` and `xs[j]` are both `xs[*]`).
bool overlap(const ir::Place& a, const ir::Place& b) {
  if (a.slot != b.slot) return false;
  const std::size_t n = std::min(a.path.size(), b.path.size());
  for (std::size_t i = 0; i < n; ++i) {
    const ir::Proj& x = a.path[i];
    const ir::Proj& y = b.path[i];
    if (x.kind != y.kind) return false;
    if (x.kind == ir::ProjKind::Field && x.field != y.field) return false;
  }
  return true;
}

}  // namespace

// S9: within one call, a location writable through one argument is not
// accessible through another (field-sensitive; trivial by-value arguments exempt).
void FnLowerer::check_exclusivity(const std::string& callee, const std::vector<ArgAccess>& args,
                                  Span span) {
  for (std::size_t j = 1; j < args.size(); ++j) {
    for (std::size_t k = 0; k < j; ++k) {
      for (const Access& a : args[k].accesses) {
        for (const Access& b : args[j].accesses) {
          if (!(a.write || b.write) || !overlap(a.place, b.place)) continue;
          std::string note =
              a.embedded
                  ? fmt::format("'{}' memory accessed through reference embedded in value of type '{}'",
                                spell(a.place), c_.type_name(a.value_type))
                  : fmt::format("'{}' value is passed through aliasing '{}' argument",
                                args[k].spelling.empty() ? spell(a.place) : args[k].spelling,
                                args[k].conv);
          c_.sink.report(Rule::S9, span,
                         fmt::format("argument of '{}' call allows {} a memory location previously "
                                     "{} through another aliased argument",
                                     callee, b.write ? "writing" : "reading",
                                     a.write ? "writable" : "readable"),
                         {DiagnosticNote{args[k].span, std::move(note)}});
          return;
        }
      }
    }
  }
}

}  // namespace ownmodel::sema::detail
