#include "campaigns/generators.h"

#include <algorithm>

#include <fmt/format.h>

#include "generators/ast_gen.h"
#include "generators/mutate.h"
#include "generators/program_gen.h"

namespace ownmodel::campaigns {
namespace {

std::uint64_t splitmix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

constexpr int kMaxSize = 100;  // RapidCheck's default maximum size

}  // namespace

std::mutex& rapidcheck_mutex() {
  static std::mutex m;
  return m;
}

namespace {

/// Swarm features and about size/10 statements, like accepted_program().
rc::Gen<ast::Module> violating_any_rule() {
  return rc::gen::withSize([](int size) {
    return rc::gen::mapcat(
        rc::gen::pair(rc::gen::elementOf(std::vector<Rule>(gen::injectable_rules().begin(), gen::injectable_rules().end())),
                      gen::swarm_features()),
        [size](const std::pair<Rule, gen::Features>& p) {
          return gen::violating_program(p.first, p.second, std::max(1, size / 10));
        });
  });
}

/// Injection `variant` of `rule` into a small program (0–3 other steps, swarm
/// features), first in main: counterexamples start small, and every variant
/// of the rule gets its turn.
rc::Gen<ast::Module> violating_small(Rule rule, int variant) {
  return rc::gen::mapcat(rc::gen::pair(gen::swarm_features(), rc::gen::inRange(0, 4)),
                         [rule, variant](const std::pair<gen::Features, int>& p) {
                           return rc::gen::map(gen::plan(p.second), [rule, variant, f = p.first](const gen::Plan& plan) {
                             return gen::violating_module(rule, f, plan, 0, variant);
                           });
                         });
}

}  // namespace

// Half judgment-directed accepted programs, a quarter with one injected
// violation of a random rule, a quarter grammar-level trees (mostly rejected
// or ill formed: they exercise the checker's and elaborator's totality).
std::vector<NamedGenerator> default_generators() {
  return {{"judgment", gen::accepted_program()},
          {"mutated", violating_any_rule()},
          {"judgment", gen::accepted_program()},
          {"grammar", gen::module()}};
}

std::vector<NamedGenerator> generators_for_rule(Rule rule) {
  const auto injectable = gen::injectable_rules();
  if (std::find(injectable.begin(), injectable.end(), rule) == injectable.end()) return default_generators();
  std::vector<NamedGenerator> gens;
  for (int v = 0; v < gen::injection_variants(rule); ++v)
    gens.push_back({fmt::format("injection-{}", v + 1), violating_small(rule, v)});
  gens.push_back({"mutated", rc::gen::mapcat(gen::swarm_features(), [rule](const gen::Features& f) {
                    return rc::gen::withSize(
                        [rule, f](int size) { return gen::violating_program(rule, f, std::max(1, size / 10)); });
                  })});
  return gens;
}

rc::Shrinkable<ast::Module> generate_case(const std::vector<NamedGenerator>& generators, std::uint64_t seed,
                                          std::uint64_t index) {
  const NamedGenerator& g = generators[index % generators.size()];
  const int size = static_cast<int>(index % (kMaxSize + 1));
  return g.gen(rc::Random(splitmix(seed ^ splitmix(index))), size);
}

}  // namespace ownmodel::campaigns
