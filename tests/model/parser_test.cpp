// The parser, construct by construct: an accept test asserting the tree (as an
// S-expression, tests/model/syntax_dump.h) for each form of docs/grammar.md,
// each normalisation with its warning, and a reject test asserting the code and
// position of the diagnostic for each mistake and each unsupported construct.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parse_helpers.h"

namespace ownmodel {
namespace {

using parse_test::expr;
using parse_test::parse_text;
using parse_test::parsed;
using parse_test::rejects;
using parse_test::stmts;
using parse_test::warnings;
using Strings = std::vector<std::string>;

/* --- Expressions: atoms ------------------------------------------------- */

TEST(ParseExpr, Literals) {
  EXPECT_EQ(expr("42"), "42");
  EXPECT_EQ(expr("0x2A"), "42");
  EXPECT_EQ(expr("1_000"), "1000");
  EXPECT_EQ(expr("True"), "True");
  EXPECT_EQ(expr("False"), "False");
  EXPECT_EQ(expr(R"("a\nb")"), R"("a\nb")");
  EXPECT_EQ(expr("'single'"), R"("single")");
  EXPECT_EQ(expr(R"("\x41\t")"), R"("A\t")");
}

TEST(ParseExpr, ListLiterals) {
  EXPECT_EQ(expr("[1, 2, 3]"), "(list 1 2 3)");
  EXPECT_EQ(expr("[]"), "(list)");
  EXPECT_EQ(expr("[a, [b],]"), "(list a (list b))");
  EXPECT_EQ(expr("[\n  1,\n  2\n]"), "(list 1 2)");
}

TEST(ParseExpr, NamesAndParentheses) {
  EXPECT_EQ(expr("x"), "x");
  EXPECT_EQ(expr("_private1"), "_private1");
  EXPECT_EQ(expr("(x)"), "x");
  EXPECT_EQ(expr("((x))"), "x");
  // Convention words and `None` are ordinary names outside parameter lists.
  EXPECT_EQ(expr("read(out, mut)"), "(call read out mut)");
}

/* --- Expressions: postfix ----------------------------------------------- */

TEST(ParseExpr, FieldIndexCallTransfer) {
  EXPECT_EQ(expr("a.b"), "(. a b)");
  EXPECT_EQ(expr("a.b.c"), "(. (. a b) c)");
  EXPECT_EQ(expr("xs[i]"), "(index xs i)");
  EXPECT_EQ(expr("m[i, j]"), "(index m i j)");
  EXPECT_EQ(expr("p[]"), "(index p)");
  EXPECT_EQ(expr("x^"), "(^ x)");
  EXPECT_EQ(expr("f()"), "(call f)");
  EXPECT_EQ(expr("f(a, b,)"), "(call f a b)");
  EXPECT_EQ(expr("alloc[Int](3)"), "(call (index alloc Int) 3)");
  EXPECT_EQ(expr("List[Int]()"), "(call (index List Int))");
  EXPECT_EQ(expr("(self.data + i).init_pointee_copy(v)"),
            "(call (. (+ (. self data) i) init_pointee_copy) v)");
}

TEST(ParseExpr, KeywordArguments) {
  EXPECT_EQ(expr(R"(print(x, end=""))"), R"((call print x end=""))");
  EXPECT_EQ(expr("UnsafePointer(to=x)"), "(call UnsafePointer to=x)");
  EXPECT_EQ(expr("f(a, b=1, c=d)"), "(call f a b=1 c=d)");
}

TEST(ParseExpr, TransferIsPostfixAndChains) {
  // `x^.f()` calls a method on the transferred value; `(c^).which()` is the same tree.
  EXPECT_EQ(expr("x^.f()"), "(call (. (^ x) f))");
  EXPECT_EQ(expr("(x^).f()"), "(call (. (^ x) f))");
  EXPECT_EQ(expr("a.b^"), "(^ (. a b))");
  EXPECT_EQ(expr("f(x^, y)"), "(call f (^ x) y)");
  EXPECT_EQ(expr("x^ + 1"), "(+ (^ x) 1)");
  EXPECT_EQ(expr("-x^"), "(neg (^ x))");
}

/* --- Expressions: operators and precedence ------------------------------ */

TEST(ParseExpr, UnaryMinusIsNeverFolded) {
  EXPECT_EQ(expr("-5"), "(neg 5)");
  EXPECT_EQ(expr("--x"), "(neg (neg x))");
  EXPECT_EQ(expr("-x.f"), "(neg (. x f))");
  EXPECT_EQ(expr("-a * b"), "(* (neg a) b)");
  EXPECT_EQ(expr("a * -b"), "(* a (neg b))");
  EXPECT_EQ(expr("a - -b"), "(- a (neg b))");
}

TEST(ParseExpr, ArithmeticPrecedenceAndAssociativity) {
  EXPECT_EQ(expr("a + b * c"), "(+ a (* b c))");
  EXPECT_EQ(expr("a * b + c"), "(+ (* a b) c)");
  EXPECT_EQ(expr("a - b - c"), "(- (- a b) c)");
  EXPECT_EQ(expr("a - b + c"), "(+ (- a b) c)");
  EXPECT_EQ(expr("a // b % c * d"), "(* (% (// a b) c) d)");
  EXPECT_EQ(expr("(a + b) * c"), "(* (+ a b) c)");
  EXPECT_EQ(expr("a - (b - c)"), "(- a (- b c))");
}

TEST(ParseExpr, Comparisons) {
  EXPECT_EQ(expr("a == b"), "(== a b)");
  EXPECT_EQ(expr("a != b"), "(!= a b)");
  EXPECT_EQ(expr("a < b"), "(< a b)");
  EXPECT_EQ(expr("a <= b"), "(<= a b)");
  EXPECT_EQ(expr("a > b"), "(> a b)");
  EXPECT_EQ(expr("a >= b"), "(>= a b)");
  EXPECT_EQ(expr("a + 1 < b * 2"), "(< (+ a 1) (* b 2))");
  EXPECT_EQ(expr("(a < b) == c"), "(== (< a b) c)");  // parenthesised: not a chain
}

TEST(ParseExpr, LogicalOperators) {
  EXPECT_EQ(expr("a or b and c"), "(or a (and b c))");
  EXPECT_EQ(expr("a and b or c"), "(or (and a b) c)");
  EXPECT_EQ(expr("a and b and c"), "(and (and a b) c)");
  EXPECT_EQ(expr("a or b or c"), "(or (or a b) c)");
  EXPECT_EQ(expr("a < b and b < c"), "(and (< a b) (< b c))");
}

TEST(ParseExpr, NotBindsLooserThanComparisons) {
  EXPECT_EQ(expr("not a"), "(not a)");
  EXPECT_EQ(expr("not a == b"), "(not (== a b))");
  EXPECT_EQ(expr("not a and b"), "(and (not a) b)");
  EXPECT_EQ(expr("a and not b"), "(and a (not b))");
  EXPECT_EQ(expr("not not a"), "(not (not a))");
  EXPECT_EQ(expr("not -a + b"), "(not (+ (neg a) b))");
}

TEST(ParseExpr, SpansCoverTheText) {
  ParseResult result = parse_text("def main():\n    f(a, b + 1).g\n");
  ASSERT_TRUE(result.module);
  const auto& main = std::get<ast::Function>(result.module->items[0].node);
  const ast::Expr& e = std::get<ast::ExprStmt>(main.body[0].node).expr;
  EXPECT_EQ(e.span.line, 2u);
  EXPECT_EQ(e.span.col, 5u);
  EXPECT_EQ(e.span.end_col, 18u);
  const auto& call = std::get<ast::Call>(std::get<ast::Field>(e.node).base->node);
  const ast::Expr& sum = *call.args[1].value;
  EXPECT_EQ(sum.span.col, 10u);
  EXPECT_EQ(sum.span.end_col, 15u);
  EXPECT_EQ(main.span.line, 1u);
  EXPECT_EQ(main.span.end_line, 2u);
}

/* --- Statements ---------------------------------------------------------- */

TEST(ParseStmt, VariableDeclarations) {
  EXPECT_EQ(stmts("var x: Int"), "{(var x: Int)}");
  EXPECT_EQ(stmts("var x = 1"), "{(var x = 1)}");
  EXPECT_EQ(stmts("var x: Int = 1"), "{(var x: Int = 1)}");
  EXPECT_EQ(stmts("x: Int = 1"), "{(var x: Int = 1)}");
  EXPECT_EQ(stmts("x: List[String]"), "{(var x: List[String])}");
  EXPECT_EQ(stmts("var p: UnsafePointer[Int, MutUntrackedOrigin]"),
            "{(var p: UnsafePointer[Int, MutUntrackedOrigin])}");
}

TEST(ParseStmt, RefBinding) {
  EXPECT_EQ(stmts("ref r = xs[1]"), "{(ref r = (index xs 1))}");
  EXPECT_EQ(stmts("ref name = list.names[2]"), "{(ref name = (index (. list names) 2))}");
}

TEST(ParseStmt, AssignmentToPlaces) {
  EXPECT_EQ(stmts("x = 1"), "{(= x 1)}");
  EXPECT_EQ(stmts("a.b = c^"), "{(= (. a b) (^ c))}");
  EXPECT_EQ(stmts("p[] = 1"), "{(= (index p) 1)}");
  EXPECT_EQ(stmts("xs[i] = 1"), "{(= (index xs i) 1)}");
}

TEST(ParseStmt, AugmentedAssignment) {
  EXPECT_EQ(stmts("x += 1\nx -= 2\nx *= 3\nx //= 4\nx %= 5"),
            "{(+= x 1); (-= x 2); (*= x 3); (//= x 4); (%= x 5)}");
  EXPECT_EQ(stmts("ptr[] += 10"), "{(+= (index ptr) 10)}");
}

TEST(ParseStmt, DiscardAndExpressionStatements) {
  EXPECT_EQ(stmts("_ = t"), "{(_ = t)}");
  EXPECT_EQ(stmts("_ = f(x^)"), "{(_ = (call f (^ x)))}");
  EXPECT_EQ(stmts("print(x)"), "{(expr (call print x))}");
  EXPECT_EQ(stmts("\"a string\""), "{(expr \"a string\")}");  // not a docstring in a function
}

TEST(ParseStmt, IfElifElseIsOneStatement) {
  EXPECT_EQ(stmts("if a:\n    x = 1"), "{(if a {(= x 1)})}");
  EXPECT_EQ(stmts("if a:\n    pass\nelse:\n    pass"), "{(if a {pass} else {pass})}");
  EXPECT_EQ(stmts("if a:\n    f()\nelif b:\n    g()\nelif c:\n    pass\nelse:\n    h()"),
            "{(if a {(expr (call f))} elif b {(expr (call g))} elif c {pass} else {(expr (call h))})}");
  EXPECT_EQ(stmts("if a:\n    if b:\n        pass\nelse:\n    pass"),
            "{(if a {(if b {pass})} else {pass})}");
}

TEST(ParseStmt, Loops) {
  EXPECT_EQ(stmts("while i < n:\n    i += 1"), "{(while (< i n) {(+= i 1)})}");
  EXPECT_EQ(stmts("for i in range(3):\n    print(i)"),
            "{(for i (call range 3) {(expr (call print i))})}");
  EXPECT_EQ(stmts("for x in xs:\n    if x:\n        break\n    continue"),
            "{(for x xs {(if x {break}); continue})}");
}

TEST(ParseStmt, ReturnRaisePass) {
  EXPECT_EQ(stmts("return"), "{return}");
  EXPECT_EQ(stmts("return x + 1"), "{(return (+ x 1))}");
  EXPECT_EQ(stmts("return obj^"), "{(return (^ obj))}");
  EXPECT_EQ(stmts("raise Error(\"bad\")"), "{(raise (call Error \"bad\"))}");
  EXPECT_EQ(stmts("pass"), "{pass}");
}

TEST(ParseStmt, TryExcept) {
  EXPECT_EQ(stmts("try:\n    f()\nexcept e:\n    print(e)"),
            "{(try {(expr (call f))} except e {(expr (call print e))})}");
  EXPECT_EQ(stmts("try:\n    f()\nexcept:\n    pass"), "{(try {(expr (call f))} except {pass})}");
}

TEST(ParseStmt, SimpleStatementAfterTheColon) {
  EXPECT_EQ(stmts("if done: break"), "{(if done {break})}");
  EXPECT_EQ(stmts("while x: x -= 1"), "{(while x {(-= x 1)})}");
  EXPECT_EQ(parsed("def f(): return 1\n"), "(def f() {(return 1)})");
}

TEST(ParseStmt, LayoutDetails) {
  // Comments, blank lines, deeper dedents, continuation lines, CRLF and tabs.
  EXPECT_EQ(stmts("if a:\n\n    # note\n    if b:\n        x = 1\ny = (1 +\n     2)\nz = 3 + \\\n  4"),
            "{(if a {(if b {(= x 1)})}); (= y (+ 1 2)); (= z (+ 3 4))}");
  EXPECT_EQ(parsed("def main():\r\n    x = 1\r\n"), parsed("def main():\n    x = 1\n"));
  EXPECT_EQ(parsed("def main():\n\tif a:\n\t\tpass\n"), "(def main() {(if a {pass})})");
  EXPECT_EQ(parsed("def main():\n  pass\ndef g():\n        pass"),
            "(def main() {pass})\n(def g() {pass})");
}

/* --- Declarations: functions --------------------------------------------- */

TEST(ParseDecl, FunctionForms) {
  EXPECT_EQ(parsed("def f():\n    pass\n"), "(def f() {pass})");
  EXPECT_EQ(parsed("def f() raises:\n    pass\n"), "(def f() raises {pass})");
  EXPECT_EQ(parsed("def f(x: Int) -> Int:\n    return x\n"), "(def f(x: Int) -> Int {(return x)})");
  EXPECT_EQ(parsed("def f() raises -> List[Int]:\n    return []\n"),
            "(def f() raises -> List[Int] {(return (list))})");
  EXPECT_EQ(parsed("def get(ref self, i: Int) raises -> ref[self.names] String:\n    return self.names[i]\n"),
            "(def get(ref self, i: Int) raises -> ref[(. self names)] String "
            "{(return (index (. self names) i))})");
  EXPECT_EQ(parsed("def pick(ref a: Int, ref b: Int) -> ref[a, b] Int:\n    return a\n"),
            "(def pick(ref a: Int, ref b: Int) -> ref[a b] Int {(return a)})");
}

TEST(ParseDecl, EveryParameterConvention) {
  EXPECT_EQ(parsed("def f(a: Int, imm b: Int, mut c: Int, var d: Int, out e: Int, deinit f: Int, "
                   "ref g: Int, ref[o] h: Int):\n    pass\n"),
            "(def f(a: Int, b: Int, mut c: Int, var d: Int, out e: Int, deinit f: Int, "
            "ref g: Int, ref[o] h: Int) {pass})");
  EXPECT_TRUE(warnings("def f(imm b: Int):\n    pass\n").empty());  // `imm` is the 1.0 spelling
}

TEST(ParseDecl, ParameterDefaultsAndKeywordOnly) {
  EXPECT_EQ(parsed("def f(a: Int, b: Int = 2, *, c: Bool = False, d: String):\n    pass\n"),
            "(def f(a: Int, b: Int = 2, *c: Bool = False, *d: String) {pass})");
  EXPECT_EQ(parsed("def f(\n    a: Int,\n    b: Int,\n):\n    pass\n"), "(def f(a: Int, b: Int) {pass})");
}

TEST(ParseDecl, ParameterNamesThatLookLikeConventions) {
  EXPECT_EQ(parsed("def f(read: Int, out: Bool):\n    pass\n"), "(def f(read: Int, out: Bool) {pass})");
}

TEST(ParseDecl, DocstringsAreDropped) {
  EXPECT_EQ(parsed("\"\"\"Module docs.\"\"\"\ndef f():\n    \"\"\"Function docs.\"\"\"\n    return 1\n"),
            "(def f() {(return 1)})");
  EXPECT_EQ(parsed("def f():\n    \"\"\"Only docs.\"\"\"\n"), "(def f() {pass})");
  EXPECT_EQ(parsed("struct S:\n    \"Docs.\"\n    var x: Int\n"), "(struct S () (field x: Int))");
}

/* --- Declarations: structs ------------------------------------------------ */

TEST(ParseDecl, StructWithFieldsAndMethods) {
  EXPECT_EQ(parsed("struct Pair(Copyable, Movable):\n"
                   "    var a: Int\n"
                   "    def sum(self) -> Int:\n"
                   "        return self.a + self.b\n"
                   "    var b: Int\n"),
            "(struct Pair (Copyable, Movable) (field a: Int) (field b: Int) "
            "(def sum(self) -> Int {(return (+ (. self a) (. self b)))}))");
  EXPECT_EQ(parsed("struct Empty:\n    pass\n"), "(struct Empty ())");
  EXPECT_EQ(parsed("struct Empty: pass\n"), "(struct Empty ())");
  EXPECT_EQ(parsed("struct T():\n    var x: Int\n"), "(struct T () (field x: Int))");
}

TEST(ParseDecl, StructDecoratorsAndLinearTraits) {
  EXPECT_EQ(parsed("@fieldwise_init\nstruct P(Copyable):\n    var x: Int\n"),
            "(struct P @fieldwise_init (Copyable) (field x: Int))");
  EXPECT_EQ(parsed("@explicit_destroy(\"Call close()\")\nstruct F(Deinitable where False):\n"
                   "    var fd: Int\n    def close(deinit self):\n        pass\n"),
            "(struct F @explicit_destroy(\"Call close()\") (Deinitable where False) (field fd: Int) "
            "(def close(deinit self) {pass}))");
  EXPECT_EQ(parsed("struct Pinned(Movable where False):\n    var x: Int\n"),
            "(struct Pinned (Movable where False) (field x: Int))");
  EXPECT_TRUE(warnings("@explicit_destroy\nstruct F(Deinitable where False):\n    var x: Int\n").empty());
}

TEST(ParseDecl, LifecycleMethodsInTheirMojo10Form) {
  const char* text =
      "struct S(Copyable):\n"
      "    var x: Int\n"
      "    def __init__(out self, x: Int):\n        self.x = x\n"
      "    def __init__(out self, *, copy: Self):\n        self.x = copy.x\n"
      "    def __init__(out self, *, deinit move: Self):\n        self.x = move.x\n"
      "    def __deinit__(deinit self):\n        pass\n"
      "    def consume(deinit self):\n        pass\n"
      "    def get(self) -> Int:\n        return self.x\n"
      "    def set(mut self, v: Int):\n        self.x = v\n"
      "    def take(var self) -> Int:\n        return self.x\n";
  EXPECT_EQ(parsed(text),
            "(struct S (Copyable) (field x: Int) "
            "(def __init__(out self, x: Int) {(= (. self x) x)}) "
            "(def __init__(out self, *copy: Self) {(= (. self x) (. copy x))}) "
            "(def __init__(out self, *deinit move: Self) {(= (. self x) (. move x))}) "
            "(def __deinit__(deinit self) {pass}) "
            "(def consume(deinit self) {pass}) "
            "(def get(self) -> Int {(return (. self x))}) "
            "(def set(mut self, v: Int) {(= (. self x) v)}) "
            "(def take(var self) -> Int {(return (. self x))}))");
  EXPECT_TRUE(warnings(text).empty());
}

/* --- Declarations: imports ------------------------------------------------ */

TEST(ParseDecl, Imports) {
  EXPECT_EQ(parsed("from std.memory import OwnedPointer, UnsafePointer\n"),
            "(from std.memory import OwnedPointer UnsafePointer)");
  EXPECT_EQ(parsed("from memory import (\n    alloc,\n    UnsafePointer,\n)\n"),
            "(from memory import alloc UnsafePointer)");
  EXPECT_EQ(parsed("import memory\nimport std.memory\n"), "(import memory)\n(import std.memory)");
}

TEST(ParseDecl, ItemsKeepSourceOrder) {
  EXPECT_EQ(parsed("import a\nstruct S:\n    var x: Int\ndef f():\n    pass\nfrom b import c\n"),
            "(import a)\n(struct S () (field x: Int))\n(def f() {pass})\n(from b import c)");
}

/* --- Normalisation of older spellings ------------------------------------- */

TEST(Normalise, FnIsDef) {
  EXPECT_EQ(parsed("fn f():\n    pass\n"), "(def f() {pass})");
  EXPECT_EQ(warnings("fn f():\n    pass\n"), Strings{"1:1 'fn' is the pre-1.0 spelling of 'def'"});
}

TEST(Normalise, InoutIsMut) {
  EXPECT_EQ(parsed("def f(inout x: Int):\n    pass\n"), "(def f(mut x: Int) {pass})");
  EXPECT_EQ(warnings("def f(inout x: Int):\n    pass\n"),
            Strings{"1:7 'inout' is the pre-1.0 spelling of 'mut'"});
}

TEST(Normalise, OwnedIsVar) {
  EXPECT_EQ(parsed("def f(owned s: String):\n    pass\n"), "(def f(var s: String) {pass})");
  EXPECT_EQ(warnings("def f(owned s: String):\n    pass\n"),
            Strings{"1:7 'owned' is the pre-1.0 spelling of 'var'"});
}

TEST(Normalise, BorrowedAndReadAreTheDefault) {
  EXPECT_EQ(parsed("def f(borrowed a: Int, read b: Int):\n    pass\n"), "(def f(a: Int, b: Int) {pass})");
  EXPECT_EQ(warnings("def f(borrowed a: Int, read b: Int):\n    pass\n"),
            (Strings{"1:7 'borrowed' is the pre-1.0 spelling of the default (immutable) convention",
                     "1:24 'read' is the pre-1.0 spelling of the default (immutable) convention"}));
}

TEST(Normalise, DelIsDeinitAndOwnedSelfIsDeinitSelf) {
  const char* text = "struct S:\n    var x: Int\n    fn __del__(owned self):\n        pass\n";
  EXPECT_EQ(parsed(text), "(struct S () (field x: Int) (def __deinit__(deinit self) {pass}))");
  EXPECT_EQ(warnings(text),
            (Strings{"3:5 'fn' is the pre-1.0 spelling of 'def'",
                     "3:8 '__del__' is the pre-1.0 name of '__deinit__'",
                     "3:16 'owned self' is the pre-1.0 spelling of 'deinit self' here"}));
  EXPECT_EQ(parsed("struct S:\n    def __deinit__(owned self):\n        pass\n"),
            "(struct S () (def __deinit__(deinit self) {pass}))");
  // A named method's `owned self` is an ordinary `var self`.
  EXPECT_EQ(parsed("struct S:\n    def done(owned self):\n        pass\n"),
            "(struct S () (def done(var self) {pass}))");
}

TEST(Normalise, CopyinitIsInitWithCopy) {
  const char* text =
      "struct S:\n    var x: Int\n"
      "    def __copyinit__(out self, existing: Self):\n"
      "        self.x = existing.x\n"
      "        if existing.x > 0:\n            print(existing.copy())\n";
  EXPECT_EQ(parsed(text),
            "(struct S () (field x: Int) (def __init__(out self, *copy: Self) "
            "{(= (. self x) (. copy x)); (if (> (. copy x) 0) {(expr (call print (call (. copy copy))))})}))");
  EXPECT_EQ(warnings(text),
            Strings{"3:9 '__copyinit__(out self, existing: Self)' is the pre-1.0 spelling of "
                    "'__init__(out self, *, copy: Self)'"});
}

TEST(Normalise, CopyinitWhoseBodyUsesCopyIsUnsupported) {
  EXPECT_TRUE(rejects("struct S:\n    var x: Int\n"
                      "    def __copyinit__(out self, existing: Self):\n"
                      "        var copy = existing.x\n        self.x = copy\n",
                      "unsupported", 3, 9, "already uses the name 'copy'"));
}

TEST(Normalise, MoveinitIsInitWithDeinitMove) {
  const char* text =
      "struct S:\n    var x: String\n"
      "    fn __moveinit__(out self, owned existing: Self):\n"
      "        self.x = existing.x^\n";
  EXPECT_EQ(parsed(text),
            "(struct S () (field x: String) (def __init__(out self, *deinit move: Self) "
            "{(= (. self x) (^ (. move x)))}))");
  EXPECT_EQ(warnings(text),
            (Strings{"3:5 'fn' is the pre-1.0 spelling of 'def'",
                     "3:8 '__moveinit__(out self, owned existing: Self)' is the pre-1.0 spelling of "
                     "'__init__(out self, *, deinit move: Self)'"}));
}

TEST(Normalise, TakeIsMove) {
  const char* text =
      "struct S:\n    var x: Int\n"
      "    def __init__(out self, *, deinit take: Self):\n        self.x = take.x\n";
  EXPECT_EQ(parsed(text),
            "(struct S () (field x: Int) (def __init__(out self, *deinit move: Self) "
            "{(= (. self x) (. move x))}))");
  EXPECT_EQ(warnings(text),
            Strings{"3:31 'take' is the pre-1.0 name of the move initializer's parameter 'move'"});
}

TEST(Normalise, OldDestructibleTraitNames) {
  EXPECT_EQ(parsed("struct S(Copyable, ImplicitlyDestructible):\n    var x: Int\n"),
            "(struct S (Copyable, Deinitable) (field x: Int))");
  EXPECT_EQ(warnings("struct S(ImplicitlyDeletable):\n    var x: Int\n"),
            Strings{"1:10 'ImplicitlyDeletable' is the pre-1.0 name of 'Deinitable'"});
  EXPECT_EQ(parsed("struct S(ImplicitlyDestructible where False):\n    var x: Int\n"),
            "(struct S (Deinitable where False) (field x: Int))");
}

TEST(Normalise, ExplicitDestroyAddsTheLinearTrait) {
  const char* text = "@explicit_destroy(\"use close()\")\nstruct F(Movable):\n    var x: Int\n";
  EXPECT_EQ(parsed(text),
            "(struct F @explicit_destroy(\"use close()\") (Movable, Deinitable where False) (field x: Int))");
  EXPECT_EQ(warnings(text),
            Strings{"1:1 '@explicit_destroy' without the trait 'Deinitable where False' is the "
                    "pre-1.0 form; the trait is added"});
}

TEST(Normalise, RegisterPassableIsATrait) {
  EXPECT_EQ(parsed("@register_passable(\"trivial\")\nstruct P:\n    var x: Int\n"),
            "(struct P (TrivialRegisterPassable) (field x: Int))");
  EXPECT_EQ(warnings("@register_passable(\"trivial\")\nstruct P:\n    var x: Int\n"),
            Strings{"1:1 '@register_passable(\"trivial\")' is the pre-1.0 spelling of the trait "
                    "'TrivialRegisterPassable'"});
  EXPECT_EQ(parsed("@register_passable\nstruct P(Copyable):\n    var x: Int\n"),
            "(struct P (Copyable, RegisterPassable) (field x: Int))");
  EXPECT_EQ(parsed("@register_passable\nstruct P(RegisterPassable):\n    var x: Int\n"),
            "(struct P (RegisterPassable) (field x: Int))");
}

/* --- Syntax errors -------------------------------------------------------- */

TEST(ParseReject, MissingColons) {
  EXPECT_TRUE(rejects(parse_test::in_main("if x\n    pass"), "syntax", 2, 9,
                      "expected ':' after the condition of 'if'"));
  EXPECT_TRUE(rejects(parse_test::in_main("while x pass"), "syntax", 2, 13,
                      "expected ':' after the condition of 'while'"));
  EXPECT_TRUE(rejects("def f()\n    pass\n", "syntax", 1, 8, "expected ':' after the signature of 'f'"));
  EXPECT_TRUE(rejects("struct S\n    var x: Int\n", "syntax", 1, 9,
                      "expected ':' after the declaration of struct 'S'"));
}

TEST(ParseReject, Indentation) {
  EXPECT_TRUE(rejects(parse_test::in_main("x = 1\n    y = 2"), "syntax", 3, 1, "unexpected indent"));
  EXPECT_TRUE(rejects("  def f():\n    pass\n", "syntax", 1, 1, "unexpected indent"));
  EXPECT_TRUE(rejects("def f():\npass\n", "syntax", 2, 1, "expected an indented block after 'def f'"));
  EXPECT_TRUE(rejects(parse_test::in_main("if a:\nx = 1"), "syntax", 3, 5,
                      "expected an indented block after 'if'"));
  EXPECT_TRUE(rejects("def f():\n    if a:\n        pass\n      pass\n", "syntax", 4, 1,
                      "unindent does not match"));
  EXPECT_TRUE(rejects("def f():\n\tif a:\n        \tpass\n", "syntax", 3, 1, "inconsistent use of tabs"));
}

TEST(ParseReject, Declarations) {
  EXPECT_TRUE(rejects(parse_test::in_main("var x"), "syntax", 2, 9, "'var x' needs a type or an initial value"));
  EXPECT_TRUE(rejects("def f(foo x: Int):\n    pass\n", "syntax", 1, 7, "unknown argument convention 'foo'"));
  EXPECT_TRUE(rejects("def f(x):\n    pass\n", "syntax", 1, 8, "expected ':' and a type after the parameter 'x'"));
  EXPECT_TRUE(rejects("def f(a: Int, *):\n    pass\n", "syntax", 1, 15, "a bare '*'"));
  EXPECT_TRUE(rejects("def f() -> ref Int:\n    pass\n", "syntax", 1, 16, "expected '['"));
  EXPECT_TRUE(rejects("def f() -> Int raises:\n    pass\n", "syntax", 1, 16, "'raises' goes before"));
  EXPECT_TRUE(rejects("struct S:\n    x: Int\n", "syntax", 2, 5, "a field is declared with 'var'"));
  EXPECT_TRUE(rejects("struct S:\n    var x = 1\n", "syntax", 2, 11, "expected ':' and a type"));
  EXPECT_TRUE(rejects("struct S:\n    print(1)\n", "syntax", 2, 5, "expected a field"));
  EXPECT_TRUE(rejects("struct S(Copyable\n    var x: Int\n", "syntax", 2, 5, "expected ',' or ')' after a trait"));
  EXPECT_TRUE(rejects("from a import\n", "syntax", 1, 14, "expected a name to import"));
  EXPECT_TRUE(rejects("@fieldwise_init\ndef f():\n    pass\n", "unsupported", 1, 1, "decorators on functions"));
  EXPECT_TRUE(rejects("42\n", "unsupported", 1, 1, "statements at the top level"));
  EXPECT_TRUE(rejects(")\n", "syntax", 1, 1, "expected an import, a struct or a function"));
}

TEST(ParseReject, Statements) {
  EXPECT_TRUE(rejects(parse_test::in_main("f() = 1"), "syntax", 2, 5, "cannot assign to a call"));
  EXPECT_TRUE(rejects(parse_test::in_main("1 = x"), "syntax", 2, 5, "cannot assign to a literal"));
  EXPECT_TRUE(rejects(parse_test::in_main("x^ = y"), "syntax", 2, 5, "cannot assign to a transferred value"));
  EXPECT_TRUE(rejects(parse_test::in_main("a + b += 1"), "syntax", 2, 5, "cannot assign to an operator"));
  EXPECT_TRUE(rejects(parse_test::in_main("x = 1 y"), "syntax", 2, 11, "expected end of line"));
  EXPECT_TRUE(rejects(parse_test::in_main("a.b: Int = 1"), "syntax", 2, 8, "only a plain name"));
  EXPECT_TRUE(rejects(parse_test::in_main("elif x:\n    pass"), "syntax", 2, 5, "'elif' does not follow"));
  EXPECT_TRUE(rejects(parse_test::in_main("else:\n    pass"), "syntax", 2, 5, "'else' does not follow"));
  EXPECT_TRUE(rejects(parse_test::in_main("except:\n    pass"), "syntax", 2, 5, "'except' does not follow"));
  EXPECT_TRUE(rejects(parse_test::in_main("try:\n    pass\nx = 1"), "syntax", 4, 5, "expected 'except'"));
  EXPECT_TRUE(rejects(parse_test::in_main("for 1 in xs:\n    pass"), "syntax", 2, 9, "expected a loop variable"));
  EXPECT_TRUE(rejects(parse_test::in_main("for x of xs:\n    pass"), "syntax", 2, 11, "expected 'in'"));
  EXPECT_TRUE(rejects(parse_test::in_main("ref r: Int = x"), "unsupported", 2, 10));
  EXPECT_TRUE(rejects(parse_test::in_main("ref r x"), "syntax", 2, 11, "expected '=' after 'ref r'"));
}

TEST(ParseReject, Expressions) {
  EXPECT_TRUE(rejects(parse_test::in_main("x = "), "syntax", 2, 9, "expected an expression, found end of line"));
  EXPECT_TRUE(rejects(parse_test::in_main("f(a b)"), "syntax", 2, 9, "expected ',' or ')'"));
  EXPECT_TRUE(rejects(parse_test::in_main("f(a=1, b)"), "syntax", 2, 12, "positional argument"));
  EXPECT_TRUE(rejects(parse_test::in_main("f(a=1, a=2)"), "syntax", 2, 12, "keyword argument 'a' is repeated"));
  EXPECT_TRUE(rejects(parse_test::in_main("x = (a + b"), "syntax", 2, 9, "'(' was never closed"));
  EXPECT_TRUE(rejects(parse_test::in_main("x = a."), "syntax", 2, 11, "expected a field or method name"));
  EXPECT_TRUE(rejects(parse_test::in_main("x = a == not b"), "syntax", 2, 14, "'not' needs parentheses"));
  EXPECT_TRUE(rejects(parse_test::in_main("x = [1, 2"), "syntax", 2, 9, "'[' was never closed"));
  EXPECT_TRUE(rejects(parse_test::in_main("var x: 3"), "syntax", 2, 12, "expected a type"));
  EXPECT_TRUE(rejects(parse_test::in_main("var x: List[]"), "syntax", 2, 17, "expected a type"));
}

/* --- Unsupported constructs ----------------------------------------------- */

TEST(ParseUnsupported, FromTheReferenceAppendix) {
  // Closures with capture lists (F.1): at the capture list.
  EXPECT_TRUE(rejects(parse_test::in_main("def scale(x: Int) {read multiplier} -> Int:\n"
                                          "    return x * multiplier\nprint(scale(5))"),
                      "unsupported", 2, 23, "unsupported: closures with capture lists"));
  EXPECT_TRUE(rejects(parse_test::in_main("def helper():\n    pass"), "unsupported", 2, 5,
                      "nested functions"));
  // Generics (D.8, D.9, I.1).
  EXPECT_TRUE(rejects("def g[T: AnyType](var value: T):\n    pass\n", "unsupported", 1, 6, "generic parameters"));
  EXPECT_TRUE(rejects("struct Box[T: Copyable]:\n    var item: T\n", "unsupported", 1, 11, "generic parameters"));
  // comptime (F.8), variadics (D.2), `for ref` (E.8), t-strings (H.1), floats (G.2).
  EXPECT_TRUE(rejects(parse_test::in_main("comptime if x:\n    pass"), "unsupported", 2, 5, "comptime"));
  EXPECT_TRUE(rejects("def f(out self, *values: Int):\n    pass\n", "unsupported", 1, 17,
                      "variadic parameters"));
  EXPECT_TRUE(rejects(parse_test::in_main("for ref v in values:\n    v += 1"), "unsupported", 2, 9, "'for ref"));
  EXPECT_TRUE(rejects(parse_test::in_main("print(t\"{self}.__del__\")"), "unsupported", 2, 11,
                      "string literals with a prefix"));
  EXPECT_TRUE(rejects(parse_test::in_main("x = 0.0"), "unsupported", 2, 9, "floating-point literals"));
  // `where` clauses (A.15, D.9).
  EXPECT_TRUE(rejects("def which(var self) -> Int where not conforms_to(Self, T):\n    return 2\n",
                      "unsupported", 1, 28, "'where' clauses"));
  EXPECT_TRUE(rejects("struct B(Equatable where conforms_to(T, Equatable)):\n    var x: Int\n",
                      "unsupported", 1, 20, "'where' clauses other than 'where False'"));
  EXPECT_TRUE(rejects("struct B(Copyable where False):\n    var x: Int\n", "unsupported", 1, 10,
                      "'Copyable where False'"));
  // Keyword type parameters (H.6) and qualified types (D.9).
  EXPECT_TRUE(rejects("def f(p: UnsafePointer[mut=True, Int, _]):\n    pass\n", "unsupported", 1, 24,
                      "keyword parameters in a type"));
  EXPECT_TRUE(rejects("struct B:\n    var item: Self.T\n", "unsupported", 2, 19, "qualified type names"));
  // A `...` placeholder body (C.2).
  EXPECT_TRUE(rejects("struct P:\n    var age: Int\n\n    ...\n", "unsupported", 4, 5, "'...'"));
}

TEST(ParseUnsupported, Statements) {
  EXPECT_TRUE(rejects(parse_test::in_main("with f() as g:\n    pass"), "unsupported", 2, 5, "'with' statements"));
  EXPECT_TRUE(rejects(parse_test::in_main("assert x"), "unsupported", 2, 5, "'assert'"));
  EXPECT_TRUE(rejects(parse_test::in_main("del x"), "unsupported", 2, 5, "'del'"));
  EXPECT_TRUE(rejects(parse_test::in_main("global x"), "unsupported", 2, 5, "'global'"));
  EXPECT_TRUE(rejects(parse_test::in_main("alias N = 3"), "unsupported", 2, 5, "'alias'"));
  EXPECT_TRUE(rejects(parse_test::in_main("a, b = 1, 2"), "unsupported", 2, 6, "tuples"));
  EXPECT_TRUE(rejects(parse_test::in_main("a = b = 1"), "unsupported", 2, 11, "chained assignment"));
  EXPECT_TRUE(rejects(parse_test::in_main("x /= 2"), "unsupported", 2, 7, "'/='"));
  EXPECT_TRUE(rejects(parse_test::in_main("x = 1; y = 2"), "unsupported", 2, 10, "';'"));
  EXPECT_TRUE(rejects(parse_test::in_main("var a, b = 1"), "unsupported", 2, 10, "several variables"));
  EXPECT_TRUE(rejects(parse_test::in_main("for a, b in xs:\n    pass"), "unsupported", 2, 10, "several loop variables"));
  EXPECT_TRUE(rejects(parse_test::in_main("while x:\n    pass\nelse:\n    pass"), "unsupported", 4, 5,
                      "'else' after a loop"));
  EXPECT_TRUE(rejects(parse_test::in_main("try:\n    pass\nexcept:\n    pass\nfinally:\n    pass"),
                      "unsupported", 6, 5, "'finally'"));
  EXPECT_TRUE(rejects(parse_test::in_main("try:\n    pass\nexcept Error as e:\n    pass"), "unsupported",
                      4, 18, "error type"));
  EXPECT_TRUE(rejects(parse_test::in_main("try:\n    pass\nexcept e:\n    pass\nexcept f:\n    pass"),
                      "unsupported", 6, 5, "several 'except'"));
  EXPECT_TRUE(rejects(parse_test::in_main("try:\n    pass\nexcept:\n    pass\nelse:\n    pass"),
                      "unsupported", 6, 5, "'else' after 'try'"));
  EXPECT_TRUE(rejects(parse_test::in_main("raise"), "unsupported", 2, 5, "bare 'raise'"));
  EXPECT_TRUE(rejects(parse_test::in_main("raise E() from e"), "unsupported", 2, 15, "from"));
  EXPECT_TRUE(rejects(parse_test::in_main("return a, b"), "unsupported", 2, 13, "tuples"));
  EXPECT_TRUE(rejects(parse_test::in_main("struct S:\n    var x: Int"), "unsupported", 2, 5, "structs declared inside"));
  EXPECT_TRUE(rejects(parse_test::in_main("from a import b"), "unsupported", 2, 5, "imports inside"));
  EXPECT_TRUE(rejects("var counter = 0\n", "unsupported", 1, 1, "statements at the top level"));
}

TEST(ParseUnsupported, Expressions) {
  EXPECT_TRUE(rejects(parse_test::in_main("x = a < b < c"), "unsupported", 2, 15, "chained comparisons"));
  EXPECT_TRUE(rejects(parse_test::in_main("x = a == b != c"), "unsupported", 2, 16, "chained comparisons"));
  EXPECT_TRUE(rejects(parse_test::in_main("x = a / b"), "unsupported", 2, 11, "'/'"));
  EXPECT_TRUE(rejects(parse_test::in_main("x = a ** 2"), "unsupported", 2, 11, "'**'"));
  EXPECT_TRUE(rejects(parse_test::in_main("x = a & b"), "unsupported", 2, 11, "'&'"));
  EXPECT_TRUE(rejects(parse_test::in_main("x = ~a"), "unsupported", 2, 9, "'~'"));
  EXPECT_TRUE(rejects(parse_test::in_main("x = +a"), "unsupported", 2, 9, "unary '+'"));
  EXPECT_TRUE(rejects(parse_test::in_main("x = a ^ b"), "unsupported", 2, 11, "bitwise operator '^'"));
  EXPECT_TRUE(rejects(parse_test::in_main("x = a @ b"), "unsupported", 2, 11, "'@'"));
  EXPECT_TRUE(rejects(parse_test::in_main("x = a is b"), "unsupported", 2, 11, "'is'"));
  EXPECT_TRUE(rejects(parse_test::in_main("x = a in b"), "unsupported", 2, 11, "membership"));
  EXPECT_TRUE(rejects(parse_test::in_main("x = a not in b"), "unsupported", 2, 11, "membership"));
  EXPECT_TRUE(rejects(parse_test::in_main("x = a if c else b"), "unsupported", 2, 11, "conditional expressions"));
  EXPECT_TRUE(rejects(parse_test::in_main("x = lambda: 1"), "unsupported", 2, 9, "lambda"));
  EXPECT_TRUE(rejects(parse_test::in_main("x = (1, 2)"), "unsupported", 2, 11, "tuples"));
  EXPECT_TRUE(rejects(parse_test::in_main("x = ()"), "unsupported", 2, 9, "tuples"));
  EXPECT_TRUE(rejects(parse_test::in_main("x = {1: 2}"), "unsupported", 2, 9, "dictionary"));
  EXPECT_TRUE(rejects(parse_test::in_main("x = [i for i in xs]"), "unsupported", 2, 12, "list comprehensions"));
  EXPECT_TRUE(rejects(parse_test::in_main("x = xs[1:2]"), "unsupported", 2, 13, "slices"));
  EXPECT_TRUE(rejects(parse_test::in_main("f(*args)"), "unsupported", 2, 7, "unpacking"));
  EXPECT_TRUE(rejects(parse_test::in_main("x = \"a\" \"b\""), "unsupported", 2, 13, "concatenation"));
  EXPECT_TRUE(rejects(parse_test::in_main("x = \"\"\"doc\"\"\""), "unsupported", 2, 9, "triple-quoted"));
  EXPECT_TRUE(rejects(parse_test::in_main("x = y := 3"), "unsupported", 2, 11, "':='"));
}

TEST(ParseUnsupported, Declarations) {
  EXPECT_TRUE(rejects("def f(**kw: Int):\n    pass\n", "unsupported", 1, 7, "'**kwargs'"));
  EXPECT_TRUE(rejects("def f(a: Int, /):\n    pass\n", "unsupported", 1, 15, "positional-only"));
  EXPECT_TRUE(rejects("def f() capturing:\n    pass\n", "unsupported", 1, 9, "'capturing'"));
  EXPECT_TRUE(rejects("struct S:\n    var x: Int = 0\n", "unsupported", 2, 16, "default values for fields"));
  EXPECT_TRUE(rejects("struct S:\n    @staticmethod\n    def f():\n        pass\n", "unsupported", 2, 5,
                      "decorators on methods"));
  EXPECT_TRUE(rejects("@value\nstruct S:\n    var x: Int\n", "unsupported", 1, 1, "the decorator '@value'"));
  EXPECT_TRUE(rejects("@fieldwise_init(\"implicit\")\nstruct S:\n    var x: Int\n", "unsupported", 1, 1,
                      "arguments to '@fieldwise_init'"));
  EXPECT_TRUE(rejects("@register_passable(\"x\")\nstruct S:\n    var x: Int\n", "unsupported", 1, 1,
                      "register_passable"));
  EXPECT_TRUE(rejects("struct S(List[Int]):\n    var x: Int\n", "unsupported", 1, 14, "parameterised traits"));
  EXPECT_TRUE(rejects("struct S:\n    struct T:\n        var x: Int\n", "unsupported", 2, 5, "nested structs"));
  EXPECT_TRUE(rejects("trait T:\n    pass\n", "unsupported", 1, 1, "trait declarations"));
  EXPECT_TRUE(rejects("class C:\n    pass\n", "unsupported", 1, 1, "classes"));
  EXPECT_TRUE(rejects("from . import x\n", "unsupported", 1, 6, "relative imports"));
  EXPECT_TRUE(rejects("from a import *\n", "unsupported", 1, 15, "'import *'"));
  EXPECT_TRUE(rejects("import a as b\n", "unsupported", 1, 10, "'as'"));
  EXPECT_TRUE(rejects("from a import b as c\n", "unsupported", 1, 17, "'as'"));
  EXPECT_TRUE(rejects("import a, b\n", "unsupported", 1, 9, "several modules"));
  EXPECT_TRUE(rejects("def f(ref[] x: Int):\n    pass\n", "syntax", 1, 11, "expected an origin"));
}

/* --- Recovery ------------------------------------------------------------- */

TEST(ParseRecovery, SeveralErrorsAreReportedAndTheModuleIsEmpty) {
  ParseResult result = parse_text(
      "def f():\n    x = = 1\n    y = 2\n"
      "def g(:\n    pass\n"
      "def h():\n    if x y:\n        z = (\n    w = with\n"
      "struct S:\n    var q\n");
  EXPECT_FALSE(result.module.has_value());
  std::vector<std::string> positions;
  for (const auto& d : result.diagnostics) {
    positions.push_back(fmt::format("{}:{} {}", d.span.line, d.span.col, d.code));
  }
  EXPECT_EQ(positions, (Strings{"2:9 syntax", "4:7 syntax", "7:10 syntax", "11:10 syntax"}));
}

TEST(ParseRecovery, ErrorsInsideABlockDoNotHideLaterStatements) {
  ParseResult result = parse_text(parse_test::in_main("if a:\n    x = )\n    y = 1\nz = ]\nw = 1"));
  ASSERT_EQ(result.diagnostics.size(), 2u);
  EXPECT_EQ(result.diagnostics[0].span.line, 3u);
  EXPECT_EQ(result.diagnostics[1].span.line, 5u);
}

TEST(ParseRecovery, StopsAtMaxErrors) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "def f():\n    x = )\n";
  ParseLimits limits;
  limits.max_errors = 7;
  ParseResult result = parse_text(text, limits);
  EXPECT_EQ(result.diagnostics.size(), 7u);
  EXPECT_FALSE(result.module.has_value());
}

TEST(ParseRecovery, WarningsDoNotRejectButErrorsDo) {
  ParseResult warned = parse_text("fn f():\n    pass\n");
  ASSERT_TRUE(warned.module.has_value());
  ASSERT_EQ(warned.diagnostics.size(), 1u);
  EXPECT_EQ(warned.diagnostics[0].severity, Severity::Warning);
  ParseResult both = parse_text("fn f():\n    pass\nfn g(:\n    pass\n");
  EXPECT_FALSE(both.module.has_value());
}

}  // namespace
}  // namespace ownmodel
