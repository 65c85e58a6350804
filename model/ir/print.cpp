#include "model/ir/print.h"

#include <fmt/format.h>

#include "model/syntax/overloaded.h"

namespace ownmodel::ir {
namespace {

std::string print_const(const Const& c) {
  return std::visit(Overloaded{
                        [](std::int64_t v) { return fmt::format("{}", v); },
                        [](bool v) { return std::string(v ? "True" : "False"); },
                        [](const std::string& v) {
                          std::string out = "\"";
                          for (char ch : v) {
                            if (ch == '"' || ch == '\\') out += '\\';
                            if (ch == '\n') {
                              out += "\\n";
                              continue;
                            }
                            out += ch;
                          }
                          return out + '"';
                        },
                    },
                    c.value);
}

std::string print_operand(const Module& m, const Function& f, const Operand& o) {
  return std::visit(Overloaded{
                        [&](const Place& p) { return print_place(m, f, p); },
                        [](const Const& c) { return print_const(c); },
                    },
                    o.value);
}

std::string_view op_name(OpKind op) {
  switch (op) {
    case OpKind::Add: return "add";
    case OpKind::Sub: return "sub";
    case OpKind::Mul: return "mul";
    case OpKind::FloorDiv: return "floordiv";
    case OpKind::Mod: return "mod";
    case OpKind::Neg: return "neg";
    case OpKind::Eq: return "eq";
    case OpKind::Ne: return "ne";
    case OpKind::Lt: return "lt";
    case OpKind::Le: return "le";
    case OpKind::Gt: return "gt";
    case OpKind::Ge: return "ge";
    case OpKind::Not: return "not";
    case OpKind::Concat: return "concat";
    case OpKind::Len: return "len";
    case OpKind::ToString: return "to_string";
    case OpKind::MakeError: return "make_error";
    case OpKind::PtrOffset: return "ptr_offset";
  }
  return "?";
}

std::string print_app(const Module& m, const Function& f, const OpApp& app) {
  std::string out = fmt::format("{}(", op_name(app.op));
  for (std::size_t i = 0; i < app.operands.size(); ++i) {
    if (i) out += ", ";
    out += print_operand(m, f, app.operands[i]);
  }
  return out + ")";
}

std::string_view arg_mode(ArgMode mode) {
  switch (mode) {
    case ArgMode::Ref: return "&";
    case ArgMode::MutRef: return "&mut ";
    case ArgMode::Own: return "own ";
    case ArgMode::Val: return "val ";
    case ArgMode::Out: return "out ";
  }
  return "?";
}

std::string block_name(const Function& f, BlockId b) {
  if (b == none || b >= f.blocks.size()) return "?";
  const std::string& label = f.blocks[b].label;
  return label.empty() ? fmt::format("bb{}", b) : fmt::format("bb{}.{}", b, label);
}

std::string print_term(const Module& m, const Function& f, const Terminator& t) {
  return std::visit(
      Overloaded{
          [&](const Goto& g) { return fmt::format("goto {}", block_name(f, g.target)); },
          [&](const Branch& b) {
            return fmt::format("branch {} ? {} : {}", print_operand(m, f, b.cond),
                               block_name(f, b.then_block), block_name(f, b.else_block));
          },
          [](const Return&) { return std::string("return"); },
          [&](const Raise& r) { return fmt::format("raise {}", print_place(m, f, r.error)); },
          [](const Unreachable&) { return std::string("unreachable"); },
      },
      t.node);
}

std::string_view convention_name(ast::Convention c) {
  switch (c) {
    case ast::Convention::Default: return "";
    case ast::Convention::Mut: return "mut ";
    case ast::Convention::Var: return "var ";
    case ast::Convention::Out: return "out ";
    case ast::Convention::Deinit: return "deinit ";
    case ast::Convention::Ref: return "ref ";
  }
  return "";
}

}  // namespace

std::string print_place(const Module& m, const Function& f, const Place& p) {
  if (p.slot == none || p.slot >= f.slots.size()) return "<bad slot>";
  std::string out = f.slots[p.slot].name;
  TypeId t = f.slots[p.slot].type;
  for (const Proj& step : p.path) {
    if (t == none || t >= m.types.size()) return out + "<bad type>";
    const TypeInfo& info = m.types[t];
    switch (step.kind) {
      case ProjKind::Field:
        if (step.field >= info.fields.size()) return out + ".<bad field>";
        out += '.' + info.fields[step.field].name;
        t = info.fields[step.field].type;
        break;
      case ProjKind::Deref: out = "(*" + out + ")"; break;
      case ProjKind::Pointee:
        out += "[]";
        t = info.element;
        break;
      case ProjKind::Element:
        out += step.index_slot == none ? fmt::format("[{}]", step.index_const)
               : step.index_slot < f.slots.size()
                   ? fmt::format("[{}]", f.slots[step.index_slot].name)
                   : std::string("[<bad slot>]");
        t = info.element;
        break;
    }
  }
  return out;
}

std::string print_instr(const Module& m, const Function& f, const Instr& instr) {
  auto place = [&](const Place& p) { return print_place(m, f, p); };
  return std::visit(
      Overloaded{
          [&](const AssignConst& i) {
            return fmt::format("{} := const {}", place(i.dst), print_const(i.value));
          },
          [&](const AssignOp& i) { return fmt::format("{} := {}", place(i.dst), print_app(m, f, i.app)); },
          [&](const Copy& i) {
            return fmt::format("{} := copy {}{}", place(i.dst), place(i.src),
                               i.origin == CopyOrigin::Explicit ? "  [explicit]" : "");
          },
          [&](const Move& i) { return fmt::format("{} := move {}", place(i.dst), place(i.src)); },
          [&](const Borrow& i) {
            const char* kind = i.kind == BorrowKind::Imm ? "borrow"
                               : i.kind == BorrowKind::Mut ? "borrow mut"
                                                           : "addr";
            return fmt::format("{} := {} {}", place(i.dst), kind, place(i.src));
          },
          [&](const Destroy& i) {
            return fmt::format("destroy {}  [{}{}]", place(i.place), spec_name(i.rule),
                               i.explicit_call ? ", explicit" : "");
          },
          [&](const Store& i) {
            const std::string source = std::visit(
                Overloaded{
                    [&](const StoreCopy& s) { return "copy " + place(s.src); },
                    [&](const StoreMove& s) { return "move " + place(s.src); },
                    [&](const Const& c) { return "const " + print_const(c); },
                    [&](const OpApp& a) { return print_app(m, f, a); },
                },
                i.source);
            return fmt::format("store {} <- {}", place(i.dst), source);
          },
          [&](const Call& i) {
            std::string out;
            const std::string callee =
                i.callee < m.functions.size() ? m.functions[i.callee].name : "<bad function>";
            out += fmt::format("call {}(", callee);
            for (std::size_t k = 0; k < i.args.size(); ++k) {
              if (k) out += ", ";
              out += arg_mode(i.args[k].mode);
              out += print_operand(m, f, i.args[k].value);
            }
            out += ')';
            if (i.unwind != none) out += fmt::format(" unwind {}", block_name(f, i.unwind));
            return out;
          },
          [&](const Alloc& i) {
            return fmt::format("{} := alloc {}, {}", place(i.dst),
                               i.element < m.types.size() ? m.types[i.element].name : "?",
                               print_operand(m, f, i.count));
          },
          [&](const Free& i) { return fmt::format("free {}", place(i.ptr)); },
          [&](const PtrInit& i) {
            return fmt::format("ptr_init {} <- {} {}", place(i.ptr), i.copy ? "copy" : "move",
                               place(i.src));
          },
          [&](const PtrTake& i) { return fmt::format("{} := ptr_take {}", place(i.dst), place(i.ptr)); },
          [&](const BoxNew& i) { return fmt::format("{} := box_new {}", place(i.dst), place(i.src)); },
          [&](const ListNew& i) {
            std::string out = fmt::format("{} := list_new [", place(i.dst));
            for (std::size_t k = 0; k < i.elements.size(); ++k) {
              if (k) out += ", ";
              out += place(i.elements[k]);
            }
            return out + "]";
          },
          [&](const ListAppend& i) {
            return fmt::format("list_append {} <- {}", place(i.list), place(i.src));
          },
          [&](const Print& i) {
            std::string out = "print(";
            for (std::size_t k = 0; k < i.args.size(); ++k) {
              if (k) out += ", ";
              out += print_operand(m, f, i.args[k]);
            }
            return out + fmt::format("; sep={}, end={})", print_operand(m, f, i.sep),
                                     print_operand(m, f, i.end));
          },
      },
      instr.node);
}

std::string print_function(const Module& m, const Function& f) {
  std::string out = fmt::format("def {}(", f.name);
  for (std::size_t k = 0; k < f.params.size(); ++k) {
    if (k) out += ", ";
    const Slot& s = f.slots.at(f.params[k]);
    out += fmt::format("{}{}: {}", convention_name(s.convention), s.name,
                       s.type < m.types.size() ? m.types[s.type].name : "?");
  }
  out += ')';
  if (f.raises) out += " raises";
  if (f.result != none && f.result_type < m.types.size())
    out += fmt::format(" -> {}{}", f.result_is_ref ? "ref " : "", m.types[f.result_type].name);
  out += ":\n";
  for (BlockId b = 0; b < f.blocks.size(); ++b) {
    const BasicBlock& block = f.blocks[b];
    out += fmt::format("  {}:\n", block_name(f, b));
    for (const Instr& instr : block.instrs) {
      std::string line = "    " + print_instr(m, f, instr);
      if (instr.span.known()) {
        if (line.size() < 52) line.resize(52, ' ');
        line += fmt::format("  # {}:{}", instr.span.line, instr.span.col);
      }
      out += line + '\n';
    }
    out += "    " + print_term(m, f, block.term) + '\n';
  }
  return out;
}

std::string print_module(const Module& m) {
  std::string out;
  for (const Function& f : m.functions) {
    if (f.synthesized) continue;
    if (!out.empty()) out += '\n';
    out += print_function(m, f);
  }
  return out;
}

}  // namespace ownmodel::ir
