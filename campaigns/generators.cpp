#include "campaigns/generators.h"

#include "generators/ast_gen.h"

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

std::vector<NamedGenerator> default_generators() { return {{"grammar", gen::module()}}; }

std::vector<NamedGenerator> generators_for_rule(Rule) { return default_generators(); }

rc::Shrinkable<ast::Module> generate_case(const std::vector<NamedGenerator>& generators, std::uint64_t seed,
                                          std::uint64_t index) {
  const NamedGenerator& g = generators[index % generators.size()];
  const int size = static_cast<int>(index % (kMaxSize + 1));
  return g.gen(rc::Random(splitmix(seed ^ splitmix(index))), size);
}

}  // namespace ownmodel::campaigns
