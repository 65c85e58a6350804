#include "generators/mutate.h"

#include <algorithm>
#include <array>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "model/diagnostics/source.h"
#include "model/syntax/parser.h"

namespace ownmodel::gen {
namespace {

namespace g = rc::gen;

using Inject = std::function<void(Emitter&)>;

struct Injectable {
  Rule rule;
  bool faults;                  ///< every variant faults when the rule is disabled
  std::vector<Inject> variants;
};

/* --- Declarations the injections bring -------------------------------------- */
// Each breaks its rule in its own body; main only calls it.

constexpr const char* kSteal = "def steal(x: R):\n    var y = x^\n    y.show()\n";
constexpr const char* kDrain = "def drain(mut x: R):\n    var s = x.s^\n    print(\"drained\", s)\n";
constexpr const char* kMakeBad = "def make_bad(out res: R):\n    print(\"not made\")\n";
constexpr const char* kPushTwice =
    "def push_twice(mut xs: List[Int], ref v: Int):\n    xs.append(1)\n    xs.append(v)\n";
constexpr const char* kPushTwiceStr =
    "def push_twice_str(mut xs: List[String], ref v: String):\n    xs.append(\"p\")\n    xs.append(v)\n";
constexpr const char* kDangle = "def dangle(ref x: Int) -> ref[x] Int:\n    var t = x + 1\n    return t\n";
constexpr const char* kHalf =
    "struct Half:\n    var n: Int\n    var s: String\n\n    def __init__(out self, n: Int):\n"
    "        self.n = n\n\n    def __deinit__(deinit self):\n        print(\"del half\", self.s)\n";
constexpr const char* kEarly =
    "struct Early:\n    var s: String\n\n    def __init__(out self, s: String):\n        self.show()\n"
    "        self.s = s\n\n    def show(self):\n        print(\"early\", self.s)\n";
constexpr const char* kPlain = "@fieldwise_init\nstruct Plain(Movable):\n    var n: Int\n";
constexpr const char* kSetBad = "def set_bad(x: R):\n    x.n = 5\n";
constexpr const char* kVia = "def via(x: Int):\n    inc(x)\n";
constexpr const char* kGrow = "def grow(xs: List[Int]):\n    xs.append(1)\n";
constexpr const char* kPinned =
    "struct Pinned(Movable where False):\n    var n: Int\n\n    def __init__(out self, n: Int):\n"
    "        self.n = n\n";
constexpr const char* kBadDefault = "def bad_default(mut x: Int = 0):\n    x += 1\n";
constexpr const char* kBadReturn = "def bad_return(out res: Int):\n    res = 1\n    return res\n";

const std::vector<Injectable>& table() {
  static const std::vector<Injectable> t = {
      {Rule::S1, true, {
          // S1: a value used after it was transferred away.
          [](Emitter& e) {
            e.need("R");
            e.need("take_r");
            const std::string v = e.fresh();
            e.line(fmt::format("var {} = R(1, \"x\")", v));
            e.line(fmt::format("take_r({}^)", v));
            e.line(v + ".show()");
          },
          // S1: a variable initialized on one branch only, then read.
          [](Emitter& e) {
            const std::string c = e.bool_input();
            const std::string v = e.fresh();
            e.line(fmt::format("var {}: String", v));
            e.open(fmt::format("if {}:", c));
            e.line(v + " = \"x\"");
            e.close();
            e.line(fmt::format("print({})", v));
          },
          // S1: a value transferred away on one branch, then used.
          [](Emitter& e) {
            e.need("R");
            e.need("take_r");
            const std::string c = e.bool_input();
            const std::string v = e.fresh();
            e.line(fmt::format("var {} = R(1, \"x\")", v));
            e.open(fmt::format("if not {}:", c));
            e.line(fmt::format("take_r({}^)", v));
            e.close();
            e.line(v + ".show()");
          },
      }},
      {Rule::S4a, true, {
          // S4a: a helper transfers out of its immutable (default) argument.
          [](Emitter& e) {
            e.need("R");
            e.declare("steal", kSteal);
            const std::string v = e.fresh();
            e.line(fmt::format("var {} = R(1, \"x\")", v));
            e.line(fmt::format("steal({})", v));
            e.line(v + ".show()");
          },
      }},
      {Rule::S4d, false, {
          // S4d: a whole value consumed, then one of its fields written.
          [](Emitter& e) {
            e.need("R");
            e.need("take_r");
            const std::string v = e.fresh();
            e.line(fmt::format("var {} = R(1, \"x\")", v));
            e.line(fmt::format("take_r({}^)", v));
            e.line(v + ".n = 5");
          },
      }},
      {Rule::S7a, true, {
          // S7a: a helper moves a field out of its mut argument and never puts it back.
          [](Emitter& e) {
            e.need("R");
            e.declare("drain", kDrain);
            const std::string v = e.fresh();
            e.line(fmt::format("var {} = R(1, \"x\")", v));
            e.line(fmt::format("drain({})", v));
            e.line(v + ".show()");
          },
      }},
      {Rule::S7b, true, {
          // S7b: a helper returns without initializing its out argument.
          [](Emitter& e) {
            e.need("R");
            e.declare("make_bad", kMakeBad);
            const std::string v = e.fresh();
            e.line(fmt::format("var {} = make_bad()", v));
            e.line(v + ".show()");
          },
      }},
      {Rule::S7c, true, {
          // S7c: a field moved out and not put back before the value dies.
          [](Emitter& e) {
            e.need("R");
            const std::string v = e.fresh();
            const std::string s = e.fresh();
            e.line(fmt::format("var {} = R(1, \"x\")", v));
            e.line(fmt::format("var {} = {}.s^", s, v));
            e.line(fmt::format("print({})", s));
          },
      }},
      {Rule::S8, true, {
          // S8: a linear value never consumed.
          [](Emitter& e) {
            e.need("L");
            const std::string v = e.fresh();
            e.line(fmt::format("var {} = L(1)", v));
            e.line(v + ".peek()");
          },
          // S8: a linear value consumed on one branch only.
          [](Emitter& e) {
            e.need("L");
            const std::string c = e.bool_input();
            const std::string v = e.fresh();
            e.line(fmt::format("var {} = L(1)", v));
            e.open(fmt::format("if {}:", c));
            e.line(v + "^.close()");
            e.close();
          },
      }},
      {Rule::S9, true, {
          // S9: a List passed mut together with a reference into it; the
          // helper's append reallocates the buffer the reference points into.
          [](Emitter& e) {
            e.declare("push_twice", kPushTwice);
            const std::string v = e.fresh();
            e.line(fmt::format("var {}: List[Int] = [1]", v));
            e.line(fmt::format("push_twice({0}, {0}[0])", v));
            e.line(fmt::format("print(len({}))", v));
          },
          // S9: the same with Strings.
          [](Emitter& e) {
            e.declare("push_twice_str", kPushTwiceStr);
            const std::string v = e.fresh();
            e.line(fmt::format("var {}: List[String] = [\"a\"]", v));
            e.line(fmt::format("push_twice_str({0}, {0}[0])", v));
            e.line(fmt::format("print(len({}))", v));
          },
      }},
      {Rule::S10b, true, {
          // S10b: a helper returns a reference to its own local.
          [](Emitter& e) {
            e.declare("dangle", kDangle);
            const std::string v = e.fresh();
            e.line(fmt::format("var {} = 1", v));
            e.line(fmt::format("print(dangle({}))", v));
          },
      }},
      {Rule::S10c, false, {
          // S10c: a ref bound to a temporary value.
          [](Emitter& e) {
            const std::string v = e.fresh();
            const std::string r = e.fresh();
            e.line(fmt::format("var {} = 1", v));
            e.line(fmt::format("ref {} = {} + 2", r, v));
            e.line(fmt::format("print({})", r));
          },
      }},
      {Rule::S11, true, {
          // S11: an element reference used after an append reallocated the List.
          [](Emitter& e) {
            const std::string v = e.fresh();
            const std::string r = e.fresh();
            e.line(fmt::format("var {}: List[Int] = [1, 2]", v));
            e.line(fmt::format("ref {} = {}[0]", r, v));
            e.line(fmt::format("{}.append(3)", v));
            e.line(fmt::format("print({})", r));
          },
          // S11: the same, with the append on one branch.
          [](Emitter& e) {
            const std::string c = e.bool_input();
            const std::string v = e.fresh();
            const std::string r = e.fresh();
            e.line(fmt::format("var {}: List[String] = [\"a\"]", v));
            e.line(fmt::format("ref {} = {}[0]", r, v));
            e.open(fmt::format("if {}:", c));
            e.line(fmt::format("{}.append(\"b\")", v));
            e.close();
            e.line(fmt::format("print({})", r));
          },
      }},
      {Rule::S3a, true, {
          // S3a: a constructor that leaves a field uninitialized.
          [](Emitter& e) {
            e.declare("Half", kHalf);
            const std::string v = e.fresh();
            e.line(fmt::format("var {} = Half(1)", v));
            e.line(fmt::format("print({}.n)", v));
          },
      }},
      {Rule::S3b, true, {
          // S3b: a constructor calls a method on self before its fields are set.
          [](Emitter& e) {
            e.declare("Early", kEarly);
            const std::string v = e.fresh();
            e.line(fmt::format("var {} = Early(\"x\")", v));
            e.line(v + ".show()");
          },
      }},
      {Rule::S5a, false, {
          // S5a: a Copyable but not ImplicitlyCopyable value copied without .copy().
          [](Emitter& e) {
            e.need("R");
            const std::string v = e.fresh();
            const std::string w = e.fresh();
            e.line(fmt::format("var {} = R(1, \"x\")", v));
            e.line(fmt::format("var {} = {}", w, v));
            e.line(w + ".show()");
            e.line(v + ".show()");
          },
      }},
      {Rule::S5b, true, {
          // S5b: .copy() of a struct that is not Copyable.
          [](Emitter& e) {
            e.declare("Plain", kPlain);
            const std::string v = e.fresh();
            const std::string w = e.fresh();
            e.line(fmt::format("var {} = Plain(1)", v));
            e.line(fmt::format("var {} = {}.copy()", w, v));
            e.line(fmt::format("print({}.n, {}.n)", w, v));
          },
      }},
      {Rule::S6a, false, {
          // S6a: a helper assigns to a field of its immutable argument.
          [](Emitter& e) {
            e.need("R");
            e.declare("set_bad", kSetBad);
            const std::string v = e.fresh();
            e.line(fmt::format("var {} = R(1, \"x\")", v));
            e.line(fmt::format("set_bad({})", v));
            e.line(v + ".show()");
          },
      }},
      {Rule::S6b, false, {
          // S6b: a helper passes its immutable argument to a mut parameter.
          [](Emitter& e) {
            e.need("inc");
            e.declare("via", kVia);
            const std::string v = e.fresh();
            e.line(fmt::format("var {} = 1", v));
            e.line(fmt::format("via({})", v));
            e.line(fmt::format("print({})", v));
          },
      }},
      {Rule::S6c, false, {
          // S6c: a helper appends to a List it received immutably.
          [](Emitter& e) {
            e.declare("grow", kGrow);
            const std::string v = e.fresh();
            e.line(fmt::format("var {}: List[Int] = [1]", v));
            e.line(fmt::format("grow({})", v));
            e.line(fmt::format("print(len({}))", v));
          },
      }},
      {Rule::S2, true, {
          // S2: a struct built field by field, then used as a whole.
          [](Emitter& e) {
            e.need("R");
            const std::string v = e.fresh();
            e.line(fmt::format("var {}: R", v));
            e.line(v + ".n = 1");
            e.line(v + ".s = \"x\"");
            e.line(v + ".show()");
          },
      }},
      {Rule::S4b, true, {
          // S4b: a value of a non-movable type transferred into a new variable.
          [](Emitter& e) {
            e.declare("Pinned", kPinned);
            const std::string v = e.fresh();
            const std::string w = e.fresh();
            e.line(fmt::format("var {} = Pinned(1)", v));
            e.line(fmt::format("var {} = {}^", w, v));
            e.line(fmt::format("print({}.n)", w));
          },
      }},
      {Rule::S4c, true, {
          // S4c: a transfer out of a List element.
          [](Emitter& e) {
            const std::string v = e.fresh();
            const std::string w = e.fresh();
            e.line(fmt::format("var {}: List[String] = [\"a\"]", v));
            e.line(fmt::format("var {} = {}[0]^", w, v));
            e.line(fmt::format("print({})", w));
          },
      }},
      {Rule::S12a, false, {
          // S12a: a mut parameter with a default value.
          [](Emitter& e) {
            e.declare("bad_default", kBadDefault);
            const std::string v = e.fresh();
            e.line(fmt::format("var {} = 1", v));
            e.line(fmt::format("bad_default({})", v));
            e.line(fmt::format("print({})", v));
          },
      }},
      {Rule::S12d, false, {
          // S12d: a function with an out argument returns it by name.
          [](Emitter& e) {
            e.declare("bad_return", kBadReturn);
            const std::string v = e.fresh();
            e.line(fmt::format("var {} = bad_return()", v));
            e.line(fmt::format("print({})", v));
          },
      }},
  };
  return t;
}

const Injectable* find(Rule rule) {
  for (const Injectable& i : table())
    if (i.rule == rule) return &i;
  return nullptr;
}

const Injectable& get(Rule rule) {
  const Injectable* i = find(rule);
  if (i == nullptr) throw std::invalid_argument(fmt::format("no injection for rule {}", spec_name(rule)));
  return *i;
}

}  // namespace

std::span<const Rule> injectable_rules() {
  static const std::vector<Rule> rules = [] {
    std::vector<Rule> out;
    for (const Injectable& i : table()) out.push_back(i.rule);
    return out;
  }();
  return rules;
}

bool faults_when_disabled(Rule rule) {
  const Injectable* i = find(rule);
  return i != nullptr && i->faults;
}

int injection_variants(Rule rule) {
  const Injectable* i = find(rule);
  return i == nullptr ? 0 : static_cast<int>(i->variants.size());
}

std::string violating_source(Rule rule, const Features& features, const Plan& plan, int position, int variant) {
  const Injectable& inj = get(rule);
  InjectionPoint point;
  point.position = std::clamp(position, 0, static_cast<int>(plan.steps.size()));
  const int n = static_cast<int>(inj.variants.size());
  point.inject = inj.variants[static_cast<std::size_t>(((variant % n) + n) % n)];
  return build_source(features, plan, &point);
}

ast::Module violating_module(Rule rule, const Features& features, const Plan& plan, int position, int variant) {
  const std::string text = violating_source(rule, features, plan, position, variant);
  ParseResult parsed = parse(SourceFile("violating.mojo", text));
  if (!parsed.module)
    throw std::logic_error("an injected program does not parse: " +
                           (parsed.diagnostics.empty() ? std::string("?") : parsed.diagnostics.front().message) +
                           "\n" + text);
  return std::move(*parsed.module);
}

rc::Gen<ast::Module> violating_program(Rule rule, const Features& features, int statements) {
  const int variants = injection_variants(get(rule).rule);
  const int steps = std::max(statements, 0);
  return g::apply(
      [rule, features](const Plan& p, int position, int variant) {
        return violating_module(rule, features, p, position, variant);
      },
      plan(steps), g::inRange(0, steps + 1), g::inRange(0, variants));
}

}  // namespace ownmodel::gen
