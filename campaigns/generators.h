#pragma once
// Which program generators the campaigns draw from (generators/): the mix a
// fuzz campaign uses, and the sources ablation uses to look for programs that
// break one chosen rule.

#include <mutex>
#include <string>
#include <vector>

#include <rapidcheck.h>

#include "model/rules/rule.h"
#include "model/syntax/ast.h"

namespace ownmodel::campaigns {

/// A named source of programs; case i of a campaign uses generator i mod n.
struct NamedGenerator {
  std::string name;
  rc::Gen<ast::Module> gen;
};

/// RapidCheck keeps its generation context in static storage: every call of a
/// generator and every walk of a shrink tree holds this lock.
[[nodiscard]] std::mutex& rapidcheck_mutex();

/// The fuzz campaign's generators.
[[nodiscard]] std::vector<NamedGenerator> default_generators();

/// Generators likely to produce programs that violate `rule` (and only it).
[[nodiscard]] std::vector<NamedGenerator> generators_for_rule(Rule rule);

/// The program of case `index` of a campaign with `seed`: generator
/// index mod n, at a size cycling through 0…100, from a seed mixed with the index.
[[nodiscard]] rc::Shrinkable<ast::Module> generate_case(const std::vector<NamedGenerator>& generators,
                                                       std::uint64_t seed, std::uint64_t index);

}  // namespace ownmodel::campaigns
