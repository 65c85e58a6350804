// E-Print (docs/semantics.md §7.2) and Mojo's print formatting: Int in
// decimal, Bool as True/False, String as is, Error as its message,
// List[Int|Bool|String] as [a, b] (strings quoted as Mojo's repr does).
#include <fmt/format.h>

#include "reference-impl/machine_impl.h"

namespace ownmodel::run::detail {
namespace {

std::string repr_string(const std::string& s) {
  std::string out = "'";
  for (char ch : s) {
    if (ch == '\'' || ch == '\\') out += '\\';
    out += ch;
  }
  return out + "'";
}

std::string format_leaf(Ctx& c, const Value& v, const Loc& at) {
  if (const auto* i = std::get_if<IntV>(&v)) return std::to_string(i->v);
  if (const auto* b = std::get_if<BoolV>(&v)) return b->v ? "True" : "False";
  if (const auto* s = std::get_if<StrV>(&v)) return s->v;
  if (const auto* e = std::get_if<ErrV>(&v)) return e->msg;
  c.stop(StopKind::Internal, fmt::format("printing {} is outside the subset", c.name(at)));
}

}  // namespace

std::string format_value(Ctx& c, const Loc& at, ir::TypeId t) {
  const ir::TypeInfo& info = c.type(t);
  const Tree& tree = c.peek(at);
  if (!whole_init(tree))
    c.fault(Rule::F_Uninit, fmt::format("print of {}, which is not initialized", c.name(at)), false,
            {"missing: " + first_missing(c.m, c.s, at, tree)});
  if (info.kind == ir::TypeKind::List) {
    const ListV list = std::get<ListV>(tree.value);
    const HeapBlock& b = c.s.blocks.at(list.block);
    if (!b.live) c.fault(Rule::F_Dangling, fmt::format("print of {} whose buffer was released", c.name(at)));
    std::string out = "[";
    for (std::int64_t i = 0; i < list.len; ++i) {
      const Loc cell = root_loc(b.cells[static_cast<std::size_t>(i)]);
      const Value& v = read_leaf(c, cell, "list element");
      if (i) out += ", ";
      out += std::holds_alternative<StrV>(v) ? repr_string(std::get<StrV>(v).v) : format_leaf(c, v, cell);
    }
    return out + "]";
  }
  if (tree.node) c.stop(StopKind::Internal, fmt::format("printing the struct {} is outside the subset", info.name));
  return format_leaf(c, tree.value, at);
}

// E-Print: `print(o1 … on; sep, end)`; every operand Init (F-Uninit); ω grows.
void step_E_Print(Ctx& c, const ir::Print& i) {
  std::string text;
  auto piece = [&](const ir::Operand& o, std::string fallback = {}) -> std::string {
    if (const auto* p = std::get_if<ir::Place>(&o.value)) {
      if (p->slot == ir::none) return fallback;  // sep/end left out: Mojo's defaults
      const Loc l = resolve(c, *p);
      return format_value(c, l, place_type(c, *p));
    }
    const Value v = read_operand(c, o);
    return format_leaf(c, v, Loc{});
  };
  const std::string sep = piece(i.sep, " ");
  const std::string end = piece(i.end, "\n");
  for (std::size_t k = 0; k < i.args.size(); ++k) {
    if (k) text += sep;
    text += piece(i.args[k]);
  }
  text += end;
  c.s.output += text;
  advance(c);
}

}  // namespace ownmodel::run::detail
