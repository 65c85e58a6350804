// Properties of the whole pipeline over judgment-directed programs (issue 6):
// a last-use destruction (D1) sits right after the instruction holding the
// last use; Z3 agrees that an accepted program reaches no fault; and the
// four-way oracle finds every generated program accepted and safe, with
// balanced lifecycle events, on every input.
#include <regex>
#include <set>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "campaigns/classify.h"
#include "generators/program_gen.h"
#include "model/check/check.h"
#include "model/ir/print.h"
#include "model/syntax/print.h"
#include "solver/bmc.h"

namespace ownmodel::campaigns {
namespace {

/// The names an instruction's printed form mentions.
std::set<std::string> names_in(const std::string& text) {
  static const std::regex word(R"([A-Za-z_$][A-Za-z0-9_$]*)");
  std::set<std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), word); it != std::sregex_iterator(); ++it)
    out.insert(it->str());
  return out;
}

/// Whether `instr` uses the root slot `root`: by name, or through a reference
/// or pointer slot whose origins contain it (D8).
bool mentions(const ir::Module& m, const ir::Function& f, const ir::Instr& instr, ir::SlotId root) {
  const std::set<std::string> names = names_in(ir::print_instr(m, f, instr));
  if (names.count(f.slots[root].name)) return true;
  for (const ir::Slot& s : f.slots)
    if (names.count(s.name))
      for (const ir::Place& o : s.origins)
        if (o.slot == root) return true;
  return false;
}

/// For every `destroy p [D1]`: the nearest instruction before it in its block
/// that is not a destruction has the same source position and uses p's root —
/// the value dies right after the sub-expression holding its last use (or its
/// initialization). Returns the first violation, or "".
std::string misplaced_last_use_destruction(const ir::Module& m) {
  for (const ir::Function& f : m.functions)
    for (const ir::BasicBlock& b : f.blocks)
      for (std::size_t k = 0; k < b.instrs.size(); ++k) {
        const auto* d = std::get_if<ir::Destroy>(&b.instrs[k].node);
        if (!d || d->rule != Rule::D1 || d->explicit_call) continue;
        std::size_t j = k;
        while (j > 0 && std::holds_alternative<ir::Destroy>(b.instrs[j - 1].node)) --j;
        const std::string what = fmt::format("{}: {} [D1]", f.name, ir::print_instr(m, f, b.instrs[k]));
        if (j == 0) return what + " starts its block: nothing before it holds a use";
        const ir::Instr& before = b.instrs[j - 1];
        if (before.span.line != b.instrs[k].span.line || before.span.col != b.instrs[k].span.col)
          return fmt::format("{} is not at the position of `{}`", what, ir::print_instr(m, f, before));
        if (!mentions(m, f, before, d->place.slot))
          return fmt::format("{} follows `{}`, which does not use it", what, ir::print_instr(m, f, before));
      }
  return {};
}

RC_GTEST_PROP(PipelineProperties, LastUseDestructionFollowsTheLastUse, ()) {
  const ast::Module program = *gen::accepted_program();
  const CheckResult checked = check_module(program, RuleSet());
  RC_PRE(checked.elaborated.has_value());
  const std::string problem = misplaced_last_use_destruction(*checked.elaborated);
  RC_LOG() << print(program) << "\n" << ir::print_module(*checked.elaborated) << "\n" << problem;
  RC_ASSERT(problem.empty());
}

RC_GTEST_PROP(PipelineProperties, AcceptedProgramsAreSafeAndBalancedOnEveryInput, ()) {
  const ast::Module program = *gen::accepted_program();
  const Classification c = classify(program, RuleSet());
  RC_LOG() << print(program) << "\n" << c.category() << " " << c.imbalance << " " << c.internal_error;
  RC_ASSERT(c.quadrant == Quadrant::AcceptedSafe);
  RC_ASSERT(c.imbalance.empty());
}

TEST(PipelineProperties, Z3FindsNoFaultInAcceptedGeneratedPrograms) {
  // The verifier explores every path within the bound, so this is the
  // property "accepted ⇒ no fault" beyond the inputs the machine ran.
  rc::Gen<ast::Module> programs = rc::gen::mapcat(gen::swarm_features(), [](const gen::Features& f) {
    return gen::accepted_program(f, 4);
  });
  int verified = 0;
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    const ast::Module program = programs(rc::Random(seed), 50).value();
    const CheckResult checked = check_module(program, RuleSet());
    ASSERT_TRUE(checked.accepted) << print(program);
    solver::VerifyOptions o;
    o.bound = 2;
    const solver::VerifyResult r = solver::verify(*checked.elaborated, o);
    if (!r.supported) continue;  // outside the encoded subset: not evidence either way
    ++verified;
    for (const solver::KindResult& k : r.kinds)
      EXPECT_NE(k.status, solver::Reach::Reachable) << spec_name(k.kind) << " in\n" << print(program);
  }
  EXPECT_GE(verified, 20);
}

TEST(PipelineProperties, TheLastUseCheckFindsAMisplacedDestruction) {
  // Move a D1 destruction one instruction later than elaboration put it.
  const ast::Module program = gen::accepted_program(gen::Features::all(), 6)(rc::Random(3), 50).value();
  CheckResult checked = check_module(program, RuleSet());
  ASSERT_TRUE(checked.elaborated);
  ASSERT_EQ(misplaced_last_use_destruction(*checked.elaborated), "");
  bool moved = false;
  for (ir::Function& f : checked.elaborated->functions)
    for (ir::BasicBlock& b : f.blocks)
      for (std::size_t k = 0; !moved && k + 1 < b.instrs.size(); ++k)
        if (const auto* d = std::get_if<ir::Destroy>(&b.instrs[k].node);
            d && d->rule == Rule::D1 && !std::holds_alternative<ir::Destroy>(b.instrs[k + 1].node) &&
            b.instrs[k + 1].span.line != b.instrs[k].span.line) {
          std::swap(b.instrs[k], b.instrs[k + 1]);
          moved = true;
        }
  ASSERT_TRUE(moved) << print(program);
  EXPECT_NE(misplaced_last_use_destruction(*checked.elaborated), "");
}

}  // namespace
}  // namespace ownmodel::campaigns
