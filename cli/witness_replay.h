#pragma once
// Witness replay (issue 5): a Z3 witness's inputs and branch choices drive the
// reference interpreter, which produces the concrete fault. Header-only so the
// CLI and the solver tests share it; it is the only place that sees both the
// solver's result and the interpreter (neither sees the other).

#include <cstdint>
#include <variant>

#include "reference-impl/machine.h"
#include "solver/bmc.h"

namespace ownmodel::cli {

/// Runs `module` on the interpreter with the witness's entry arguments and
/// forced branch outcomes (by ordinal, in path order).
[[nodiscard]] inline run::Outcome replay_witness(const ir::Module& module, const solver::Witness& w,
                                                 bool accepted = false, std::uint64_t max_steps = 1'000'000) {
  run::MapOracle oracle;
  for (const auto& [name, v] : w.inputs) {
    if (const auto* b = std::get_if<bool>(&v)) oracle.arguments[name] = run::InputValue{*b};
    else oracle.arguments[name] = run::InputValue{std::get<std::int64_t>(v)};
  }
  // The inputs determine the path; the branch choices are not forced (a
  // disagreement then shows as a different outcome, never hidden).
  run::Program p;
  p.module = &module;
  p.accepted = accepted;
  p.oracle = &oracle;
  p.limits.max_steps = max_steps;
  return run::run_program(p);
}

}  // namespace ownmodel::cli
