// The printer on hand-built trees: each construct, the parenthesisation rules
// and string escapes of docs/syntax-decisions.md, to the exact expected text.

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "model/syntax/ast.h"
#include "model/syntax/print.h"

namespace ownmodel {
namespace {

using namespace ast;

/* --- Small tree builders ----------------------------------------------- */

Expr name(std::string id) { return Expr{Name{std::move(id)}, {}}; }
Expr num(std::int64_t v) { return Expr{IntLit{v}, {}}; }
Expr boolean(bool v) { return Expr{BoolLit{v}, {}}; }
Expr str(std::string s) { return Expr{StringLit{std::move(s)}, {}}; }
Expr list(std::vector<Expr> xs) { return Expr{ListLit{std::move(xs)}, {}}; }
Expr field(Expr base, std::string f) { return Expr{Field{std::move(base), std::move(f)}, {}}; }
Expr index(Expr base, std::vector<Expr> ix) { return Expr{Index{std::move(base), std::move(ix)}, {}}; }
Expr transfer(Expr e) { return Expr{Transfer{std::move(e)}, {}}; }
Expr neg(Expr e) { return Expr{Unary{UnaryOp::Neg, std::move(e)}, {}}; }
Expr not_(Expr e) { return Expr{Unary{UnaryOp::Not, std::move(e)}, {}}; }
Expr bin(BinaryOp op, Expr a, Expr b) { return Expr{Binary{op, std::move(a), std::move(b)}, {}}; }
Arg pos(Expr e) { return Arg{std::nullopt, std::move(e)}; }
Arg kw(std::string k, Expr e) { return Arg{std::move(k), std::move(e)}; }
Expr call(Expr callee, std::vector<Arg> args = {}) {
  return Expr{Call{std::move(callee), std::move(args)}, {}};
}

Type ty(std::string n, std::vector<Type> args = {}) { return Type{std::move(n), std::move(args), {}}; }

Stmt stmt(Stmt::Node n) { return Stmt{std::move(n), {}}; }
Stmt expr_stmt(Expr e) { return stmt(ExprStmt{std::move(e)}); }
Stmt pass() { return stmt(Pass{}); }

Param param(std::string n, std::optional<Type> t, Convention c = Convention::Default) {
  Param p;
  p.name = std::move(n);
  p.type = std::move(t);
  p.convention = c;
  return p;
}

Function def(std::string n, std::vector<Param> params, Block body) {
  Function f;
  f.name = std::move(n);
  f.params = std::move(params);
  f.body = std::move(body);
  return f;
}

/* --- Expressions ------------------------------------------------------- */

TEST(Printer, Literals) {
  EXPECT_EQ(print(num(0)), "0");
  EXPECT_EQ(print(num(9223372036854775807)), "9223372036854775807");
  EXPECT_EQ(print(boolean(true)), "True");
  EXPECT_EQ(print(boolean(false)), "False");
  EXPECT_EQ(print(str("hi")), "\"hi\"");
  EXPECT_EQ(print(list({})), "[]");
  EXPECT_EQ(print(list({num(1), name("a"), list({num(2)})})), "[1, a, [2]]");
}

TEST(Printer, StringEscapes) {
  EXPECT_EQ(print(str("a\nb\tc\rd")), R"("a\nb\tc\rd")");
  EXPECT_EQ(print(str(std::string("x\0y", 3))), R"("x\0y")");
  EXPECT_EQ(print(str("q\"q'q\\")), R"("q\"q'q\\")");
  EXPECT_EQ(print(str("\x01\x1f\x7f")), R"("\x01\x1f\x7f")");
  // Well-formed UTF-8 stays as it is; stray bytes are escaped.
  EXPECT_EQ(print(str("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80")),
            "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"");
  EXPECT_EQ(print(str("\xff\xc3")), R"("\xff\xc3")");
  EXPECT_EQ(print(str("\xc0\x80")), R"("\xc0\x80")");          // overlong NUL
  EXPECT_EQ(print(str("\xed\xa0\x80")), R"("\xed\xa0\x80")");  // surrogate
}

TEST(Printer, PostfixChains) {
  EXPECT_EQ(print(call(field(transfer(name("x")), "f"))), "x^.f()");
  EXPECT_EQ(print(call(name("f"), {pos(num(1)), pos(name("a")), kw("end", str(""))})),
            "f(1, a, end=\"\")");
  EXPECT_EQ(print(call(name("UnsafePointer"), {kw("to", name("x"))})), "UnsafePointer(to=x)");
  EXPECT_EQ(print(index(name("p"), {})), "p[]");
  EXPECT_EQ(print(index(name("xs"), {num(1), name("j")})), "xs[1, j]");
  EXPECT_EQ(print(call(index(name("alloc"), {name("Int")}), {pos(num(3))})), "alloc[Int](3)");
  EXPECT_EQ(print(transfer(field(index(name("a"), {num(0)}), "b"))), "a[0].b^");
}

TEST(Printer, IntegerLiteralBeforeFieldIsParenthesised) {
  EXPECT_EQ(print(field(num(1), "f")), "(1).f");
  EXPECT_EQ(print(call(field(num(1), "copy"))), "(1).copy()");
  // Only `.field` needs it: `1[0]`, `1(x)` and `1^` lex as they are.
  EXPECT_EQ(print(index(num(1), {num(0)})), "1[0]");
  EXPECT_EQ(print(call(num(1), {pos(name("x"))})), "1(x)");
  EXPECT_EQ(print(transfer(num(1))), "1^");
  EXPECT_EQ(print(field(boolean(true), "f")), "True.f");
}

TEST(Printer, PostfixBaseThatIsAnOperatorIsParenthesised) {
  EXPECT_EQ(print(field(neg(name("a")), "f")), "(-a).f");
  EXPECT_EQ(print(call(field(bin(BinaryOp::Add, name("a"), name("b")), "copy"))),
            "(a + b).copy()");
  EXPECT_EQ(print(transfer(not_(name("a")))), "(not a)^");
  EXPECT_EQ(print(neg(field(name("a"), "f"))), "-a.f");
}

TEST(Printer, LeftAssociativeOperators) {
  const Expr a = name("a"), b = name("b"), c = name("c");
  EXPECT_EQ(print(bin(BinaryOp::Sub, bin(BinaryOp::Sub, a, b), c)), "a - b - c");
  EXPECT_EQ(print(bin(BinaryOp::Sub, a, bin(BinaryOp::Sub, b, c))), "a - (b - c)");
  EXPECT_EQ(print(bin(BinaryOp::Add, a, bin(BinaryOp::Mul, b, c))), "a + b * c");
  EXPECT_EQ(print(bin(BinaryOp::Mul, bin(BinaryOp::Add, a, b), c)), "(a + b) * c");
  EXPECT_EQ(print(bin(BinaryOp::FloorDiv, a, bin(BinaryOp::Mod, b, c))), "a // (b % c)");
  EXPECT_EQ(print(bin(BinaryOp::Or, bin(BinaryOp::Or, a, b), c)), "a or b or c");
  EXPECT_EQ(print(bin(BinaryOp::Or, a, bin(BinaryOp::Or, b, c))), "a or (b or c)");
  EXPECT_EQ(print(bin(BinaryOp::And, bin(BinaryOp::Or, a, b), c)), "(a or b) and c");
  EXPECT_EQ(print(bin(BinaryOp::Or, a, bin(BinaryOp::And, b, c))), "a or b and c");
}

TEST(Printer, ComparisonsDoNotChain) {
  const Expr a = name("a"), b = name("b"), c = name("c");
  EXPECT_EQ(print(bin(BinaryOp::Lt, bin(BinaryOp::Lt, a, b), c)), "(a < b) < c");
  EXPECT_EQ(print(bin(BinaryOp::Eq, a, bin(BinaryOp::Ne, b, c))), "a == (b != c)");
  EXPECT_EQ(print(bin(BinaryOp::Ge, bin(BinaryOp::Add, a, b), neg(c))), "a + b >= -c");
  EXPECT_EQ(print(bin(BinaryOp::And, bin(BinaryOp::Le, a, b), bin(BinaryOp::Gt, b, c))),
            "a <= b and b > c");
}

TEST(Printer, UnaryOperators) {
  const Expr a = name("a"), b = name("b");
  EXPECT_EQ(print(neg(num(5))), "-5");
  EXPECT_EQ(print(neg(neg(a))), "--a");
  EXPECT_EQ(print(neg(bin(BinaryOp::Add, a, b))), "-(a + b)");
  EXPECT_EQ(print(bin(BinaryOp::Mul, neg(a), b)), "-a * b");
  EXPECT_EQ(print(bin(BinaryOp::Sub, a, neg(b))), "a - -b");
  // `not` binds looser than comparisons and tighter than `and`.
  EXPECT_EQ(print(not_(bin(BinaryOp::Eq, a, b))), "not a == b");
  EXPECT_EQ(print(bin(BinaryOp::Eq, not_(a), b)), "(not a) == b");
  EXPECT_EQ(print(bin(BinaryOp::Eq, a, not_(b))), "a == (not b)");
  EXPECT_EQ(print(not_(bin(BinaryOp::And, a, b))), "not (a and b)");
  EXPECT_EQ(print(bin(BinaryOp::And, not_(a), not_(b))), "not a and not b");
  EXPECT_EQ(print(not_(not_(a))), "not not a");
  EXPECT_EQ(print(neg(not_(a))), "-(not a)");
  EXPECT_EQ(print(bin(BinaryOp::Add, a, not_(b))), "a + (not b)");
}

TEST(Printer, Types) {
  EXPECT_EQ(print(ty("Int")), "Int");
  EXPECT_EQ(print(ty("List", {ty("String")})), "List[String]");
  EXPECT_EQ(print(ty("UnsafePointer", {ty("List", {ty("Int")}), ty("MutUntrackedOrigin")})),
            "UnsafePointer[List[Int], MutUntrackedOrigin]");
}

/* --- Statements -------------------------------------------------------- */

TEST(Printer, SimpleStatements) {
  EXPECT_EQ(print(stmt(VarDecl{"x", ty("Int"), std::nullopt})), "var x: Int\n");
  EXPECT_EQ(print(stmt(VarDecl{"x", std::nullopt, num(1)})), "var x = 1\n");
  EXPECT_EQ(print(stmt(VarDecl{"x", ty("Int"), num(1)})), "var x: Int = 1\n");
  EXPECT_EQ(print(stmt(RefDecl{"r", field(name("s"), "f")})), "ref r = s.f\n");
  EXPECT_EQ(print(stmt(Assign{index(name("p"), {}), transfer(name("v"))})), "p[] = v^\n");
  EXPECT_EQ(print(stmt(AugAssign{BinaryOp::Add, name("x"), num(1)})), "x += 1\n");
  EXPECT_EQ(print(stmt(AugAssign{BinaryOp::Sub, name("x"), num(1)})), "x -= 1\n");
  EXPECT_EQ(print(stmt(AugAssign{BinaryOp::Mul, name("x"), num(1)})), "x *= 1\n");
  EXPECT_EQ(print(stmt(AugAssign{BinaryOp::FloorDiv, name("x"), num(1)})), "x //= 1\n");
  EXPECT_EQ(print(stmt(AugAssign{BinaryOp::Mod, name("x"), num(1)})), "x %= 1\n");
  EXPECT_EQ(print(stmt(Discard{name("x")})), "_ = x\n");
  EXPECT_EQ(print(expr_stmt(call(name("print"), {pos(name("x"))}))), "print(x)\n");
  EXPECT_EQ(print(stmt(Break{})), "break\n");
  EXPECT_EQ(print(stmt(Continue{})), "continue\n");
  EXPECT_EQ(print(pass()), "pass\n");
  EXPECT_EQ(print(stmt(Return{})), "return\n");
  EXPECT_EQ(print(stmt(Return{transfer(name("x"))})), "return x^\n");
  EXPECT_EQ(print(stmt(Raise{call(name("Error"), {pos(str("boom"))})})), "raise Error(\"boom\")\n");
  EXPECT_EQ(print(pass(), 2), "        pass\n");
}

TEST(Printer, CompoundStatementsAndNestedBlocks) {
  If chain;
  chain.branches.push_back({name("a"), {pass()}});
  chain.branches.push_back({name("b"), {stmt(Break{})}});
  chain.orelse = Block{stmt(Continue{})};
  While loop{bin(BinaryOp::Lt, name("i"), num(10)),
             {stmt(chain), stmt(AugAssign{BinaryOp::Add, name("i"), num(1)})}};
  For each{"x", call(name("range"), {pos(num(3))}), {stmt(loop)}};
  EXPECT_EQ(print(stmt(each), 1),
            "    for x in range(3):\n"
            "        while i < 10:\n"
            "            if a:\n"
            "                pass\n"
            "            elif b:\n"
            "                break\n"
            "            else:\n"
            "                continue\n"
            "            i += 1\n");

  // An `if` inside `else` stays nested: it is not an `elif`.
  If inner;
  inner.branches.push_back({name("b"), {pass()}});
  If outer;
  outer.branches.push_back({name("a"), {pass()}});
  outer.orelse = Block{stmt(inner)};
  EXPECT_EQ(print(stmt(outer)),
            "if a:\n"
            "    pass\n"
            "else:\n"
            "    if b:\n"
            "        pass\n");
}

TEST(Printer, TryExcept) {
  Try named{{stmt(Raise{call(name("Error"))})}, "e", {expr_stmt(call(name("print"), {pos(name("e"))}))}};
  EXPECT_EQ(print(stmt(named)),
            "try:\n"
            "    raise Error()\n"
            "except e:\n"
            "    print(e)\n");
  Try anonymous{{pass()}, std::nullopt, {pass()}};
  EXPECT_EQ(print(stmt(anonymous)), "try:\n    pass\nexcept:\n    pass\n");
}

/* --- Declarations ------------------------------------------------------ */

TEST(Printer, FunctionSignatures) {
  Function f = def("f",
                   {param("a", ty("Int")), param("b", ty("Int"), Convention::Mut),
                    param("c", ty("String"), Convention::Var), param("d", ty("Int"), Convention::Out),
                    param("e", ty("T"), Convention::Deinit), param("g", ty("T"), Convention::Ref)},
                   {pass()});
  EXPECT_EQ(print(f), "def f(a: Int, mut b: Int, var c: String, out d: Int, deinit e: T, ref g: T):\n"
                      "    pass\n");

  Param origin_ref = param("h", ty("T"), Convention::Ref);
  origin_ref.origins = {name("o1"), field(name("self"), "x")};
  Param with_default = param("n", ty("Int"));
  with_default.default_value = num(0);
  Param kw_only = param("copy", ty("Self"));
  kw_only.keyword_only = true;
  Param kw_only2 = param("k", ty("Bool"));
  kw_only2.keyword_only = true;
  kw_only2.default_value = boolean(false);
  Function g = def("g", {origin_ref, with_default, kw_only, kw_only2}, {pass()});
  g.raises = true;
  g.result = ResultType{ty("Int"), true, {name("o1")}};
  EXPECT_EQ(print(g), "def g(ref[o1, self.x] h: T, n: Int = 0, *, copy: Self, k: Bool = False) raises "
                      "-> ref[o1] Int:\n"
                      "    pass\n");

  Function all_keyword_only = def("k", {kw_only}, {pass()});
  all_keyword_only.result = ResultType{ty("List", {ty("Int")}), false, {}};
  EXPECT_EQ(print(all_keyword_only), "def k(*, copy: Self) -> List[Int]:\n    pass\n");
  EXPECT_EQ(print(def("main", {}, {pass()}), 1), "    def main():\n        pass\n");
}

TEST(Printer, StructWithLifecycleMethods) {
  Struct s;
  s.name = "Pair";
  s.decorators = {Decorator{"fieldwise_init", std::nullopt, {}},
                  Decorator{"explicit_destroy", "use \"close\"\n", {}}};
  s.traits = {TraitRef{"Copyable", false, {}}, TraitRef{"Deinitable", true, {}}};
  s.fields = {FieldDecl{"a", ty("Int"), {}}, FieldDecl{"b", ty("List", {ty("Int")}), {}}};

  Param self_out = param("self", std::nullopt, Convention::Out);
  Param copy = param("copy", ty("Self"));
  copy.keyword_only = true;
  Param move = param("move", ty("Self"), Convention::Deinit);
  move.keyword_only = true;
  Function copy_init = def("__init__", {self_out, copy},
                           {stmt(Assign{field(name("self"), "a"), field(name("copy"), "a")})});
  Function move_init = def("__init__", {self_out, move},
                           {stmt(Assign{field(name("self"), "a"), field(name("move"), "a")})});
  Function deinit = def("__deinit__", {param("self", std::nullopt, Convention::Deinit)}, {pass()});
  Function getter = def("get", {param("self", std::nullopt)}, {stmt(Return{field(name("self"), "a")})});
  s.methods = {copy_init, move_init, deinit, getter};

  EXPECT_EQ(print(s),
            "@fieldwise_init\n"
            "@explicit_destroy(\"use \\\"close\\\"\\n\")\n"
            "struct Pair(Copyable, Deinitable where False):\n"
            "    var a: Int\n"
            "    var b: List[Int]\n"
            "\n"
            "    def __init__(out self, *, copy: Self):\n"
            "        self.a = copy.a\n"
            "\n"
            "    def __init__(out self, *, deinit move: Self):\n"
            "        self.a = move.a\n"
            "\n"
            "    def __deinit__(deinit self):\n"
            "        pass\n"
            "\n"
            "    def get(self):\n"
            "        return self.a\n");
}

TEST(Printer, StructsWithOnlyFieldsOrOnlyMethods) {
  Struct fields_only;
  fields_only.name = "P";
  fields_only.fields = {FieldDecl{"x", ty("Int"), {}}, FieldDecl{"y", ty("Int"), {}}};
  EXPECT_EQ(print(fields_only), "struct P:\n    var x: Int\n    var y: Int\n");

  Struct methods_only;
  methods_only.name = "M";
  methods_only.traits = {TraitRef{"Movable", true, {}}};
  methods_only.methods = {def("a", {param("self", std::nullopt)}, {pass()}),
                          def("b", {param("self", std::nullopt, Convention::Mut)}, {pass()})};
  EXPECT_EQ(print(methods_only),
            "struct M(Movable where False):\n"
            "    def a(self):\n"
            "        pass\n"
            "\n"
            "    def b(mut self):\n"
            "        pass\n");
}

TEST(Printer, ModuleSeparatesItemsByOneBlankLine) {
  Module m;
  m.items.push_back(Item{Import{"std.memory", {"OwnedPointer", "UnsafePointer"}, {}}});
  m.items.push_back(Item{Import{"memory", {}, {}}});
  Struct s;
  s.name = "S";
  s.fields = {FieldDecl{"x", ty("Int"), {}}};
  m.items.push_back(Item{s});
  Function main_fn = def("main", {}, {stmt(VarDecl{"s", std::nullopt, call(name("S"), {pos(num(1))})}),
                                      expr_stmt(call(name("print"), {pos(field(name("s"), "x"))}))});
  m.items.push_back(Item{main_fn});
  EXPECT_EQ(print(m),
            "from std.memory import OwnedPointer, UnsafePointer\n"
            "\n"
            "import memory\n"
            "\n"
            "struct S:\n"
            "    var x: Int\n"
            "\n"
            "def main():\n"
            "    var s = S(1)\n"
            "    print(s.x)\n");
  EXPECT_EQ(print(Module{}), "");
}

TEST(Printer, HandlesWideAndDeepTrees) {
  // Everything is appended to one buffer, so a wide tree prints in linear time
  // and a deep one does not copy its sub-results at every level.
  std::vector<Expr> many;
  for (int i = 0; i < 100000; ++i) many.push_back(num(7));
  EXPECT_EQ(print(list(std::move(many))).size(), 2 + 100000 * 3 - 2);

  Expr right_nested = name("x");
  for (int i = 0; i < 1000; ++i) right_nested = bin(BinaryOp::Sub, num(1), std::move(right_nested));
  const std::string text = print(right_nested);
  EXPECT_EQ(text.substr(0, 10), "1 - (1 - (");
  EXPECT_EQ(text.size(), 1000 * 4 + 999 * 2 + 1);  // "1 - " per level, 999 paren pairs, "x"
}

}  // namespace
}  // namespace ownmodel
