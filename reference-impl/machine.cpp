// The dispatcher (docs/semantics.md §7.1 "Which rule applies"), the run loop
// with its bounds, the initial state, and the renderings used by traces and
// the CLI.
#include <charconv>

#include <fmt/format.h>

#include "model/ir/print.h"
#include "model/syntax/overloaded.h"
#include "reference-impl/machine_impl.h"

namespace ownmodel::run {

using namespace detail;

namespace {

Rule rule_of(const Pending& p) {
  switch (p.kind) {
    case Pending::Kind::Copy: return Rule::E_Copy;
    case Pending::Kind::Move: return Rule::E_Move;
    case Pending::Kind::Destroy: return Rule::E_Destroy;
    case Pending::Kind::Release:
    case Pending::Kind::ReleaseBlock: return Rule::E_Free;
    case Pending::Kind::Assign: return Rule::E_Assign;
  }
  return Rule::E_Assign;
}

Rule rule_of(const ir::Instr& i) {
  return std::visit(Overloaded{
                        [](const ir::AssignConst&) { return Rule::E_Assign; },
                        [](const ir::AssignOp&) { return Rule::E_Assign; },
                        [](const ir::Copy&) { return Rule::E_Copy; },
                        [](const ir::Move&) { return Rule::E_Move; },
                        [](const ir::Borrow&) { return Rule::E_Borrow; },
                        [](const ir::Destroy&) { return Rule::E_Destroy; },
                        [](const ir::Store&) { return Rule::E_Store_Through_Ref; },
                        [](const ir::Call&) { return Rule::E_Call; },
                        [](const ir::Alloc&) { return Rule::E_Alloc; },
                        [](const ir::Free&) { return Rule::E_Free; },
                        [](const ir::PtrInit&) { return Rule::E_Ptr_Init; },
                        [](const ir::PtrTake&) { return Rule::E_Ptr_Take; },
                        [](const ir::BoxNew&) { return Rule::E_Box_New; },
                        [](const ir::ListNew&) { return Rule::E_List_New; },
                        [](const ir::ListAppend&) { return Rule::E_List_Append; },
                        [](const ir::Print&) { return Rule::E_Print; },
                    },
                    i.node);
}

Rule rule_of(const ir::Terminator& t, bool entry) {
  return std::visit(Overloaded{
                        [](const ir::Goto&) { return Rule::E_Goto; },
                        [](const ir::Branch&) { return Rule::E_Branch; },
                        [&](const ir::Return&) { return entry ? Rule::E_Exit : Rule::E_Return; },
                        [](const ir::Raise&) { return Rule::E_Raise; },
                        [](const ir::Unreachable&) { return Rule::E_Goto; },
                    },
                    t.node);
}

void run_instr(Ctx& c, const ir::Instr& i) {
  std::visit(Overloaded{
                 [&](const ir::AssignConst&) { step_E_Assign(c, i); },
                 [&](const ir::AssignOp&) { step_E_Assign(c, i); },
                 [&](const ir::Copy& x) { step_E_Copy(c, x); },
                 [&](const ir::Move& x) { step_E_Move(c, x); },
                 [&](const ir::Borrow& x) { step_E_Borrow(c, x); },
                 [&](const ir::Destroy& x) { step_E_Destroy(c, x); },
                 [&](const ir::Store& x) { step_E_Store_Through_Ref(c, x); },
                 [&](const ir::Call& x) { step_E_Call(c, x); },
                 [&](const ir::Alloc& x) { step_E_Alloc(c, x); },
                 [&](const ir::Free& x) { step_E_Free(c, x); },
                 [&](const ir::PtrInit& x) { step_E_Ptr_Init(c, x); },
                 [&](const ir::PtrTake& x) { step_E_Ptr_Take(c, x); },
                 [&](const ir::BoxNew& x) { step_E_Box_New(c, x); },
                 [&](const ir::ListNew& x) { step_E_List_New(c, x); },
                 [&](const ir::ListAppend& x) { step_E_List_Append(c, x); },
                 [&](const ir::Print& x) { step_E_Print(c, x); },
             },
             i.node);
}

void run_term(Ctx& c, const ir::Terminator& t, bool entry) {
  std::visit(Overloaded{
                 [&](const ir::Goto& x) { step_E_Goto(c, x); },
                 [&](const ir::Branch& x) { step_E_Branch(c, x); },
                 [&](const ir::Return&) { entry ? step_E_Exit(c) : step_E_Return(c); },
                 [&](const ir::Raise& x) { step_E_Raise(c, x); },
                 [&](const ir::Unreachable&) {
                   c.stop(StopKind::Internal, fmt::format("reached an `unreachable` block in {}", c.fn().name));
                 },
             },
             t.node);
}

/// The entry frame is the bottom one.
bool is_entry(const State& s) { return s.frames.size() == 1; }

}  // namespace

StepResult step_in_place(const Program& prog, State& s) {
  Ctx c{prog, *prog.module, s, Rule::E_Exit, Span{}};
  s.changed.clear();
  StepResult result;
  try {
    if (s.frames.empty()) {
      c.rule = Rule::E_Exit;
      step_E_Exit(c);
    } else {
      Frame& f = s.frames.back();
      if (!f.pending.empty()) {
        Pending p = std::move(f.pending.back());
        f.pending.pop_back();
        c.rule = rule_of(p);
        c.span = p.span;
        c.unsafe = p.unsafe;
        step_pending(c, p);
      } else if (f.raising) {
        c.rule = Rule::E_Catch;
        step_E_Catch(c);
      } else {
        const ir::Function& F = prog.module->functions.at(f.function);
        const ir::BasicBlock& B = F.blocks.at(f.block);
        if (f.index < B.instrs.size()) {
          const ir::Instr& i = B.instrs[f.index];
          c.rule = rule_of(i);
          c.span = i.span;
          run_instr(c, i);
        } else {
          c.rule = rule_of(B.term, is_entry(s));
          c.span = B.term.span;
          run_term(c, B.term, is_entry(s));
        }
      }
    }
  } catch (FaultSignal& sig) {
    s.stop = Stop{StopKind::Faulted, render_fault(sig.fault), std::move(sig.fault)};
    result.faulted = true;
  } catch (StopSignal& sig) {
    s.stop = Stop{sig.kind, std::move(sig.message), std::nullopt};
  } catch (const std::exception& e) {
    // Malformed IR (an index out of range): a bug upstream, never a host crash.
    s.stop = Stop{StopKind::Internal, fmt::format("malformed Core IR at {}: {}", spec_name(c.rule), e.what()),
                  std::nullopt};
  }
  ++s.steps;
  result.rule = c.rule;
  return result;
}

std::variant<Transition, Stop> step(const Program& prog, const State& state) {
  State next = state;
  const StepResult r = step_in_place(prog, next);
  if (next.stop && next.stop->kind != StopKind::Finished && next.stop->kind != StopKind::Raised)
    return *next.stop;
  return Transition{r.rule, std::move(next)};
}

State initial_state(const Program& prog) {
  State s;
  const ir::Module& m = *prog.module;
  const ir::FunctionId entry = prog.entry != ir::none ? prog.entry : m.entry;
  if (entry == ir::none || entry >= m.functions.size()) {
    s.stop = Stop{StopKind::BadInput, "the program has no entry function `main`", std::nullopt};
    return s;
  }
  const ir::Function& F = m.functions[entry];
  Ctx c{prog, m, s, Rule::E_Call, F.span};
  std::vector<ArgBinding> args;
  try {
    for (ir::SlotId p : F.params) {
      const ir::Slot& sl = F.slots.at(p);
      const ir::TypeKind k = m.types.at(sl.type).kind;
      if (k != ir::TypeKind::Int && k != ir::TypeKind::Bool)
        c.stop(StopKind::BadInput, fmt::format("parameter `{}` of {} has type {}; only Int and Bool inputs are "
                                               "supported",
                                               sl.name, F.name, m.types[sl.type].name));
      std::optional<InputValue> v = prog.oracle ? prog.oracle->entry_argument(sl.name, k) : std::nullopt;
      if (!v) c.stop(StopKind::BadInput, fmt::format("missing input `{}` (give --arg {}=VALUE)", sl.name, sl.name));
      const bool is_int = std::holds_alternative<std::int64_t>(*v);
      if (is_int != (k == ir::TypeKind::Int))
        c.stop(StopKind::BadInput, fmt::format("input `{}` must be {}", sl.name, is_int ? "a Bool" : "an Int"));
      ArgBinding b;
      b.mode = ir::ArgMode::Val;
      b.value = is_int ? leaf(sl.type, IntV{std::get<std::int64_t>(*v)}) : leaf(sl.type, BoolV{std::get<bool>(*v)});
      args.push_back(std::move(b));
    }
    push_frame(c, entry, std::move(args), false);
  } catch (StopSignal& sig) {
    s.stop = Stop{sig.kind, std::move(sig.message), std::nullopt};
  } catch (const std::exception& e) {
    s.stop = Stop{StopKind::Internal, fmt::format("malformed Core IR: {}", e.what()), std::nullopt};
  }
  return s;
}

Outcome finish(const Program& prog, State s) {
  while (!s.stop) {
    if (s.steps >= prog.limits.max_steps) {
      s.stop = Stop{StopKind::StepLimit, fmt::format("step limit of {} steps reached", prog.limits.max_steps),
                    std::nullopt};
      break;
    }
    (void)step_in_place(prog, s);
  }
  Outcome out;
  out.stop = std::move(*s.stop);
  out.output = std::move(s.output);
  out.events = std::move(s.events);
  out.steps = s.steps;
  out.checker_unsound = prog.accepted && out.stop.kind == StopKind::Faulted && out.stop.fault &&
                        !out.stop.fault->unsafe;
  return out;
}

Outcome run_program(const Program& prog) { return finish(prog, initial_state(prog)); }

/* --- inputs -------------------------------------------------------------- */

std::optional<InputValue> MapOracle::entry_argument(std::string_view name, ir::TypeKind) {
  auto it = arguments.find(std::string(name));
  if (it == arguments.end()) return std::nullopt;
  return it->second;
}

std::optional<bool> MapOracle::branch_choice(const BranchSite& site) {
  auto it = forced_branches.find(site.ordinal);
  if (it == forced_branches.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> parse_argument(std::string_view text, MapOracle& into) {
  const auto eq = text.find('=');
  if (eq == std::string_view::npos || eq == 0)
    return fmt::format("bad argument `{}`: expected name=value", text);
  const std::string name(text.substr(0, eq));
  const std::string_view value = text.substr(eq + 1);
  if (value == "True" || value == "true") {
    into.arguments[name] = true;
    return std::nullopt;
  }
  if (value == "False" || value == "false") {
    into.arguments[name] = false;
    return std::nullopt;
  }
  std::int64_t n = 0;
  const char* first = value.data();
  const char* last = value.data() + value.size();
  if (first != last && *first == '+') ++first;
  auto [ptr, ec] = std::from_chars(first, last, n);
  if (ec != std::errc{} || ptr != last || first == last)
    return fmt::format("bad value for `{}`: `{}` is neither an Int nor True/False", name, value);
  into.arguments[name] = n;
  return std::nullopt;
}

/* --- rendering ---------------------------------------------------------- */

std::string_view stop_name(StopKind k) {
  switch (k) {
    case StopKind::Finished: return "finished";
    case StopKind::Raised: return "raised";
    case StopKind::Aborted: return "aborted";
    case StopKind::Faulted: return "faulted";
    case StopKind::StepLimit: return "step-limit";
    case StopKind::DepthLimit: return "depth-limit";
    case StopKind::HeapLimit: return "heap-limit";
    case StopKind::BadInput: return "bad-input";
    case StopKind::Internal: return "internal-error";
  }
  return "?";
}

std::string to_string(const Event& e) {
  switch (e.kind) {
    case EventKind::Init: return fmt::format("init {}@{}", e.type, e.object);
    case EventKind::Copy: return fmt::format("copy {}@{}<-{}", e.type, e.object, e.source);
    case EventKind::Move: return fmt::format("move {}@{}<-{}", e.type, e.object, e.source);
    case EventKind::Del:
      return e.method.empty() ? fmt::format("del {}@{}", e.type, e.object)
                              : fmt::format("del {}@{} {}", e.type, e.object, e.method);
  }
  return "?";
}

std::string loc_name(const ir::Module& m, const State& s, const Loc& loc) {
  if (loc.root == none || loc.root >= s.roots.size()) return "?";
  const Root& r = s.roots[loc.root];
  std::string out;
  if (r.heap) {
    out = fmt::format("heap{}[{}]", r.block, r.index);
  } else {
    const ir::Function& F = m.functions.at(r.function);
    out = F.name + "." + F.slots.at(r.slot).name;
  }
  ir::TypeId t = r.tree.type;
  for (std::uint32_t f : loc.path) {
    if (t == ir::none || f >= m.types.at(t).fields.size()) {
      out += fmt::format(".#{}", f);
      t = ir::none;
      continue;
    }
    out += "." + m.types[t].fields[f].name;
    t = m.types[t].fields[f].type;
  }
  return out;
}

std::string render_tree(const ir::Module& m, const State& s, const Tree& t) {
  if (t.node) {
    std::string out = (t.init ? "" : "~") + m.types.at(t.type).name + "{";
    for (std::size_t i = 0; i < t.fields.size(); ++i) {
      if (i) out += ", ";
      out += m.types[t.type].fields.at(i).name + ": " + render_tree(m, s, t.fields[i]);
    }
    return out + "}";
  }
  if (!t.init) return "uninit";
  return std::visit(Overloaded{
                        [](const IntV& v) { return std::to_string(v.v); },
                        [](const BoolV& v) { return std::string(v.v ? "True" : "False"); },
                        [](const StrV& v) { return fmt::format("\"{}\"", v.v); },
                        [](const ErrV& v) { return fmt::format("Error(\"{}\")", v.msg); },
                        [&](const RefV& v) { return (v.mut ? "&mut " : "&") + loc_name(m, s, v.loc); },
                        [&](const PtrV& v) {
                          return v.block != none ? fmt::format("ptr(heap{}+{})", v.block, v.offset)
                                                 : fmt::format("ptr(&{}+{})", loc_name(m, s, v.loc), v.offset);
                        },
                        [](const BoxV& v) { return fmt::format("box(heap{})", v.block); },
                        [&](const ListV& v) {
                          return fmt::format("list(heap{}, len {}, cap {})", v.block, v.len,
                                             v.block < s.blocks.size() ? s.blocks[v.block].cells.size() : 0);
                        },
                    },
                    t.value);
}

std::string describe_next(const Program& prog, const State& s) {
  const ir::Module& m = *prog.module;
  if (s.stop) return "(stopped)";
  if (s.frames.empty()) return "exit (the entry function raised)";
  const Frame& f = s.frames.back();
  const ir::Function& F = m.functions.at(f.function);
  if (!f.pending.empty()) {
    const Pending& p = f.pending.back();
    switch (p.kind) {
      case Pending::Kind::Copy: return loc_name(m, s, p.dst) + " := copy " + loc_name(m, s, p.src);
      case Pending::Kind::Move: return loc_name(m, s, p.dst) + " := move " + loc_name(m, s, p.src);
      case Pending::Kind::Destroy: return "destroy " + loc_name(m, s, p.dst);
      case Pending::Kind::Release: return "release " + loc_name(m, s, p.dst);
      case Pending::Kind::ReleaseBlock: return fmt::format("release heap{}", p.block);
      case Pending::Kind::Assign: {
        Tree t;
        t.init = true;
        t.value = p.value;
        return loc_name(m, s, p.dst) + " := " + render_tree(m, s, t);
      }
    }
  }
  if (f.raising) return fmt::format("catch Error(\"{}\")", f.error);
  const ir::BasicBlock& B = F.blocks.at(f.block);
  if (f.index < B.instrs.size()) return ir::print_instr(m, F, B.instrs[f.index]);
  return std::visit(Overloaded{
                        [&](const ir::Goto& g) { return fmt::format("goto bb{}", g.target); },
                        [&](const ir::Branch& b) {
                          std::string cond = std::visit(
                              Overloaded{[&](const ir::Place& p) { return ir::print_place(m, F, p); },
                                         [](const ir::Const& k) {
                                           return std::holds_alternative<bool>(k.value)
                                                      ? std::string(std::get<bool>(k.value) ? "True" : "False")
                                                      : std::string("const");
                                         }},
                              b.cond.value);
                          return fmt::format("branch {} ? bb{} : bb{}", cond, b.then_block, b.else_block);
                        },
                        [](const ir::Return&) { return std::string("return"); },
                        [&](const ir::Raise& r) { return "raise " + ir::print_place(m, F, r.error); },
                        [](const ir::Unreachable&) { return std::string("unreachable"); },
                    },
                    B.term.node);
}

std::string render_fault(const Fault& f) {
  std::string out = fmt::format("{} during {} at step {}{}: {}", spec_name(f.kind), spec_name(f.rule), f.step,
                                f.unsafe ? " (unsafe)" : "", f.message);
  if (!f.function.empty()) out += fmt::format(" [in {}]", f.function);
  for (const std::string& e : f.evidence) out += "\n  evidence: " + e;
  return out;
}

std::string render_unsound(const Fault& f) {
  return fmt::format("checker unsound at rule {}: an accepted program violates its premise ({}: {})",
                     spec_name(f.rule), spec_name(f.kind), f.message);
}

}  // namespace ownmodel::run
