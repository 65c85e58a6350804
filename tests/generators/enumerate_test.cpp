// The exhaustive enumerator (generators/enumerate.h): exact cardinality,
// index → program bijection, shards, canonical naming, well-formedness.
//
// The reference for the counting is a brute-force generator written here
// independently of the tables: it builds every body of a space as text by
// plain structural recursion over the grammar, with no counting at all.

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "generators/enumerate.h"
#include "model/check/check.h"
#include "model/diagnostics/source.h"
#include "model/rules/rule_set.h"
#include "model/syntax/parser.h"
#include "model/syntax/print.h"

namespace ownmodel {
namespace {

using enumerate::BigInt;
using enumerate::Cursor;
using enumerate::Form;
using enumerate::Space;
using enumerate::SpaceParams;

SpaceParams params_of(const std::string& spec) {
  const enumerate::SpaceParse parsed = enumerate::parse_space(spec);
  if (!parsed.params) throw std::invalid_argument(parsed.error);
  return *parsed.params;
}

/* --- Brute force ---------------------------------------------------------- */

struct Partial {
  std::string text;  // the statements, printed
  int declared;      // declarations so far (the next fresh name)
  int ifs;           // if statements so far
};

class BruteForce {
 public:
  explicit BruteForce(const SpaceParams& p) : p_(p) {}

  std::vector<std::string> bodies() {
    std::vector<std::string> out;
    for (Partial& b : blocks(p_.depth, {}, 0, 0, 1)) out.push_back(std::move(b.text));
    return out;
  }

 private:
  static std::string pad(int indent) { return std::string(static_cast<std::size_t>(indent) * 4, ' '); }
  static std::string v(int k) { return "v" + std::to_string(k); }

  std::vector<Partial> blocks(int e, const std::vector<int>& scope, int c, int f, int indent) {
    std::vector<Partial> out;
    for (int n = 1; n <= p_.width; ++n)
      for (Partial& s : seqs(e, scope, c, f, n, indent)) out.push_back(std::move(s));
    return out;
  }

  std::vector<Partial> seqs(int e, const std::vector<int>& scope, int c, int f, int n, int indent) {
    if (n == 0) return {Partial{"", c, f}};
    struct First {
      std::string text;
      bool declares;
      int declared_after;
      int ifs_after;
    };
    std::vector<First> firsts;
    const std::string at = pad(indent);
    const int ifs = f;
    const auto plain = [&](Form f, const std::string& line) {
      if (p_.has(f)) firsts.push_back({at + line + "\n", false, c, ifs});
    };
    const auto decl = [&](Form f, const std::string& line) {
      if (p_.has(f) && c < p_.variables) firsts.push_back({at + line + "\n", true, c + 1, ifs});
    };
    for (int l = 1; l <= p_.literals; ++l) decl(Form::Decl, "var " + v(c) + " = Obj(" + std::to_string(l) + ")");
    for (int j : scope) {
      for (int l = 1; l <= p_.literals; ++l) {
        plain(Form::Assign, v(j) + " = Obj(" + std::to_string(l) + ")");
        plain(Form::SetField, v(j) + ".n = " + std::to_string(l));
      }
      decl(Form::Move, "var " + v(c) + " = " + v(j) + "^");
      plain(Form::Consume, "consume(" + v(j) + "^)");
      plain(Form::Show, "show(" + v(j) + ")");
      plain(Form::Bump, "bump(" + v(j) + ")");
      decl(Form::Copy, "var " + v(c) + " = " + v(j) + ".copy()");
      plain(Form::Print, "print(" + v(j) + ".n)");
      decl(Form::Ref, "ref " + v(c) + " = " + v(j));
    }
    if (e > 0 && (!p_.ifs || ifs < *p_.ifs)) {
      for (const Partial& then : blocks(e - 1, scope, c, ifs + 1, indent + 1)) {
        if (p_.has(Form::If)) firsts.push_back({at + "if a:\n" + then.text, false, then.declared, then.ifs});
        if (!p_.has(Form::IfElse)) continue;
        for (const Partial& orelse : blocks(e - 1, scope, then.declared, then.ifs, indent + 1))
          firsts.push_back({at + "if a:\n" + then.text + at + "else:\n" + orelse.text, false, orelse.declared,
                            orelse.ifs});
      }
    }
    std::vector<Partial> out;
    for (const First& first : firsts) {
      std::vector<int> after = scope;
      if (first.declares) after.push_back(c);
      for (Partial& rest : seqs(e, after, first.declared_after, first.ifs_after, n - 1, indent))
        out.push_back(Partial{first.text + rest.text, rest.declared, rest.ifs});
    }
    return out;
  }

  SpaceParams p_;
};

std::string printed_main(const ast::Module& m) { return print(std::get<ast::Function>(m.items.back().node)); }

/* --- Counting and the bijection ------------------------------------------- */

// Spaces small enough to brute-force, each exercising a different corner of
// the tables (no ifs, if-only, deep nesting, the declaration bound, literals).
const char* const brute_spaces[] = {
    "tiny",
    "P{1,2,0,3}",
    "P{2,2,1,2}:decl,assign,setfield,show,ifelse",
    "P{1,3,2,2,2}:decl,move,consume,ifelse,if",
    "P{1,1,3,2}:decl,show,if",
    "P{1,3,3,2,2}:decl,copy,ref,show,ifelse",
    "P{1,2,1,2}:decl,copy,ref,print,bump,ifelse",
    "P{1,3,1,3,0}:decl,move,show",
    "P{3,1,1,1}",
};

TEST(Enumerate, CardinalityEqualsTheBruteForceCount) {
  for (const char* spec : brute_spaces) {
    const Space space(params_of(spec));
    const std::vector<std::string> bodies = BruteForce(space.params()).bodies();
    EXPECT_EQ(space.cardinality(), BigInt(bodies.size())) << spec;
  }
}

TEST(Enumerate, DecodingEveryIndexGivesExactlyTheBruteForceSpace) {
  for (const char* spec : brute_spaces) {
    const Space space(params_of(spec));
    std::set<std::string> brute;
    for (const std::string& b : BruteForce(space.params()).bodies()) brute.insert("def main(a: Bool):\n" + b);
    std::set<std::string> decoded;
    const auto n = static_cast<std::uint64_t>(space.cardinality());
    for (std::uint64_t k = 0; k < n; ++k) decoded.insert(printed_main(space.program(k)));
    EXPECT_EQ(decoded.size(), n) << spec << ": two indices gave the same program";
    EXPECT_TRUE(decoded == brute) << spec << ": the decoded programs are not the space";
  }
}

TEST(Enumerate, CursorAgreesWithTheBijection) {
  const Space space(params_of("P{1,2,1,3}"));
  const BigInt begin = space.cardinality() / 3;
  const BigInt end = begin + 2000;
  Cursor cursor(space, begin, end);
  BigInt expected = begin;
  for (; !cursor.done(); cursor.next(), ++expected) {
    ASSERT_EQ(cursor.index(), expected);
    ASSERT_EQ(cursor.module(), space.program(expected)) << "at index " << expected;
  }
  EXPECT_EQ(expected, end);
  // A range past the end is clipped to the space.
  Cursor tail(space, space.cardinality() - 2, space.cardinality() + 5);
  int seen = 0;
  for (; !tail.done(); tail.next()) ++seen;
  EXPECT_EQ(seen, 2);
}

TEST(Enumerate, IndicesOutsideTheSpaceAreRefused) {
  const Space space(params_of("tiny"));
  EXPECT_THROW((void)space.program(space.cardinality()), std::out_of_range);
  EXPECT_THROW((void)space.program(BigInt(-1)), std::out_of_range);
  EXPECT_NO_THROW((void)space.program(space.cardinality() - 1));
}

// Spaces beyond 2⁶⁴ programs are decoded with big integers: the ends and
// scattered indices still give distinct, well-formed programs that read back.
TEST(Enumerate, SpacesBeyondSixtyFourBitsDecode) {
  const Space space(params_of("P{100,6,1,8,4}"));
  ASSERT_FALSE(space.fits_u64());
  ASSERT_GT(space.cardinality(), BigInt(1) << 64);
  std::set<std::string> seen;
  const BigInt n = space.cardinality();
  std::vector<BigInt> indices = {0, 1, 2, n - 1, n - 2, n / 2, n / 2 + 1, (BigInt(1) << 64) + 7};
  for (int k = 1; k < 40; ++k) indices.push_back(n * k / 41 + k);
  for (const BigInt& index : indices) {
    const ast::Module m = space.program(index);
    const std::string text = print(m);
    EXPECT_TRUE(seen.insert(text).second) << "index " << index << " repeats a program";
    const CheckResult r = check_module(m, RuleSet{});
    EXPECT_TRUE(r.elaborated.has_value()) << "index " << index << " is not well formed:\n" << text;
    const ParseResult back = parse(SourceFile("big.mojo", text));
    ASSERT_TRUE(back.module.has_value());
    EXPECT_EQ(*back.module, m);
  }
}

/* --- Shards ----------------------------------------------------------------- */

TEST(Enumerate, ShardsPartitionTheIndexRange) {
  for (const BigInt& cardinality : {BigInt(0), BigInt(1), BigInt(7), BigInt(1000), Space(params_of("small")).cardinality(),
                                   Space(params_of("P{100,6,1,8,4}")).cardinality()}) {
    for (const std::uint64_t n : {1u, 2u, 3u, 7u, 100u, 1001u}) {
      BigInt next = 0;
      BigInt largest = 0, smallest = cardinality;
      for (std::uint64_t k = 0; k < n; ++k) {
        const auto [begin, end] = enumerate::shard_range(cardinality, {k, n});
        ASSERT_EQ(begin, next) << "shard " << k << "/" << n << " of " << cardinality;
        ASSERT_LE(begin, end);
        largest = std::max(largest, BigInt(end - begin));
        smallest = std::min(smallest, BigInt(end - begin));
        next = end;
      }
      EXPECT_EQ(next, cardinality) << n << " shards of " << cardinality;
      EXPECT_LE(largest - smallest, 1) << "shards are balanced";
    }
  }
}

TEST(Enumerate, ShardSpecsAreParsedAndValidated) {
  const auto ok = [](const char* text, std::uint64_t k, std::uint64_t n) {
    const enumerate::ShardParse s = enumerate::parse_shard(text);
    ASSERT_TRUE(s.shard.has_value()) << text << ": " << s.error;
    EXPECT_EQ(*s.shard, (enumerate::Shard{k, n}));
  };
  ok("0/1", 0, 1);
  ok("3/7", 3, 7);
  ok("99/100", 99, 100);
  const auto bad = [](const char* text, const char* why) {
    const enumerate::ShardParse s = enumerate::parse_shard(text);
    EXPECT_FALSE(s.shard.has_value()) << text;
    EXPECT_NE(s.error.find(why), std::string::npos) << text << ": " << s.error;
  };
  bad("7/7", "K must be below N");
  bad("8/7", "K must be below N");
  bad("0/0", "N must be at least 1");
  bad("3", "expected K/N");
  bad("-1/4", "decimal");
  bad("1/4x", "decimal");
  bad("/4", "decimal");
  bad("1/99999999999999999999999", "decimal");
}

/* --- Well-formedness, round trip, verdicts ---------------------------------- */

TEST(Enumerate, EveryTinyProgramIsWellFormedAndReadsBack) {
  const Space space(params_of("tiny"));
  std::uint64_t accepted = 0, rejected = 0;
  for (Cursor cursor(space); !cursor.done(); cursor.next()) {
    const ast::Module& m = cursor.module();
    const std::string text = print(m);
    const CheckResult r = check_module(m, RuleSet{});
    ASSERT_TRUE(r.elaborated.has_value()) << "not well formed (S0):\n" << text;
    for (const Diagnostic& d : r.diagnostics)
      ASSERT_NE(d.code.rfind("S0", 0), 0u) << d.code << " " << d.message << "\n" << text;
    (r.accepted ? accepted : rejected) += 1;
    const ParseResult back = parse(SourceFile("tiny.mojo", text));
    ASSERT_TRUE(back.module.has_value()) << text;
    ASSERT_TRUE(back.diagnostics.empty()) << text << back.diagnostics.front().message;
    ASSERT_EQ(*back.module, m) << text;
  }
  // The space is there to classify programs, so it must hold both verdicts.
  EXPECT_GT(accepted, 0u);
  EXPECT_GT(rejected, 0u);
}

TEST(Enumerate, TheDefaultSpaceHoldsEveryVerdictAndForm) {
  // Every 97th program of the default space: each form occurs, and both verdicts do.
  const Space space(params_of(std::string(enumerate::default_preset)));
  std::uint64_t accepted = 0, rejected = 0;
  std::set<std::string> words;
  const auto n = static_cast<std::uint64_t>(space.cardinality());
  for (std::uint64_t k = 0; k < n; k += 97) {
    const ast::Module m = space.program(k);
    const CheckResult r = check_module(m, RuleSet{});
    ASSERT_TRUE(r.elaborated.has_value()) << print(m);
    (r.accepted ? accepted : rejected) += 1;
    const std::string text = printed_main(m);
    for (const char* w : {"= Obj(", "^\n", "consume(", "show(", "bump(", ".copy()", "print(", ".n = ", "ref ",
                          "else:", "if a:"})
      if (text.find(w) != std::string::npos) words.insert(w);
  }
  EXPECT_GT(accepted, 0u);
  EXPECT_GT(rejected, 0u);
  EXPECT_EQ(words.size(), 11u);
}

TEST(Enumerate, NamesAreCanonical) {
  // The k-th declaration is always vk: the names of a program are read off its shape.
  const Space space(params_of("P{1,3,2,3,3}"));
  for (int k = 0; k < 20000; ++k) {
    const ast::Module m = space.program(space.cardinality() * k / 20000);
    std::vector<std::string> declared;
    const auto walk = [&](const auto& self, const ast::Block& b) -> void {
      for (const ast::Stmt& s : b) {
        if (const auto* d = std::get_if<ast::VarDecl>(&s.node)) declared.push_back(d->name);
        if (const auto* r = std::get_if<ast::RefDecl>(&s.node)) declared.push_back(r->name);
        if (const auto* i = std::get_if<ast::If>(&s.node)) {
          self(self, i->branches[0].body);
          if (i->orelse) self(self, *i->orelse);
        }
      }
    };
    walk(walk, std::get<ast::Function>(m.items.back().node).body);
    for (std::size_t j = 0; j < declared.size(); ++j) ASSERT_EQ(declared[j], "v" + std::to_string(j)) << print(m);
  }
}

/* --- Spec strings and presets ------------------------------------------------ */

// Regression: changing the grammar, the order of forms or the prelude's
// shape changes these numbers, and so every shard already run.
TEST(Enumerate, PresetCardinalitiesArePinned) {
  EXPECT_EQ(Space(params_of("tiny")).cardinality(), BigInt("8344"));
  EXPECT_EQ(Space(params_of("small")).cardinality(), BigInt("103404"));
  EXPECT_EQ(Space(params_of("medium")).cardinality(), BigInt("21687827"));
  EXPECT_EQ(Space(params_of("P{100,6,1,8,4}")).cardinality(), BigInt("67525082007593744641486671788741320147258944994851930189338207737744909471856141692561038185454645798625948667621293464231616585933551401367095853315318107619708099652927201243893203655064278656500"));
}

TEST(Enumerate, PresetsAreWhatTheySay) {
  ASSERT_EQ(enumerate::presets().size(), 3u);
  const BigInt tiny = Space(params_of("tiny")).cardinality();
  const BigInt small = Space(params_of("small")).cardinality();
  const BigInt medium = Space(params_of("medium")).cardinality();
  EXPECT_GE(tiny, 1000);
  EXPECT_LE(tiny, 10000);
  EXPECT_GE(small, 100000);
  EXPECT_LE(small, 1000000);
  EXPECT_GE(medium, 5000000);
  EXPECT_LE(medium, 50000000);
}

TEST(Enumerate, SpecStringsParse) {
  const SpaceParams p = params_of("P{2,3,1,4}");
  EXPECT_EQ(p.literals, 2);
  EXPECT_EQ(p.variables, 3);
  EXPECT_EQ(p.depth, 1);
  EXPECT_EQ(p.width, 4);
  EXPECT_EQ(p.forms, enumerate::all_forms);
  EXPECT_EQ(p.spec(), "P{2,3,1,4}");
  const SpaceParams q = params_of("P{1,2,0,3}:show,decl");
  EXPECT_EQ(q.forms, enumerate::bit(Form::Decl) | enumerate::bit(Form::Show));
  EXPECT_EQ(q.spec(), "P{1,2,0,3}:decl,show");
  EXPECT_EQ(params_of("P{1,2,0,3}:all"), params_of("P{1,2,0,3}"));
  for (const enumerate::Preset& preset : enumerate::presets()) {
    const SpaceParams r = params_of(std::string(preset.name));
    EXPECT_EQ(params_of(r.spec()), r) << preset.name;
    EXPECT_NE(r.describe().find(r.spec()), std::string::npos);
  }
  const SpaceParams b = params_of("P{1,2,3,2,3}");
  ASSERT_EQ(b.ifs, 3);
  EXPECT_EQ(b.spec(), "P{1,2,3,2,3}");
  EXPECT_NE(b.describe().find("at most 3 if statements"), std::string::npos) << b.describe();
  EXPECT_FALSE(params_of("P{1,2,3,2}").ifs.has_value());
  EXPECT_EQ(params_of("P{1,2,1,2}").describe(),
            "P{1,2,1,2}: 1 int literal, at most 2 variables, if-nesting depth at most 1, 1-2 statements per block; "
            "forms decl,assign,move,consume,show,bump,copy,print,setfield,ref,ifelse,if");
}

TEST(Enumerate, BadSpecStringsAreRejectedWithAReason) {
  const auto bad = [](const char* text, const char* why) {
    const enumerate::SpaceParse s = enumerate::parse_space(text);
    EXPECT_FALSE(s.params.has_value()) << text;
    EXPECT_NE(s.error.find(why), std::string::npos) << text << ": " << s.error;
    EXPECT_NE(s.error.find(text), std::string::npos) << "the message quotes the input: " << s.error;
  };
  bad("", "expected a preset");
  bad("huge", "expected a preset");
  bad("P{1,2,3}", "too few numbers");
  bad("P{1,2,3,4,5,6}", "too many numbers");
  bad("P{1,2,3,4", "expected '}'");
  bad("P{1,2,3;4}", "expected ',' or '}' after a number, not ';'");
  bad("P{a,2,3,4}", "decimal numbers");
  bad("P{-1,2,3,4}", "decimal numbers");
  bad("P{01,2,3,4}", "decimal numbers");
  bad("P{ 1,2,3,4}", "decimal numbers");
  bad("P{1,2,1,2,17}", "if statements b must be in [0, 16], not 17");
  bad("P{1,16,8,16,16}", "the counting tables would need");
  bad("P{1,2,8,16}", "programs of this space could have more than 2000 statements");
  bad("P{1,2,2,16,100}", "if statements b must be in [0, 16]");
  bad("P{0,2,1,2}", "int literals i must be in [1, 100], not 0");
  bad("P{1,0,1,2}", "variables v must be in [1, 16]");
  bad("P{1,2,9,2}", "if-nesting depth d must be in [0, 8]");
  bad("P{1,2,1,0}", "statements per block w must be in [1, 16]");
  bad("P{1,2,1,2}x", "expected ':'");
  bad("P{1,2,1,2}:", "unknown form ''");
  bad("P{1,2,1,2}:decl,swap", "unknown form 'swap'");
  bad("P{1,2,1,2}:decl,", "unknown form ''");
  SpaceParams zero;
  zero.literals = 0;
  EXPECT_THROW(Space{zero}, std::invalid_argument);
}

}  // namespace
}  // namespace ownmodel
