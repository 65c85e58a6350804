// The shape of the Core IR the lowering builds (docs/semantics.md §6, D7, D9):
// blocks, calls, copies and moves of small programs; the type table; structural
// invariants over the whole examples corpus; limits.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/model/sema_helpers.h"

namespace ownmodel::sema_test {
namespace {

const ir::Function& must(const Lowered& l, std::string_view name) {
  static ir::Function empty;
  if (!l.module) {
    ADD_FAILURE() << "no module:\n" << l.dump();
    return empty;
  }
  const ir::Function* f = function(*l.module, name);
  if (!f) {
    ADD_FAILURE() << "no function " << name;
    return empty;
  }
  return *f;
}

TEST(SemaLowering, StraightLineProgram) {
  Lowered l = lower_text("def main():\n    var x = 1\n    print(x)\n");
  const ir::Function& f = must(l, "main");
  ASSERT_EQ(f.blocks.size(), 1u);
  EXPECT_EQ(count<ir::AssignConst>(f), 1u);
  EXPECT_EQ(count<ir::Print>(f), 1u);
  EXPECT_TRUE(std::holds_alternative<ir::Return>(f.blocks[0].term.node));
  const auto* p = all<ir::Print>(f)[0];
  EXPECT_EQ(std::get<std::string>(std::get<ir::Const>(p->sep.value).value), " ");
  EXPECT_EQ(std::get<std::string>(std::get<ir::Const>(p->end.value).value), "\n");
  EXPECT_EQ(l.module->entry, static_cast<ir::FunctionId>(&f - l.module->functions.data()));
}

TEST(SemaLowering, PrintKeywords) {
  Lowered l = lower_text("def main():\n    print(1, 2, sep=\", \", end=\"\")\n");
  const auto* p = all<ir::Print>(must(l, "main"))[0];
  EXPECT_EQ(p->args.size(), 2u);
  EXPECT_EQ(std::get<std::string>(std::get<ir::Const>(p->sep.value).value), ", ");
  EXPECT_EQ(std::get<std::string>(std::get<ir::Const>(p->end.value).value), "");
}

TEST(SemaLowering, ImplicitAndExplicitCopiesAndMoves) {
  Lowered l = lower_text(
      "def main():\n    var a = \"x\"\n    var b = a\n    var c = a.copy()\n    var d = a^\n"
      "    print(b, c, d)\n");
  const ir::Function& f = must(l, "main");
  auto copies = all<ir::Copy>(f);
  ASSERT_EQ(copies.size(), 2u);
  EXPECT_EQ(copies[0]->origin, ir::CopyOrigin::Implicit);
  EXPECT_EQ(copies[1]->origin, ir::CopyOrigin::Explicit);
  EXPECT_EQ(count<ir::Move>(f), 1u);
  EXPECT_EQ(count<ir::Destroy>(f), 0u);  // destructions are the elaborator's
}

TEST(SemaLowering, ConstructorsAreCallsWithOutDestination) {
  Lowered l = lower_text(
      "@fieldwise_init\nstruct P:\n    var name: String\n    var n: Int\n"
      "def main():\n    var p = P(\"a\", 1)\n    print(p.n)\n");
  const ir::Function& f = must(l, "main");
  auto calls = all<ir::Call>(f);
  ASSERT_EQ(calls.size(), 1u);
  const ir::Function& init = l.module->functions.at(calls[0]->callee);
  EXPECT_TRUE(init.synthesized);
  EXPECT_EQ(init.kind, ir::FunctionKind::Init);
  ASSERT_EQ(calls[0]->args.size(), 3u);
  EXPECT_EQ(calls[0]->args[0].mode, ir::ArgMode::Out);
  EXPECT_EQ(f.slots[std::get<ir::Place>(calls[0]->args[0].value.value).slot].name, "p");
  EXPECT_EQ(calls[0]->args[1].mode, ir::ArgMode::Own);  // String var parameter: in place
  EXPECT_EQ(calls[0]->args[2].mode, ir::ArgMode::Val);  // Int var parameter: by value
  // The synthesized body moves the String in and copies the Int.
  EXPECT_EQ(count<ir::Move>(init), 1u);
  EXPECT_EQ(count<ir::Copy>(init), 1u);
}

TEST(SemaLowering, ConventionsAtTheCallSite) {
  Lowered l = lower_text(
      "def f(a: String, mut b: String, var c: String, n: Int, ref r: String):\n    pass\n"
      "def main():\n    var s = \"s\"\n    var t = \"t\"\n    var u = \"u\"\n    f(s, t, u^, 3, \"lit\")\n");
  const ir::Function& f = must(l, "main");
  auto calls = all<ir::Call>(f);
  ASSERT_EQ(calls.size(), 1u);
  const auto& a = calls[0]->args;
  ASSERT_EQ(a.size(), 5u);
  EXPECT_EQ(a[0].mode, ir::ArgMode::Ref);
  EXPECT_EQ(a[1].mode, ir::ArgMode::MutRef);
  EXPECT_EQ(a[2].mode, ir::ArgMode::Own);
  EXPECT_EQ(a[3].mode, ir::ArgMode::Val);
  EXPECT_EQ(a[4].mode, ir::ArgMode::Ref);
  // The literal for the `ref` parameter lives in a temporary $t1 (D9).
  EXPECT_EQ(f.slots[std::get<ir::Place>(a[4].value.value).slot].name, "$t1");
  // Inside f, reference parameters hold references.
  const ir::Function& callee = must(l, "f");
  EXPECT_EQ(callee.slots[callee.params[0]].holding, ir::Holding::ImmRef);
  EXPECT_EQ(callee.slots[callee.params[1]].holding, ir::Holding::MutRef);
  EXPECT_EQ(callee.slots[callee.params[2]].holding, ir::Holding::Value);
  EXPECT_EQ(callee.slots[callee.params[3]].holding, ir::Holding::Value);
  EXPECT_EQ(callee.slots[callee.params[4]].holding, ir::Holding::ImmRef);
}

TEST(SemaLowering, VarArgumentWithoutTransferIsACopyIntoATemporary) {
  Lowered l = lower_text("def take(var s: String):\n    print(s)\n"
                         "def main():\n    var s = \"a\"\n    take(s)\n    print(s)\n");
  const ir::Function& f = must(l, "main");
  auto copies = all<ir::Copy>(f);
  ASSERT_EQ(copies.size(), 1u);
  EXPECT_EQ(f.slots[copies[0]->dst.slot].kind, ir::SlotKind::Temp);
  EXPECT_EQ(all<ir::Call>(f)[0]->args[0].mode, ir::ArgMode::Own);
}

TEST(SemaLowering, ReferenceParameterFieldIsDeref) {
  Lowered l = lower_text("@fieldwise_init\nstruct P:\n    var name: String\n"
                         "def show(p: P):\n    print(p.name)\n");
  const ir::Function& f = must(l, "show");
  const auto* p = all<ir::Print>(f)[0];
  const ir::Place& pl = std::get<ir::Place>(p->args[0].value);
  ASSERT_EQ(pl.path.size(), 2u);
  EXPECT_EQ(pl.path[0].kind, ir::ProjKind::Deref);
  EXPECT_EQ(pl.path[1].kind, ir::ProjKind::Field);
  EXPECT_EQ(pl.span.line, 5u);
  EXPECT_EQ(pl.span.col, 11u);
}

TEST(SemaLowering, RaisingCallEndsItsBlock) {
  Lowered l = lower_text("def f() raises -> Int:\n    raise Error(\"x\")\n"
                         "def g() raises:\n    var x = f()\n    print(x)\n"
                         "def main():\n    try:\n        print(f())\n    except e:\n        print(e)\n");
  const ir::Function& g = must(l, "g");
  ASSERT_EQ(g.blocks.size(), 3u);  // entry, unwind (re-raise), continuation
  const auto& entry = g.blocks[g.entry];
  const auto* call = std::get_if<ir::Call>(&entry.instrs.back().node);
  ASSERT_NE(call, nullptr);
  ASSERT_NE(call->unwind, ir::none);
  EXPECT_TRUE(std::holds_alternative<ir::Raise>(g.blocks[call->unwind].term.node));
  EXPECT_NE(g.error, ir::none);
  const ir::Function& m = must(l, "main");
  auto calls = all<ir::Call>(m);
  ASSERT_EQ(calls.size(), 1u);
  // Inside try, the unwind block is the handler, which binds the error.
  const auto& landing = m.blocks[calls[0]->unwind];
  ASSERT_FALSE(landing.instrs.empty());
  const auto* mv = std::get_if<ir::Move>(&landing.instrs[0].node);
  ASSERT_NE(mv, nullptr);
  EXPECT_EQ(mv->src.slot, m.error);
  const ir::Function& f = must(l, "f");
  EXPECT_EQ(count<ir::AssignOp>(f), 1u);  // $err := Error("x")
  EXPECT_TRUE(std::holds_alternative<ir::Raise>(f.blocks[f.entry].term.node));
}

TEST(SemaLowering, IfElseAndWhileBlocks) {
  Lowered l = lower_text("def main(c: Bool):\n    var x = 0\n    if c:\n        x = 1\n    else:\n        x = 2\n"
                         "    while x < 10:\n        x += 1\n    print(x)\n");
  const ir::Function& f = must(l, "main");
  // entry, then, else, if.end, while.head, body, exit
  EXPECT_EQ(f.blocks.size(), 7u);
  std::size_t branches = 0;
  for (const auto& b : f.blocks) branches += std::holds_alternative<ir::Branch>(b.term.node);
  EXPECT_EQ(branches, 2u);
}

TEST(SemaLowering, ShortCircuitIsABranch) {
  Lowered l = lower_text("def main(a: Bool, b: Bool):\n    var c = a and b\n    print(c)\n");
  const ir::Function& f = must(l, "main");
  EXPECT_EQ(f.blocks.size(), 4u);
}

TEST(SemaLowering, ForRangeAndForList) {
  Lowered l = lower_text("def main():\n    for i in range(2, 5):\n        print(i)\n"
                         "    var xs: List[Int] = [1]\n    for x in xs:\n        print(x)\n");
  const ir::Function& f = must(l, "main");
  std::size_t hidden = 0;
  bool element_ref = false;
  for (const ir::Slot& s : f.slots) {
    hidden += s.kind == ir::SlotKind::Hidden;
    if (s.name == "x") {
      element_ref = s.holding == ir::Holding::ImmRef && s.interior && s.origins.size() == 1;
      EXPECT_FALSE(s.is_mutable);
    }
  }
  EXPECT_EQ(hidden, 7u);  // $k $end $c; $it $k2 $n $c2
  EXPECT_TRUE(element_ref);
  EXPECT_EQ(count<ir::Borrow>(f), 2u);  // $it := borrow xs; x := borrow (*$it)[$k]
}

TEST(SemaLowering, RefBindingsCarryOrigins) {
  Lowered l = lower_text("@fieldwise_init\nstruct P:\n    var a: String\n"
                         "def main():\n    var p = P(\"x\")\n    ref r = p.a\n    r += \"y\"\n"
                         "    var xs: List[Int] = [1]\n    ref e = xs[0]\n    print(e, p.a)\n");
  const ir::Function& f = must(l, "main");
  for (const ir::Slot& s : f.slots) {
    if (s.name == "r") {
      EXPECT_EQ(s.kind, ir::SlotKind::RefBinding);
      EXPECT_EQ(s.holding, ir::Holding::MutRef);
      ASSERT_EQ(s.origins.size(), 1u);
      EXPECT_EQ(s.origins[0].path.size(), 1u);
      EXPECT_FALSE(s.interior);
    }
    if (s.name == "e") {
      ASSERT_EQ(s.origins.size(), 1u);
      EXPECT_TRUE(s.origins[0].path.empty());
      EXPECT_TRUE(s.interior);
    }
  }
  EXPECT_EQ(count<ir::Store>(f), 1u);  // r += "y" goes through the reference
}

TEST(SemaLowering, PointerOriginsAndExplicitDestroy) {
  Lowered l = lower_text("def main():\n    var x = 1\n    var p = UnsafePointer(to=x)\n    var q = p\n"
                         "    print(q[])\n    var h = alloc[String](1)\n    h.init_pointee_move(\"a\")\n"
                         "    h.destroy_pointee()\n    h.free()\n");
  const ir::Function& f = must(l, "main");
  for (const ir::Slot& s : f.slots)
    if (s.name == "p" || s.name == "q") EXPECT_EQ(s.origins.size(), 1u) << s.name;
  auto destroys = all<ir::Destroy>(f);
  ASSERT_EQ(destroys.size(), 1u);
  EXPECT_TRUE(destroys[0]->explicit_call);
  EXPECT_EQ(count<ir::Alloc>(f), 1u);
  EXPECT_EQ(count<ir::PtrInit>(f), 1u);
  EXPECT_EQ(count<ir::Free>(f), 1u);
}

TEST(SemaLowering, RefResultCallGivesReferenceSlot) {
  Lowered l = lower_text("def front(ref xs: List[Int]) -> ref[xs] Int:\n    return xs[0]\n"
                         "def main():\n    var nums: List[Int] = [1, 2]\n    ref h = front(nums)\n    h += 1\n");
  const ir::Function& f = must(l, "main");
  auto calls = all<ir::Call>(f);
  ASSERT_EQ(calls.size(), 1u);
  ASSERT_EQ(calls[0]->args.size(), 2u);
  EXPECT_EQ(calls[0]->args[0].mode, ir::ArgMode::MutRef);
  const ir::Slot& out = f.slots[std::get<ir::Place>(calls[0]->args[1].value.value).slot];
  EXPECT_EQ(out.holding, ir::Holding::MutRef);
  EXPECT_TRUE(out.interior);
  EXPECT_EQ(out.origins.size(), 1u);
  const ir::Function& front = must(l, "front");
  EXPECT_TRUE(front.result_is_ref);
  EXPECT_EQ(front.result_origins.size(), 1u);
}

TEST(SemaLowering, TypeTableAndCapabilities) {
  Lowered l = lower_text(
      "@explicit_destroy(\"close it\")\nstruct Tok:\n    var n: Int\n    def close(deinit self):\n        pass\n"
      "struct C(ImplicitlyCopyable):\n    var s: String\n    def __init__(out self, *, copy: Self):\n        self.s = copy.s\n"
      "    def __deinit__(deinit self):\n        pass\n"
      "struct T(TrivialRegisterPassable):\n    var n: Int\n"
      "def main():\n    var xs = List[Tok]()\n    var ys = List[C]()\n    _ = xs^\n    _ = ys^\n");
  ASSERT_TRUE(l.module) << l.dump();
  const ir::Module& m = *l.module;
  EXPECT_EQ(m.types[m.int_type].name, "Int");
  EXPECT_EQ(m.types[m.none_type].kind, ir::TypeKind::NoneType);
  auto find = [&](std::string_view n) -> const ir::TypeInfo* {
    for (const auto& t : m.types)
      if (t.name == n) return &t;
    return nullptr;
  };
  const auto* tok = find("Tok");
  ASSERT_NE(tok, nullptr);
  EXPECT_FALSE(tok->deinitable);
  EXPECT_TRUE(tok->movable);
  EXPECT_FALSE(tok->copyable);
  EXPECT_FALSE(find("List[Tok]")->deinitable);
  const auto* c = find("C");
  EXPECT_TRUE(c->implicitly_copyable);
  EXPECT_NE(c->copy_init, ir::none);
  EXPECT_NE(c->deinit, ir::none);
  EXPECT_FALSE(c->trivial);
  EXPECT_TRUE(find("List[C]")->copyable);
  EXPECT_FALSE(find("List[C]")->implicitly_copyable);
  EXPECT_TRUE(find("T")->trivial);
  EXPECT_EQ(find("List[Int]"), nullptr);  // instantiated on demand only
}

TEST(SemaLowering, InstructionLimit) {
  ParseResult parsed = parse(SourceFile("t.mojo", "def main():\n    print(1)\n    print(2)\n    print(3)\n"));
  ASSERT_TRUE(parsed.module);
  RuleSet rules;
  DiagnosticSink sink(rules);
  sema::LowerLimits limits;
  limits.max_instructions = 2;
  EXPECT_FALSE(sema::lower(*parsed.module, sink, limits).has_value());
  ASSERT_EQ(sink.diagnostics().size(), 1u);
  EXPECT_EQ(sink.diagnostics()[0].code, "limit");
}

// Structural invariants over every example: terminated blocks, raising calls
// last in their block, valid ids, arity of calls, no destroy but explicit ones.
TEST(SemaLowering, CorpusInvariants) {
  namespace fs = std::filesystem;
  std::size_t checked = 0;
  for (const auto& e : fs::recursive_directory_iterator(fs::path(OWNMODEL_EXAMPLES_DIR))) {
    if (!e.is_regular_file() || e.path().extension() != ".mojo") continue;
    std::ifstream in(e.path());
    std::stringstream ss;
    ss << in.rdbuf();
    Lowered l = lower_text(ss.str());
    if (!l.module) continue;
    SCOPED_TRACE(e.path().filename().string());
    ++checked;
    const ir::Module& m = *l.module;
    for (const ir::Function& f : m.functions) {
      SCOPED_TRACE(f.name);
      ASSERT_FALSE(f.blocks.empty());
      for (const ir::Slot& s : f.slots) ASSERT_LT(s.type, m.types.size());
      for (const ir::BasicBlock& b : f.blocks) {
        EXPECT_FALSE(std::holds_alternative<ir::Unreachable>(b.term.node)) << b.label;
        for (std::size_t i = 0; i < b.instrs.size(); ++i) {
          const ir::Instr& in = b.instrs[i];
          EXPECT_TRUE(in.span.known());
          if (const auto* d = std::get_if<ir::Destroy>(&in.node)) EXPECT_TRUE(d->explicit_call);
          if (const auto* c = std::get_if<ir::Call>(&in.node)) {
            ASSERT_LT(c->callee, m.functions.size());
            const ir::Function& callee = m.functions[c->callee];
            const std::size_t want = callee.params.size() + (callee.result != ir::none ? 1 : 0);
            EXPECT_EQ(c->args.size(), want) << callee.name;
            EXPECT_EQ(c->unwind != ir::none, callee.raises);
            if (c->unwind != ir::none) {
              EXPECT_EQ(i + 1, b.instrs.size());
              EXPECT_LT(c->unwind, f.blocks.size());
            }
            for (const ir::CallArg& a : c->args)
              if (const auto* p = std::get_if<ir::Place>(&a.value.value)) {
                EXPECT_LT(p->slot, f.slots.size());
              }
          }
        }
      }
    }
  }
  EXPECT_GE(checked, 60u);
}

}  // namespace
}  // namespace ownmodel::sema_test
