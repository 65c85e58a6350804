// The judgment-directed program generator (generators/program_gen.h): what it
// generates is accepted by the mojo-1.0 checker, runs on the machine without a
// fault on every input, covers every feature group, respects the swarm
// switches, and survives print ∘ parse.

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <chrono>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include <fmt/format.h>

#include "check_cases.h"
#include "generators/program_gen.h"
#include "model/check/check.h"
#include "model/diagnostics/diagnostic.h"
#include "model/diagnostics/source.h"
#include "model/syntax/overloaded.h"
#include "model/syntax/parser.h"
#include "model/syntax/print.h"
#include "reference-impl/machine.h"

namespace ownmodel {
namespace {

constexpr std::uint64_t kSeed = 20260601;

/// Case `i` of a campaign, the way campaigns regenerate it: a split of one
/// seeded rc::Random, and a size that cycles through 0..100.
template <class T>
T generate(const rc::Gen<T>& gen, rc::Random& random, int i) {
  return gen(random.split(), i % 101).value();
}

std::string first_error(const CheckResult& r) {
  for (const Diagnostic& d : r.diagnostics)
    if (d.severity == Severity::Error)
      return fmt::format("{}:{}: [{}] {}", d.span.line, d.span.col, d.code, d.message);
  return "(no error diagnostic)";
}

TEST(ProgramGen, AtLeast95PercentOfGeneratedProgramsAreAccepted) {
  const auto gen = gen::accepted_program();
  rc::Random random(kSeed);
  constexpr int kCases = 2000;
  int accepted = 0;
  std::vector<std::string> rejections;
  std::map<std::string, int> by_rule;
  double generating = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < kCases; ++i) {
    const auto before = std::chrono::steady_clock::now();
    const ast::Module m = generate(gen, random, i);
    generating += std::chrono::duration<double>(std::chrono::steady_clock::now() - before).count();
    const CheckResult r = check_module(m, RuleSet());
    if (r.accepted) {
      ++accepted;
    } else {
      for (const Diagnostic& d : r.diagnostics)
        if (d.severity == Severity::Error) {
          ++by_rule[d.code];
          break;
        }
      if (rejections.size() < 10) rejections.push_back(first_error(r) + "\n" + print(m));
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "accepted " << accepted << " of " << kCases << "; " << kCases / generating
            << " programs/s generated, " << kCases / seconds << " programs/s generated and checked\n";
  for (const auto& [rule, n] : by_rule) std::cout << "  first error [" << rule << "]: " << n << "\n";
  std::string shown;
  for (const std::string& r : rejections) shown += "--- rejected:\n" + r;
  EXPECT_GE(accepted, kCases * 95 / 100) << shown;
  if (std::getenv("OWNMODEL_SHOW_REJECTIONS") != nullptr) std::cout << shown;
}

/// The Bool inputs of `main`.
std::vector<std::string> main_inputs(const ast::Module& m) {
  for (const ast::Item& item : m.items)
    if (const auto* f = std::get_if<ast::Function>(&item.node); f != nullptr && f->name == "main") {
      std::vector<std::string> names;
      for (const ast::Param& p : f->params) names.push_back(p.name);
      return names;
    }
  return {};
}

/// What is wrong with the runs of an accepted program on every combination of
/// its inputs; empty when each run finishes without a fault.
std::string run_problem(const ir::Module& module, const std::vector<std::string>& inputs) {
  for (unsigned bits = 0; bits < (1u << inputs.size()); ++bits) {
    run::MapOracle oracle;
    for (std::size_t k = 0; k < inputs.size(); ++k)
      oracle.arguments[inputs[k]] = run::InputValue{((bits >> k) & 1u) != 0};
    run::Program program;
    program.module = &module;
    program.accepted = true;
    program.oracle = &oracle;
    program.limits.max_steps = 1'000'000;  // generated loops run at most 27 iterations
    const run::Outcome outcome = run::run_program(program);
    if (outcome.stop.kind != run::StopKind::Finished || outcome.checker_unsound)
      return fmt::format("inputs {:b}: {} after {} steps: {}", bits, run::stop_name(outcome.stop.kind),
                         outcome.steps,
                         outcome.stop.fault ? run::render_fault(*outcome.stop.fault) : outcome.stop.message);
  }
  return {};
}

OWNMODEL_PROP(ProgramGen, AcceptedProgramsRunWithoutFaultOnEveryInput, 600, ()) {
  const ast::Module m = *rc::gen::resize(100, gen::accepted_program());
  const CheckResult r = check_module(m, RuleSet());
  RC_PRE(r.accepted);
  RC_ASSERT(r.elaborated.has_value());
  const std::string problem = run_problem(*r.elaborated, main_inputs(m));
  if (!problem.empty()) RC_LOG() << problem << "\n" << print(m);
  RC_ASSERT(problem.empty());
}

/* --- Feature groups ------------------------------------------------------- */

/// Which feature groups a program shows: constructs of `main`, and the
/// declarations (structs, helpers) only that group brings in.
std::set<std::string> groups_in(const ast::Module& m) {
  std::set<std::string> seen;
  std::function<void(const ast::Expr&, bool)> expr = [&](const ast::Expr& e, bool callee) {
    std::visit(Overloaded{
                   [&](const ast::ListLit& l) {
                     seen.insert("list");
                     for (const ast::Expr& x : l.elements) expr(x, false);
                   },
                   [&](const ast::Name& n) {
                     if (n.id == "OwnedPointer") seen.insert("owned_pointer");
                     if (n.id == "alloc") seen.insert("unsafe_pointer");
                     if (n.id == "List") seen.insert("list");
                   },
                   [&](const ast::Field& f) {
                     if (!callee) seen.insert("fields");
                     if (callee && f.field == "copy") seen.insert("transfers");
                     // `x^.close()`: a consuming receiver belongs to the linear group.
                     if (const auto* t = std::get_if<ast::Transfer>(&f.base->node); t != nullptr && callee)
                       return expr(*t->operand, false);
                     expr(*f.base, false);
                   },
                   [&](const ast::Index& i) {
                     expr(*i.base, false);
                     for (const ast::Expr& x : i.indices) expr(x, false);
                   },
                   [&](const ast::Transfer& t) {
                     seen.insert("transfers");
                     expr(*t.operand, false);
                   },
                   [&](const ast::Call& c) {
                     expr(*c.callee, true);
                     for (const ast::Arg& a : c.args) expr(*a.value, false);
                   },
                   [&](const ast::Unary& u) { expr(*u.operand, false); },
                   [&](const ast::Binary& b) {
                     expr(*b.lhs, false);
                     expr(*b.rhs, false);
                   },
                   [](const auto&) {},
               },
               e.node);
  };
  std::function<void(const ast::Block&)> block = [&](const ast::Block& b) {
    for (const ast::Stmt& s : b) {
      std::visit(Overloaded{
                     [&](const ast::VarDecl& v) {
                       if (v.type && v.type->name == "List") seen.insert("list");
                       if (v.init) expr(*v.init, false);
                     },
                     [&](const ast::RefDecl& r) {
                       seen.insert("refs");
                       expr(r.place, false);
                     },
                     [&](const ast::Assign& a) {
                       expr(a.target, false);
                       expr(a.value, false);
                     },
                     [&](const ast::AugAssign& a) {
                       expr(a.target, false);
                       expr(a.value, false);
                     },
                     [&](const ast::Discard& d) { expr(d.value, false); },
                     [&](const ast::ExprStmt& e) { expr(e.expr, false); },
                     [&](const ast::If& i) {
                       seen.insert("branches");
                       for (const ast::If::Branch& br : i.branches) {
                         expr(br.cond, false);
                         block(br.body);
                       }
                       if (i.orelse) block(*i.orelse);
                     },
                     [&](const ast::While& w) {
                       seen.insert("loops");
                       expr(w.cond, false);
                       block(w.body);
                     },
                     [&](const ast::For& f) {
                       seen.insert("loops");
                       expr(f.iterable, false);
                       block(f.body);
                     },
                     [&](const ast::Raise& r) {
                       seen.insert("errors");
                       expr(r.value, false);
                     },
                     [&](const ast::Try& t) {
                       seen.insert("errors");
                       block(t.body);
                       block(t.handler);
                     },
                     [](const auto&) {},
                 },
                 s.node);
    }
  };
  for (const ast::Item& item : m.items) {
    if (const auto* s = std::get_if<ast::Struct>(&item.node)) {
      for (const ast::Function& f : s->methods)
        if (f.name == "__deinit__") seen.insert("structs");
      for (const ast::TraitRef& t : s->traits)
        if (t.where_false) seen.insert("linear");
    }
    if (const auto* f = std::get_if<ast::Function>(&item.node)) {
      if (f->name == "main") {
        block(f->body);
        continue;
      }
      if (f->raises) seen.insert("errors");
      if (f->result && f->result->is_ref) seen.insert("refs");
      for (const ast::Param& p : f->params) {
        using enum ast::Convention;
        if (p.convention == Mut || p.convention == Var || p.convention == Out) seen.insert("conventions");
        if (p.convention == Ref) seen.insert("refs");
      }
    }
  }
  return seen;
}

std::map<std::string, bool> switches(const gen::Features& f) {
  return {{"structs", f.structs},
          {"fields", f.fields && f.structs},  // fields are those of the structs
          {"linear", f.linear},
          {"conventions", f.conventions},
          {"transfers", f.transfers},
          {"refs", f.refs},
          {"owned_pointer", f.owned_pointer},
          {"list", f.list},
          {"unsafe_pointer", f.unsafe_pointer},
          {"branches", f.branches},
          {"loops", f.loops},
          {"errors", f.errors}};
}

TEST(ProgramGen, EveryFeatureGroupAppearsAndASwitchedOffGroupNever) {
  rc::Random random(kSeed + 1);
  const auto features = gen::swarm_features();
  constexpr int kCases = 1000;
  std::map<std::string, int> on, shown;
  for (int i = 0; i < kCases; ++i) {
    const gen::Features f = generate(features, random, i);
    const ast::Module m = generate(gen::accepted_program(f, 10), random, 100);
    const std::set<std::string> seen = groups_in(m);
    for (const auto& [group, enabled] : switches(f)) {
      if (enabled) ++on[group];
      if (seen.count(group) == 0) continue;
      ++shown[group];
      ASSERT_TRUE(enabled) << "group '" << group << "' is switched off but appears in\n" << print(m);
    }
  }
  for (const auto& [group, n] : on) {
    std::cout << "  " << group << ": on in " << n << ", shown in " << shown[group] << "\n";
    // A group that is on shows in most programs of 10 statements.
    EXPECT_GE(shown[group], n / 3) << group;
  }
}

TEST(ProgramGen, SwarmSwitchesEachGroupOnAboutHalfTheTime) {
  rc::Random random(kSeed + 2);
  const auto features = gen::swarm_features();
  std::map<std::string, int> on;
  constexpr int kCases = 1000;
  for (int i = 0; i < kCases; ++i)
    for (const auto& [group, enabled] : switches(generate(features, random, i)))
      if (enabled && group != "fields") ++on[group];
  ASSERT_EQ(on.size(), 11u);
  for (const auto& [group, n] : on) {
    EXPECT_GT(n, kCases * 4 / 10) << group;
    EXPECT_LT(n, kCases * 6 / 10) << group;
  }
}

/* --- Determinism, round trip, shrinking ------------------------------------ */

TEST(ProgramGen, SameSeedAndSizeGiveTheSameProgram) {
  const auto gen = gen::accepted_program();
  for (int i = 0; i < 50; ++i) {
    const rc::Random r1(kSeed + i), r2(kSeed + i);
    EXPECT_EQ(print(gen(r1, i * 2).value()), print(gen(r2, i * 2).value()));
  }
}

OWNMODEL_PROP(ProgramGen, ParseOfPrintGivesTheSameTree, 500, ()) {
  const ast::Module m = *gen::accepted_program();
  const std::string text = print(m);
  const ParseResult parsed = parse(SourceFile("generated.mojo", text));
  RC_ASSERT(parsed.diagnostics.empty());
  RC_ASSERT(parsed.module.has_value());
  RC_ASSERT(*parsed.module == m);
}

TEST(ProgramGen, ShrinksAreAcceptedProgramsToo) {
  // A campaign walks Shrinkable::shrinks() to minimise: every shrink is again
  // a legal program, and some are shorter.
  const auto gen = gen::accepted_program(gen::Features::all(), 6);
  rc::Random random(kSeed + 3);
  for (int i = 0; i < 5; ++i) {
    const rc::Shrinkable<ast::Module> s = gen(random.split(), 100);
    const std::size_t size = print(s.value()).size();
    bool shorter = false;
    int walked = 0;
    for (auto shrinks = s.shrinks(); walked < 60; ++walked) {
      const rc::Maybe<rc::Shrinkable<ast::Module>> next = shrinks.next();
      if (!next) break;
      const ast::Module m = next->value();
      shorter = shorter || print(m).size() < size;
      const CheckResult r = check_module(m, RuleSet());
      EXPECT_TRUE(r.accepted) << first_error(r) << "\n" << print(m);
    }
    EXPECT_TRUE(shorter);
  }
}

}  // namespace
}  // namespace ownmodel

namespace ownmodel {
namespace {

// OWNMODEL_DUMP_PROGRAMS=N prints N programs with every feature on (for reading, not a check).
TEST(ProgramGen, DumpOnRequest) {
  const char* n = std::getenv("OWNMODEL_DUMP_PROGRAMS");
  if (n == nullptr) GTEST_SKIP() << "set OWNMODEL_DUMP_PROGRAMS=N to print N programs";
  const auto gen = gen::accepted_program(gen::Features::all(), 10);
  rc::Random random(kSeed);
  for (int i = 0; i < std::atoi(n); ++i) std::cout << "--- program " << i << "\n" << gen::build_source(gen::Features::all(), gen::plan(10)(random.split(), 100).value());
}

}  // namespace
}  // namespace ownmodel
