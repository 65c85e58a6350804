// The local rules of the lowering (docs/semantics.md §3): for each rule two
// rejected snippets (rule id and line:col) and two near-identical accepted ones.

#include <gtest/gtest.h>

#include "tests/model/sema_helpers.h"

namespace ownmodel::sema_test {
namespace {

void expect_rule(std::string_view text, std::string_view rule, std::uint32_t line,
                 std::uint32_t col, const RuleSet& rules = RuleSet()) {
  Lowered l = lower_text(text, rules);
  ASSERT_TRUE(l.parsed) << l.dump();
  EXPECT_TRUE(l.has(rule, line, col)) << "want " << rule << " at " << line << ":" << col
                                      << ", got:\n"
                                      << l.dump();
}

void expect_clean(std::string_view text, std::string_view rule, const RuleSet& rules = RuleSet()) {
  Lowered l = lower_text(text, rules);
  ASSERT_TRUE(l.parsed) << l.dump();
  EXPECT_TRUE(l.module.has_value()) << l.dump();
  EXPECT_TRUE(l.with_code(rule).empty()) << l.dump();
  EXPECT_EQ(l.errors(), 0u) << l.dump();
}

const char* kBox = R"(struct Box(Movable):
    var s: String
    def __init__(out self, s: String):
        self.s = s
)";

std::string with_box(std::string_view rest) { return std::string(kBox) + std::string(rest); }

/* --- S4a ------------------------------------------------------------------- */

TEST(SemaS4a, TransferOutOfImmutableSelf) {
  expect_rule(with_box("    def take(self) -> String:\n        return self.s^\n"), "S4a", 6, 16);
}
TEST(SemaS4a, TransferOutOfDefaultArgument) {
  expect_rule("def f(s: String):\n    var t = s^\n    print(t)\n", "S4a", 2, 13);
}
TEST(SemaS4a, TransferOutOfVarArgumentIsFine) {
  expect_clean("def f(var s: String):\n    var t = s^\n    print(t)\n", "S4a");
}
TEST(SemaS4a, TransferOutOfDeinitSelfIsFine) {
  expect_clean(with_box("    def take(deinit self) -> String:\n        return self.s^\n"), "S4a");
}

/* --- S4b ------------------------------------------------------------------- */

const char* kPinned = R"(struct Pinned(Movable where False):
    var n: Int
    def __init__(out self, n: Int):
        self.n = n
def consume(var p: Pinned):
    print(p.n)
)";

std::string with_pinned(std::string_view rest) { return std::string(kPinned) + std::string(rest); }

TEST(SemaS4b, TransferIntoNewVariable) {
  expect_rule(with_pinned("def main():\n    var p = Pinned(1)\n    var q = p^\n    consume(q^)\n"),
              "S4b", 9, 13);
}
TEST(SemaS4b, TransferIntoAssignment) {
  expect_rule(with_pinned("def main():\n    var p = Pinned(1)\n    var q = Pinned(2)\n    consume(q^)\n    q = p^\n    consume(q^)\n"),
              "S4b", 11, 9);
}
TEST(SemaS4b, TransferInPlaceIsFine) {
  expect_clean(with_pinned("def main():\n    var p = Pinned(1)\n    consume(p^)\n"), "S4b");
}
TEST(SemaS4b, MovableByDefaultIsFine) {
  expect_clean("struct P:\n    var n: Int\n    def __init__(out self, n: Int):\n        self.n = n\n"
               "def main():\n    var p = P(1)\n    var q = p^\n    print(q.n)\n",
               "S4b");
}
TEST(SemaS4b, NotMovableUnderBetaPreset) {
  expect_rule("struct P:\n    var n: Int\n    def __init__(out self, n: Int):\n        self.n = n\n"
              "def main():\n    var p = P(1)\n    var q = p^\n    print(q.n)\n",
              "S4b", 7, 13, *RuleSet::preset("mojo-1.0-beta"));
}

/* --- S4c ------------------------------------------------------------------- */

TEST(SemaS4c, TransferOfListElement) {
  expect_rule("def main():\n    var xs: List[String] = [\"a\"]\n    var s = xs[0]^\n    print(s)\n",
              "S4c", 3, 13);
}
TEST(SemaS4c, TransferOfRefBinding) {
  expect_rule("def main():\n    var s = \"a\"\n    ref r = s\n    var t = r^\n    print(t)\n", "S4c",
              4, 13);
}
TEST(SemaS4c, CopyOfListElementIsFine) {
  expect_clean("def main():\n    var xs: List[String] = [\"a\"]\n    var s = xs[0]\n    print(s)\n",
               "S4c");
}
TEST(SemaS4c, TransferOfVariableIsFine) {
  expect_clean("def main():\n    var s = \"a\"\n    ref r = s\n    print(r)\n    var t = s^\n    print(t)\n",
               "S4c");
}

/* --- S5a ------------------------------------------------------------------- */

TEST(SemaS5a, ImplicitCopyOfList) {
  const char* text = "def main():\n    var first: List[Int] = [1, 2, 3]\n    var second = first\n    print(len(first), len(second))\n";
  expect_rule(text, "S5a", 3, 18);
  Lowered l = lower_text(text);
  auto d = l.with_code("S5a");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0]->message,
            "value of type 'List[Int]' cannot be implicitly copied, it does not conform to "
            "'ImplicitlyCopyable'");
  ASSERT_EQ(d[0]->notes.size(), 2u);
  EXPECT_EQ(d[0]->notes[0].message, "consider transferring the value with '^'");
  EXPECT_EQ(d[0]->notes[1].message, "you can copy it explicitly with '.copy()'");
}
TEST(SemaS5a, ImplicitCopyIntoVarArgument) {
  expect_rule("def take(var l: List[Int]):\n    print(len(l))\ndef main():\n    var l: List[Int] = [1]\n    take(l)\n",
              "S5a", 5, 10);
}
TEST(SemaS5a, TransferIsFine) {
  expect_clean("def main():\n    var first: List[Int] = [1, 2, 3]\n    var second = first^\n    print(len(second))\n",
               "S5a");
}
TEST(SemaS5a, ExplicitCopyIsFine) {
  expect_clean("def main():\n    var first: List[Int] = [1, 2, 3]\n    var second = first.copy()\n    print(len(first), len(second))\n",
               "S5a");
}
TEST(SemaS5a, CopyableCountsUnder245) {
  expect_clean("def main():\n    var first: List[Int] = [1, 2, 3]\n    var second = first\n    print(len(first), len(second))\n",
               "S5a", *RuleSet::preset("mojo-24.5"));
}

/* --- S5b ------------------------------------------------------------------- */

const char* kPair = "struct Pair{}:\n    var a: Int\n    def __init__(out self, a: Int):\n        self.a = a\n";

std::string pair(bool copyable, std::string_view rest) {
  return fmt::format(fmt::runtime(kPair), copyable ? "(Copyable)" : "") + std::string(rest);
}

TEST(SemaS5b, CopyMethodOfNonCopyable) {
  expect_rule(pair(false, "def main():\n    var p = Pair(1)\n    var q = p.copy()\n    print(q.a)\n"),
              "S5b", 7, 13);
}
TEST(SemaS5b, CopyInitializerOfNonCopyable) {
  expect_rule(pair(false, "def main():\n    var p = Pair(1)\n    var q = Pair(copy=p)\n    print(q.a)\n"),
              "S5b", 7, 13);
}
TEST(SemaS5b, CopyMethodOfCopyableIsFine) {
  expect_clean(pair(true, "def main():\n    var p = Pair(1)\n    var q = p.copy()\n    print(q.a)\n"),
               "S5b");
}
TEST(SemaS5b, CopyInitializerOfCopyableIsFine) {
  expect_clean(pair(true, "def main():\n    var p = Pair(1)\n    var q = Pair(copy=p)\n    print(q.a)\n"),
               "S5b");
}

/* --- S6a ------------------------------------------------------------------- */

const char* kCounter = "struct Counter:\n    var value: Int\n    def __init__(out self, v: Int):\n        self.value = v\n";

TEST(SemaS6a, InPlaceOperatorOnImmutableSelf) {
  const std::string text = std::string(kCounter) + "    def inc(self):\n        self.value += 1\n";
  expect_rule(text, "S6a", 6, 9);
  Lowered l = lower_text(text);
  ASSERT_EQ(l.with_code("S6a").size(), 1u);
  EXPECT_EQ(l.with_code("S6a")[0]->message,
            "expression must be mutable for in-place operator destination");
}
TEST(SemaS6a, AssignmentToImmutableArgument) {
  const char* text = "def f(x: Int):\n    x = 1\n    print(x)\n";
  expect_rule(text, "S6a", 2, 5);
  EXPECT_EQ(lower_text(text).with_code("S6a")[0]->message, "expression must be mutable in assignment");
}
TEST(SemaS6a, InPlaceOperatorOnMutSelfIsFine) {
  expect_clean(std::string(kCounter) + "    def inc(mut self):\n        self.value += 1\n", "S6a");
}
TEST(SemaS6a, AssignmentToVarArgumentIsFine) {
  expect_clean("def f(var x: Int):\n    x = 1\n    print(x)\n", "S6a");
}
TEST(SemaS6a, AssignmentToForVariable) {
  expect_rule("def main():\n    for i in range(3):\n        i = 2\n", "S6a", 3, 9);
}

/* --- S6b ------------------------------------------------------------------- */

const char* kAdd = "def add(mut x: Int, y: Int):\n    x += y\n";

TEST(SemaS6b, ImmutableArgumentPassedAsMut) {
  const std::string text = std::string(kAdd) + "def f(a: Int):\n    add(a, 2)\n";
  expect_rule(text, "S6b", 4, 9);
  EXPECT_EQ(lower_text(text).with_code("S6b")[0]->message,
            "value passed to mutable argument 'x' must be mutable");
}
TEST(SemaS6b, RvaluePassedAsMut) {
  expect_rule(std::string(kAdd) + "def f():\n    add(5, 2)\n", "S6b", 4, 9);
}
TEST(SemaS6b, MutableLocalIsFine) {
  expect_clean(std::string(kAdd) + "def f():\n    var a = 1\n    add(a, 2)\n", "S6b");
}
TEST(SemaS6b, MutArgumentForwardedIsFine) {
  expect_clean(std::string(kAdd) + "def f(mut a: Int):\n    add(a, 2)\n", "S6b");
}

/* --- S6c ------------------------------------------------------------------- */

TEST(SemaS6c, AppendOnImmutableList) {
  const char* text = "def mutate_copy(l: List[Int]):\n    l.append(5)\n";
  expect_rule(text, "S6c", 2, 5);
  EXPECT_EQ(lower_text(text).with_code("S6c")[0]->message,
            "invalid use of mutating method on rvalue of type 'List[Int]'");
}
TEST(SemaS6c, MutMethodOnImmutableArgument) {
  expect_rule(std::string(kCounter) + "    def inc(mut self):\n        self.value += 1\n"
                                      "def f(c: Counter):\n    c.inc()\n",
              "S6c", 8, 5);
}
TEST(SemaS6c, AppendOnMutListIsFine) {
  expect_clean("def mutate(mut l: List[Int]):\n    l.append(5)\n", "S6c");
}
TEST(SemaS6c, MutMethodOnLocalIsFine) {
  expect_clean(std::string(kCounter) + "    def inc(mut self):\n        self.value += 1\n"
                                       "def f():\n    var c = Counter(0)\n    c.inc()\n    print(c.value)\n",
               "S6c");
}
TEST(SemaS6c, MutMethodOnRvalue) {
  expect_rule(std::string(kCounter) + "    def inc(mut self):\n        self.value += 1\n"
                                      "def f():\n    Counter(0).inc()\n",
              "S6c", 8, 5);
}

/* --- S9 -------------------------------------------------------------------- */

TEST(SemaS9, MutThenReadOfOneString) {
  const char* text = "def append_twice(mut s: String, other: String):\n    s += other\n"
                     "def main():\n    var my_string = \"o\"\n    append_twice(my_string, my_string)\n";
  expect_rule(text, "S9", 5, 5);
  Lowered l = lower_text(text);
  auto d = l.with_code("S9");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0]->message,
            "argument of 'append_twice' call allows reading a memory location previously "
            "writable through another aliased argument");
  ASSERT_EQ(d[0]->notes.size(), 1u);
  EXPECT_EQ(d[0]->notes[0].message, "'my_string' value is passed through aliasing 'mut' argument");
  EXPECT_EQ(d[0]->notes[0].span.col, 18u);
}
TEST(SemaS9, ReadThenMutOfOneString) {
  const char* text = "def g(other: String, mut s: String):\n    s += other\n"
                     "def main():\n    var w = \"o\"\n    g(w, w)\n";
  expect_rule(text, "S9", 5, 5);
  EXPECT_EQ(lower_text(text).with_code("S9")[0]->message,
            "argument of 'g' call allows writing a memory location previously readable through "
            "another aliased argument");
}
TEST(SemaS9, WholeAndFieldOverlap) {
  expect_rule("@fieldwise_init\nstruct Pair:\n    var a: String\n    var b: String\n"
              "def both(mut p: Pair, mut s: String):\n    s += p.a\n"
              "def main():\n    var p = Pair(\"x\", \"y\")\n    both(p, p.a)\n",
              "S9", 9, 5);
}
TEST(SemaS9, DisjointFieldsAreFine) {
  expect_clean("@fieldwise_init\nstruct Pair:\n    var a: String\n    var b: String\n"
               "def both(mut a: String, mut b: String):\n    a += b\n"
               "def main():\n    var p = Pair(\"x\", \"y\")\n    both(p.a, p.b)\n",
               "S9");
}
TEST(SemaS9, TrivialValueByCopyIsFine) {
  expect_clean("def add_into(mut total: Int, amount: Int):\n    total += amount\n"
               "def main():\n    var n = 4\n    add_into(n, n)\n    print(n)\n",
               "S9");
}
TEST(SemaS9, TwoReadsAreFine) {
  expect_clean("def both(a: String, b: String):\n    print(a, b)\n"
               "def main():\n    var s = \"x\"\n    both(s, s)\n",
               "S9");
}
TEST(SemaS9, PointerOriginsConflict) {
  expect_rule("def two(p1: UnsafePointer[Int], p2: UnsafePointer[Int]):\n    p1[] += p2[]\n"
              "def main():\n    var x = 1\n    var a = UnsafePointer(to=x)\n    var b = UnsafePointer(to=x)\n    two(a, b)\n",
              "S9", 7, 5);
}

/* --- S10a–c ---------------------------------------------------------------- */

TEST(SemaS10a, RefResultWithWildcardOrigin) {
  expect_rule(with_box("    def first(ref self) -> ref[_] String:\n        return self.s\n"), "S10a", 5, 35);
}
TEST(SemaS10a, RefResultNamingNoParameter) {
  expect_rule(with_box("    def first(ref self) -> ref[q] String:\n        return self.s\n"), "S10a", 5, 35);
}
TEST(SemaS10a, RefResultWithOriginIsFine) {
  expect_clean(with_box("    def first(ref self) -> ref[self] String:\n        return self.s\n"), "S10a");
}
TEST(SemaS10a, RefResultWithFieldOriginIsFine) {
  expect_clean(with_box("    def first(ref self) -> ref[self.s] String:\n        return self.s\n"), "S10a");
}

const char* kPick = "def pick(ref a: String, ref b: String, c: Bool) -> ref[a, b] String:\n";

TEST(SemaS10b, ReturnOfLocal) {
  const std::string text = std::string(kPick) + "    var s = a\n    return s\n";
  expect_rule(text, "S10b", 3, 12);
  EXPECT_EQ(lower_text(text).with_code("S10b")[0]->message,
            "cannot return reference with incompatible origin: 'origin_of(s)' vs 'origin_of(a, b)'");
}
TEST(SemaS10b, ReturnOfUnnamedParameter) {
  expect_rule("def pick(ref a: String, ref b: String) -> ref[a] String:\n    return b\n", "S10b", 2, 12);
}
TEST(SemaS10b, ReturnOfEitherParameterIsFine) {
  expect_clean(std::string(kPick) + "    if c:\n        return a\n    return b\n", "S10b");
}
TEST(SemaS10b, ReturnThroughRefBindingIsFine) {
  expect_clean("def front(ref xs: List[Int]) -> ref[xs] Int:\n    return xs[0]\n", "S10b");
}

TEST(SemaS10c, RefToLiteral) {
  const char* text = "def main():\n    ref r = 5\n    print(r)\n";
  expect_rule(text, "S10c", 2, 13);
  EXPECT_EQ(lower_text(text).with_code("S10c")[0]->message,
            "value of type 'Int' doesn't have a memory origin in 'ref' binding");
}
TEST(SemaS10c, RefToCallResult) {
  expect_rule("def f() -> String:\n    return \"x\"\ndef main():\n    ref r = f()\n    print(r)\n",
              "S10c", 4, 13);
}
TEST(SemaS10c, RefToVariableIsFine) {
  expect_clean("def main():\n    var x = 5\n    ref r = x\n    print(r)\n", "S10c");
}
TEST(SemaS10c, RefToElementIsFine) {
  expect_clean("def main():\n    var xs: List[Int] = [5]\n    ref r = xs[0]\n    print(r)\n", "S10c");
}

/* --- S12a–g ---------------------------------------------------------------- */

TEST(SemaS12a, MutWithDefault) {
  expect_rule("def wrong(mut x: Int = 0):\n    pass\n", "S12a", 1, 11);
  expect_rule("def ok(a: Int, mut x: Int = 0):\n    pass\n", "S12a", 1, 16);
}
TEST(SemaS12a, DefaultOnOtherConventionsIsFine) {
  expect_clean("def f(mut x: Int):\n    pass\n", "S12a");
  expect_clean("def f(x: Int = 0):\n    print(x)\ndef main():\n    f()\n", "S12a");
}
TEST(SemaS12b, OutWithResult) {
  expect_rule("def wrong(out result: Int) -> Int:\n    result = 0\n", "S12b", 1, 11);
  expect_rule("def wrong(a: Int, out result: Int) -> String:\n    result = a\n", "S12b", 1, 19);
}
TEST(SemaS12b, OutOrResultAloneIsFine) {
  expect_clean("def make(out result: Int):\n    result = 0\n", "S12b");
  expect_clean("def make() -> Int:\n    return 0\n", "S12b");
}
TEST(SemaS12c, InitWithoutOutSelf) {
  expect_rule("struct P:\n    var n: Int\n    def __init__(self):\n        pass\n", "S12c", 3, 18);
  expect_rule("struct P:\n    var n: Int\n    def __init__(mut self, n: Int):\n        self.n = n\n", "S12c", 3, 18);
}
TEST(SemaS12c, InitWithOutSelfIsFine) {
  expect_clean("struct P:\n    var n: Int\n    def __init__(out self):\n        self.n = 0\n", "S12c");
  expect_clean("struct P:\n    var n: Int\n    def __init__(out self, n: Int):\n        self.n = n\n", "S12c");
}
TEST(SemaS12d, OutReturnedByName) {
  expect_rule("def make(out result: Int):\n    result = 1\n    return result\n", "S12d", 3, 5);
  expect_rule("def make(c: Bool, out r: Int):\n    r = 1\n    if c:\n        return r\n", "S12d", 4, 9);
}
TEST(SemaS12d, BareReturnIsFine) {
  expect_clean("def make(out result: Int):\n    result = 1\n    return\n", "S12d");
  expect_clean("def make(c: Bool, out r: Int):\n    r = 1\n    if c:\n        return\n", "S12d");
}
TEST(SemaS12e, CopyableWithMoveOnlyField) {
  expect_rule("struct MoveOnly:\n    var n: Int\nstruct Unsound(Copyable):\n    var item: MoveOnly\n", "S12e", 4, 5);
  expect_rule("struct Holder(Copyable):\n    var n: Int\n    var xs: List[OwnedPointer[List[Int]]]\n    var p: OwnedPointer[Holder2]\n"
              "struct Holder2:\n    var n: Int\n",
              "S12e", 4, 5);
}
TEST(SemaS12e, CopyableFieldsOrUserCopyIsFine) {
  expect_clean("struct P(Copyable):\n    var s: String\n", "S12e");
  expect_clean("@fieldwise_init\nstruct MoveOnly:\n    var n: Int\nstruct Ok(Copyable):\n    var item: MoveOnly\n"
               "    def __init__(out self, *, copy: Self):\n        self.item = MoveOnly(copy.item.n)\n"
               "    def __init__(out self, n: Int):\n        self.item = MoveOnly(n)\n"
               "    def __init__(out self, *, deinit move: Self):\n        self.item = move.item^\n",
               "S12e");
}
TEST(SemaS12f, FieldwiseWithPinnedField) {
  expect_rule("struct Alpha(Movable where False):\n    var a: Int\n@fieldwise_init\nstruct Color:\n    var alpha: Alpha\n", "S12f", 5, 5);
  expect_rule("struct Alpha:\n    var a: Int\n@fieldwise_init\nstruct Color:\n    var alpha: Alpha\n", "S12f", 5, 5,
              *RuleSet::preset("mojo-1.0-beta"));
}
TEST(SemaS12f, FieldwiseWithMovableFieldIsFine) {
  expect_clean("struct Alpha:\n    var a: Int\n@fieldwise_init\nstruct Color:\n    var alpha: Alpha\n", "S12f");
  expect_clean("struct Alpha(Copyable):\n    var a: Int\n@fieldwise_init\nstruct Color:\n    var alpha: Alpha\n", "S12f",
               *RuleSet::preset("mojo-1.0-beta"));
}
TEST(SemaS12g, RaisingDestructorAndBadDeinit) {
  expect_rule("struct P:\n    var n: Int\n    def __deinit__(deinit self) raises:\n        pass\n", "S12g", 3, 5);
  expect_rule("def f(deinit x: Int):\n    pass\n", "S12g", 1, 7);
  expect_rule("def f(out a: Int, out b: Int):\n    a = 1\n    b = 2\n", "S12g", 1, 19);
}
TEST(SemaS12g, WellFormedLifecycleIsFine) {
  expect_clean("struct P:\n    var n: Int\n    def __deinit__(deinit self):\n        pass\n", "S12g");
  expect_clean("struct P:\n    var n: Int\n    def close(deinit self) raises:\n        pass\n", "S12g");
}

/* --- W2, W3 ---------------------------------------------------------------- */

TEST(SemaW2, TransferOfTrivialValue) {
  const char* text = "def main():\n    var i = 1\n    var j = i^\n    print(i, j)\n";
  expect_rule(text, "W2", 3, 13);
  Lowered l = lower_text(text);
  EXPECT_EQ(l.errors(), 0u);
  EXPECT_EQ(l.with_code("W2")[0]->message,
            "transfer from a value of trivial register type 'Int' has no effect and can be removed");
}
TEST(SemaW2, TransferOfRvalue) {
  expect_rule("def main():\n    var s = String(1)^\n    print(s)\n", "W2", 2, 13);
}
TEST(SemaW2, TransferOfStringIsSilent) {
  expect_clean("def main():\n    var a = \"x\"\n    var b = a^\n    print(b)\n", "W2");
  expect_clean("def main():\n    var a = \"x\"\n    var b = a\n    print(a, b)\n", "W2");
}
TEST(SemaW3, ImplicitDeclaration) {
  const char* text = "def main():\n    x = 0\n    print(x)\n";
  expect_rule(text, "W3", 2, 5);
  EXPECT_EQ(lower_text(text).errors(), 0u);
  expect_rule("def main():\n    var a = 1\n    if a == 1:\n        y = \"s\"\n        print(y)\n", "W3", 4, 9);
}
TEST(SemaW3, DeclaredOrReassignedIsSilent) {
  expect_clean("def main():\n    var x = 0\n    print(x)\n", "W3");
  expect_clean("def main():\n    var x = 0\n    x = 1\n    print(x)\n", "W3");
  expect_clean("def main():\n    x = 0\n    print(x)\n", "W3", *RuleSet::preset("mojo-1.0-beta"));
}

/* --- S0 and unsupported -------------------------------------------------------- */

TEST(SemaS0, WellFormedness) {
  expect_rule("def main():\n    var x = 1\n    print(y)\n", "S0", 3, 11);
  expect_rule("def main():\n    var x = 1\n    var x = 2\n    print(x)\n", "S0", 3, 5);
  expect_rule("def f() raises:\n    pass\ndef main():\n    f()\n", "S0", 4, 5);
  expect_rule("def main():\n    break\n", "S0", 2, 5);
  expect_rule("def f(a: Int):\n    pass\ndef main():\n    f(1, 2)\n", "S0", 4, 5);
  expect_rule("def f(a: Int):\n    pass\ndef main():\n    f(b=1)\n", "S0", 4, 5);
  expect_rule("def f(a: Int):\n    pass\ndef main():\n    f(\"s\")\n", "S0", 4, 7);
  expect_rule("def f() -> Int:\n    return \"s\"\n", "S0", 2, 12);
  expect_rule("def main():\n    var s = 1\n    s.frobnicate()\n", "S0", 3, 5);
  expect_rule("def main():\n    ref r = 1\n    var x = 1\n    ref r = x\n", "S0", 4, 5);
  expect_rule("def main():\n    print(_)\n", "S0", 2, 11);
  expect_rule("def f() -> Int:\n    print(1)\n", "S0", 1, 1);
}
TEST(SemaS0, WellFormedProgramsAreClean) {
  expect_clean("def f() raises:\n    pass\ndef main():\n    try:\n        f()\n    except:\n        pass\n", "S0");
  expect_clean("def f() raises:\n    pass\ndef g() raises:\n    f()\n", "S0");
  expect_clean("def main():\n    var x = 1\n    if x == 1:\n        var x = 2\n        print(x)\n    print(x)\n", "S0");
  expect_clean("def f(a: Int, b: Int = 2):\n    print(a, b)\ndef main():\n    f(1)\n    f(b=3, a=1)\n", "S0");
}
TEST(SemaS0, ErrorsGiveNoModule) {
  Lowered l = lower_text("def main():\n    print(y)\n");
  EXPECT_FALSE(l.module.has_value());
  Lowered u = lower_text("def main():\n    var x: Float64\n");
  EXPECT_FALSE(u.module.has_value());
  EXPECT_EQ(u.with_code("unsupported").size(), 1u) << u.dump();
}

}  // namespace
}  // namespace ownmodel::sema_test
