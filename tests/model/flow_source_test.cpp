// The flow rules and elaboration from Mojo source: parse → sema::lower →
// check_flow → elaborate (docs/semantics.md §3, §5). The rule examples of §3
// and the worked examples of §5.1, with exact diagnostics and destroy points.

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "flow_builder.h"
#include "model/diagnostics/source.h"
#include "model/sema/lower.h"
#include "model/syntax/parser.h"

namespace ownmodel::flowtest {
namespace {

struct Checked {
  std::optional<Module> module;
  std::string diagnostics;  ///< lowering and flow diagnostics, one per line
  bool elaborated = false;
};

Checked check_text(const std::string& text, const RuleSet& rules = RuleSet()) {
  Checked out;
  ParseResult parsed = parse(SourceFile("test.mojo", text));
  if (!parsed.module) {
    out.diagnostics = "PARSE\n" + describe(parsed.diagnostics);
    return out;
  }
  DiagnosticSink sink(rules);
  out.module = sema::lower(*parsed.module, sink);
  if (out.module) flow::check_flow(*out.module, sink);
  out.diagnostics = describe(sink.diagnostics());
  return out;
}

/// The trace of function `name`.
std::string traced(const Checked& c, const std::string& name) {
  for (const Function& f : c.module->functions)
    if (f.name == name) return trace(*c.module, f);
  return "NO FUNCTION " + name;
}

/// Elaborates the module (once) and gives the trace of function `name`.
std::string elaborated(Checked& c, const std::string& name, const RuleSet& rules = RuleSet()) {
  if (!c.module) return "NOT LOWERED\n" + c.diagnostics;
  if (!c.elaborated) flow::elaborate(*c.module, rules);
  c.elaborated = true;
  return traced(c, name);
}

/* --- The rule examples of docs/semantics.md §3 ------------------------------------ */

struct RuleCase {
  const char* name;
  const char* source;
  const char* expected;
};

const RuleCase kRuleCases[] = {
    {"S1_rejected",
     "def take_text(var s: String):\n"
     "    pass\n"
     "\n"
     "def main():\n"
     "    var message = \"Hello\"\n"
     "    take_text(message^)\n"
     "    print(message)\n",
     "S1@7 use of uninitialized value 'message' [note@6 value transferred here]\n"},
    {"S1_accepted",
     "def main(c: Bool):\n"
     "    var x: String\n"
     "    if c:\n"
     "        x = \"a\"\n"
     "    else:\n"
     "        x = \"b\"\n"
     "    print(x)\n",
     ""},
    {"S2_rejected",
     "struct Person:\n"
     "    var age: Int\n"
     "    var height: Int\n"
     "\n"
     "def show(p: Person):\n"
     "    print(p.age)\n"
     "\n"
     "def main():\n"
     "    var me: Person\n"
     "    me.age = 25\n"
     "    me.height = 6\n"
     "    show(me)\n",
     "S2@12 'me' used with all fields manually initialized but without calling an '__init__' method\n"},
    {"S2_accepted",
     "struct Person:\n"
     "    var age: Int\n"
     "    var height: Int\n"
     "\n"
     "def main():\n"
     "    var me: Person\n"
     "    me.age = 25\n"
     "    print(me.age)\n",
     ""},
    {"S3a_rejected",
     "struct P:\n"
     "    var name: String\n"
     "    var age: Int\n"
     "    def __init__(out self, name: String, age: Int):\n"
     "        self.name = name\n",
     "S3a@4 'self.age' is uninitialized at the implicit return from this function\n"},
    {"S3a_accepted",
     "struct P:\n"
     "    var name: String\n"
     "    var age: Int\n"
     "    def __init__(out self, name: String, age: Int):\n"
     "        self.name = name\n"
     "        self.age = age\n",
     ""},
    {"S3b_rejected",
     "struct Greeter:\n"
     "    var name: String\n"
     "    def __init__(out self, name: String):\n"
     "        self.greet()\n"
     "        self.name = name\n"
     "    def greet(self):\n"
     "        print(\"hi\", self.name)\n",
     "S3b@4 use of uninitialized value 'self.name'\n"},
    {"S3b_accepted",
     "struct Greeter:\n"
     "    var name: String\n"
     "    def __init__(out self, name: String):\n"
     "        self.name = name\n"
     "        self.greet()\n"
     "    def greet(self):\n"
     "        print(\"hi\", self.name)\n",
     ""},
    {"S4d_rejected",
     "@fieldwise_init\n"
     "struct Pt:\n"
     "    var x: Int\n"
     "    var y: Int\n"
     "\n"
     "def take(var p: Pt):\n"
     "    pass\n"
     "\n"
     "def main():\n"
     "    var l = Pt(1, 2)\n"
     "    take(l^)\n"
     "    l.x = 5\n",
     "S4d@11 value 'l' cannot be consumed, because 'l.x' is used later\n"},
    {"S4d_accepted",
     "@fieldwise_init\n"
     "struct Pt:\n"
     "    var x: Int\n"
     "    var y: Int\n"
     "\n"
     "def take(var p: Pt):\n"
     "    pass\n"
     "\n"
     "def main():\n"
     "    var l = Pt(1, 2)\n"
     "    take(l^)\n"
     "    l = Pt(3, 4)\n"
     "    l.x = 5\n"
     "    print(l.x)\n",
     ""},
    {"S7a_rejected",
     "struct Named:\n"
     "    var name: String\n"
     "    def __init__(out self):\n"
     "        self.name = \"a\"\n"
     "    def move_field(mut self, var new_name: String):\n"
     "        var name = self.name^\n"
     "        print(\"Name:\", name)\n",
     "S7a@5 'self.name' is uninitialized at the implicit return from this function "
     "[note@6 value transferred here]\n"},
    {"S7a_accepted",
     "struct Named:\n"
     "    var name: String\n"
     "    def __init__(out self):\n"
     "        self.name = \"a\"\n"
     "    def move_field(mut self, var new_name: String):\n"
     "        var name = self.name^\n"
     "        print(\"Name:\", name)\n"
     "        self.name = new_name^\n",
     ""},
    {"S7b_rejected",
     "@fieldwise_init\n"
     "struct Pt:\n"
     "    var x: Int\n"
     "    var y: Int\n"
     "\n"
     "def make(c: Bool, out result: Pt):\n"
     "    if c:\n"
     "        return\n"
     "    result = Pt(1, 2)\n",
     "S7b@8 'result' is uninitialized at return from this function\n"},
    {"S7b_accepted",
     "@fieldwise_init\n"
     "struct Pt:\n"
     "    var x: Int\n"
     "    var y: Int\n"
     "\n"
     "def make(out result: Pt):\n"
     "    result = Pt(1, 2)\n",
     ""},
    {"S7c_rejected",
     "@fieldwise_init\n"
     "struct Balloons:\n"
     "    var color: String\n"
     "    var count: Int\n"
     "\n"
     "def consume(var s: String):\n"
     "    pass\n"
     "\n"
     "def consume_and_use():\n"
     "    var balloons = Balloons(\"blue\", 8)\n"
     "    consume(balloons.color^)\n"
     "    print(balloons.count)\n",
     "S7c@12 field 'balloons.color' destroyed out of the middle of a value, preventing the overall "
     "value from being destroyed [note@11 value transferred here]\n"},
    {"S7c_accepted",
     "@fieldwise_init\n"
     "struct Balloons:\n"
     "    var color: String\n"
     "    var count: Int\n"
     "\n"
     "def consume(var s: String):\n"
     "    pass\n"
     "\n"
     "def consume_and_use():\n"
     "    var balloons = Balloons(\"blue\", 8)\n"
     "    consume(balloons.color^)\n"
     "    balloons.color = \"orange\"\n"
     "    print(balloons.count)\n",
     ""},
    {"S8_rejected",
     "@explicit_destroy(\"Must call close()\")\n"
     "struct Tok:\n"
     "    var n: Int\n"
     "    def __init__(out self, n: Int):\n"
     "        self.n = n\n"
     "    def close(deinit self):\n"
     "        pass\n"
     "def main():\n"
     "    var t = Tok(1)\n"
     "    print(t.n)\n",
     "S8@9 't' abandoned without being explicitly destroyed: Must call close()\n"},
    {"S8_accepted",
     "@explicit_destroy(\"Must call close()\")\n"
     "struct Tok:\n"
     "    var n: Int\n"
     "    def __init__(out self, n: Int):\n"
     "        self.n = n\n"
     "    def close(deinit self):\n"
     "        pass\n"
     "def main():\n"
     "    var t = Tok(1)\n"
     "    t^.close()\n",
     ""},
    {"S11_rejected",
     "def main():\n"
     "    var list: List[Int] = [1, 2, 3]\n"
     "    ref elem = list[0]\n"
     "    list.append(4)\n"
     "    print(elem)\n",
     "S11@5 use of invalidated interior reference 'list[\"element\"]' "
     "[note@4 origin was invalidated here]\n"},
    {"S11_accepted",
     "def main():\n"
     "    var items: List[Int] = [99, 77, 33, 12]\n"
     "    ref item_ref = items[1]\n"
     "    item_ref += 1\n"
     "    print(items[1])\n",
     ""},
    {"W1_warned",
     "def main():\n"
     "    var count = 1\n"
     "    print(count)\n"
     "    count = 2\n",
     "W1@4 assignment to 'count' was never used; assign to '_' instead?\n"},
    {"W1_accepted",
     "def main():\n"
     "    var count = 1\n"
     "    print(count)\n"
     "    count = 2\n"
     "    print(count)\n",
     ""},
};

class FlowSourceRules : public ::testing::TestWithParam<RuleCase> {};

TEST_P(FlowSourceRules, ReportsExactlyTheExpectedDiagnostics) {
  EXPECT_EQ(check_text(GetParam().source).diagnostics, GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Flow, FlowSourceRules, ::testing::ValuesIn(kRuleCases),
                         [](const auto& info) { return std::string(info.param.name); });

/* --- The worked examples of docs/semantics.md §5.1 ----------------------------------- */

TEST(FlowSource, WorkedExampleD1Balloon) {
  Checked c = check_text(
      "@fieldwise_init\n"
      "struct Balloon:\n"
      "    var color: String\n"
      "\n"
      "    def __deinit__(deinit self):\n"
      "        print(\"Destroyed a\", self.color, \"balloon\")\n"
      "\n"
      "def main():\n"
      "    var a = Balloon(\"red\")\n"
      "    var b = Balloon(\"blue\")\n"
      "    print(\"a\", a.color, \"balloon\")\n"
      "    a = Balloon(\"green\")\n"
      "    print(\"a\", b.color, \"balloon\")\n");
  EXPECT_EQ(c.diagnostics, "W1@12 assignment to 'a' was never used; assign to '_' instead?\n");
  EXPECT_EQ(elaborated(c, "main"),
            "*entry: L9 L9 L10 L10 L11 destroy a [D1] L12 L12 destroy a [D1] L13 destroy b [D1] "
            "| return\n");
  EXPECT_EQ(traced(c, "Balloon.__deinit__"), "*entry: L6 destroy self.color [D5] | return\n");
}

TEST(FlowSource, WorkedExampleD4FieldLifetimes) {
  Checked c = check_text(
      "@fieldwise_init\n"
      "struct Balloons:\n"
      "    var color: String\n"
      "    var count: Int\n"
      "\n"
      "def main():\n"
      "    var balloons = Balloons(\"red\", 5)\n"
      "    print(balloons.color)\n"
      "    balloons.color = \"blue\"\n"
      "    print(balloons.color)\n");
  EXPECT_EQ(c.diagnostics, "");
  EXPECT_EQ(elaborated(c, "main"),
            "*entry: L7 L7 L8 destroy balloons.color [D5] L9 L10 destroy balloons [D1] | return\n");
}

TEST(FlowSource, AFieldStoreIsAUseOfTheWholeValue) {
  // The old field dies before the store (D5), the struct only after it: a
  // destructor never runs before a store into the value it destroys.
  Checked c = check_text(
      "@fieldwise_init\n"
      "struct Loud(Copyable):\n"
      "    var name: String\n"
      "\n"
      "    def __deinit__(deinit self):\n"
      "        print(\"del\", self.name)\n"
      "\n"
      "def main():\n"
      "    var b = Loud(\"b\")\n"
      "    var c = b.copy()\n"
      "    c.name = \"c\"\n"
      "    print(\"end\")\n");
  EXPECT_EQ(elaborated(c, "main"),
            "*entry: L9 L9 L10:copy(b) destroy b [D1] destroy c.name [D5] L11 destroy c [D1] L12 | return\n");
}

TEST(FlowSource, WorkedExampleD5PartialMove) {
  Checked c = check_text(
      "@fieldwise_init\n"
      "struct Balloons:\n"
      "    var color: String\n"
      "    var count: Int\n"
      "\n"
      "def consume(var arg: String):\n"
      "    pass\n"
      "\n"
      "def use(arg: Balloons):\n"
      "    print(arg.count, arg.color, \"balloons.\")\n"
      "\n"
      "def consume_and_use():\n"
      "    var balloons = Balloons(\"blue\", 8)\n"
      "    consume(balloons.color^)\n"
      "    balloons.color = \"orange\"\n"
      "    use(balloons)\n");
  EXPECT_EQ(c.diagnostics, "");
  EXPECT_EQ(elaborated(c, "consume_and_use"),
            "*entry: L13 L13 L14 L15 L16 destroy balloons [D1] | return\n");
  EXPECT_EQ(elaborated(c, "consume"), "*entry: destroy arg [D1] | return\n");
}

TEST(FlowSource, WorkedExampleD6Discard) {
  Checked c = check_text(
      "def main():\n"
      "    var s = \"abc\"\n"
      "    print(s)\n"
      "    var t = \"xyz\"\n"
      "    print(t)\n"
      "    _ = t\n");
  EXPECT_EQ(c.diagnostics, "");
  EXPECT_EQ(elaborated(c, "main"), "*entry: L2 L3 destroy s [D1] L4 L5 L6 destroy t [D1] | return\n");
}

TEST(FlowSource, WorkedExampleI1OneMove) {
  Checked c = check_text(
      "struct Foo(Movable):\n"
      "    def __init__(out self):\n"
      "        pass\n"
      "    def __init__(out self, *, deinit move: Self):\n"
      "        print(\"moving\")\n"
      "\n"
      "def return_foo(var foo: Foo) -> Foo:\n"
      "    return foo^\n"
      "\n"
      "def main():\n"
      "    var foo = Foo()\n"
      "    var res = return_foo(foo^)\n");
  EXPECT_EQ(c.diagnostics, "W1@12 assignment to 'res' was never used; assign to '_' instead?\n");
  EXPECT_EQ(elaborated(c, "main"), "*entry: L11 L12 destroy res [D1] | return\n");
  EXPECT_EQ(elaborated(c, "return_foo"), "*entry: L8:move(foo) | return\n");
}

/* --- Error edges, loops, references ------------------------------------------------- */

TEST(FlowSource, RaisingCallsAndRaiseDestroyWhatIsAlive) {
  Checked c = check_text(
      "def may_fail(c: Bool) raises:\n"
      "    if c:\n"
      "        raise Error(\"boom\")\n"
      "\n"
      "def work(c: Bool) raises -> String:\n"
      "    var s = \"a\"\n"
      "    var t = \"b\"\n"
      "    may_fail(c)\n"
      "    print(t)\n"
      "    if c:\n"
      "        raise Error(\"again\")\n"
      "    return s\n"
      "\n"
      "def main():\n"
      "    try:\n"
      "        print(work(True))\n"
      "    except e:\n"
      "        print(e)\n");
  EXPECT_EQ(c.diagnostics, "");
  const std::string work = elaborated(c, "work");
  EXPECT_NE(work.find("unwind: destroy s [D2] destroy t [D2] | raise"), std::string::npos) << work;
  EXPECT_NE(work.find("L9 destroy t [D1]"), std::string::npos) << work;
  EXPECT_NE(work.find("then: destroy s [D2] L11 | raise"), std::string::npos) << work;
  EXPECT_NE(work.find("L12:move(s) | return"), std::string::npos) << work;
}

TEST(FlowSource, LoopsBreakAndReferences) {
  Checked c = check_text(
      "def main():\n"
      "    var xs: List[String] = [\"a\", \"b\"]\n"
      "    var s = \"x\"\n"
      "    for x in xs:\n"
      "        print(x, s)\n"
      "    var i = 0\n"
      "    while i < 3:\n"
      "        var t = String(i)\n"
      "        if i == 1:\n"
      "            break\n"
      "        print(t)\n"
      "        i += 1\n"
      "    ref r = s\n"
      "    print(r)\n");
  EXPECT_EQ(c.diagnostics, "");
  const std::string main = elaborated(c, "main");
  // xs dies on the loop's exit edge; t on the break edge and after its last use; s after r's use (D8).
  EXPECT_NE(main.find("for.exit: destroy xs [D2]"), std::string::npos) << main;
  EXPECT_NE(main.find("then: destroy t [D2]"), std::string::npos) << main;
  EXPECT_NE(main.find("L11 destroy t [D1]"), std::string::npos) << main;
  EXPECT_NE(main.find("L13 L14 destroy s [D1]"), std::string::npos) << main;
}

// D3 for `s = f(s)`: the result goes to a temporary, so the old value ends
// between the call that reads it and the store of the new one.
TEST(FlowSource, ReassignmentFromItselfEndsOldValueBeforeTheStore) {
  Checked c = check_text(
      "def f(s: String) -> String:\n"
      "    return s + \"!\"\n"
      "\n"
      "def main():\n"
      "    var s = \"a\"\n"
      "    s = f(s)\n"
      "    print(s)\n");
  EXPECT_EQ(c.diagnostics, "");
  EXPECT_EQ(elaborated(c, "main"), "*entry: L5 L6 destroy s [D1] L6:move($r1) L7 destroy s [D1] | return\n");
}

// Work stays bounded on a large function: 300 variables, 300 branches in a loop.
TEST(FlowSource, LargeFunction) {
  std::string text = "def main(c: Bool):\n";
  constexpr int kVars = 300;
  for (int i = 0; i < kVars; ++i) text += fmt::format("    var v{} = \"{}\"\n", i, i);
  text += "    var n = 0\n    while n < 10:\n";
  for (int i = 0; i < kVars; ++i)
    text += fmt::format("        if c:\n            print(v{})\n        else:\n            v{} = \"x\"\n", i, i);
  text += "        n += 1\n";
  Checked c = check_text(text);
  EXPECT_EQ(c.diagnostics, "");
  const std::string main = elaborated(c, "main");
  EXPECT_NE(main.find("destroy v299 [D2]"), std::string::npos);
}

}  // namespace
}  // namespace ownmodel::flowtest
