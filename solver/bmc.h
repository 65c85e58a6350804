#pragma once
// Bounded model checking of one elaborated program (DESIGN.md §6): the entry
// function's CFG is unrolled (loops: at most `bound` back edges per loop head
// and frame; calls inlined, at most `bound` activations of a function on the
// inline stack) into a DAG whose nodes merge the symbolic states of their
// incoming paths. The entry function's Int/Bool parameters are symbolic, so
// every branch is. Each step is encoded by its rule's encoding (rules.h); for
// each outcome kind (the F-* faults of §8) one query asks whether some path
// reaches it. Every query has a timeout; `unknown` is its own answer.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "model/ir/core_ir.h"
#include "model/rules/rule.h"
#include "model/syntax/span.h"

namespace ownmodel::solver {

struct VerifyOptions {
  unsigned bound = 3;
  unsigned timeout_ms = 5000;   ///< per query
};

enum class Reach : std::uint8_t { Unreachable, Reachable, Unknown };
[[nodiscard]] const char* reach_name(Reach r);

struct BranchChoice {
  std::string function;
  Span span;
  bool taken = false;   ///< the condition's value
};

/// A concrete path to an outcome: the inputs that drive it, the branch
/// outcomes along it, and the step where it happens.
struct Witness {
  std::vector<std::pair<std::string, std::variant<std::int64_t, bool>>> inputs;
  std::vector<BranchChoice> branches;
  std::string function;
  Span span;
  Rule step_rule = Rule::E_Goto;
};

struct KindResult {
  Rule kind = Rule::F_Uninit;
  Reach status = Reach::Unknown;
  std::optional<Witness> witness;
  std::string reason;   ///< unknown: why (timeout, unsupported construct)
  double ms = 0;        ///< query time
  bool queried = false; ///< false: no step can produce the kind, answered without Z3
};

struct VerifyResult {
  bool supported = true;
  std::string unsupported;     ///< the construct outside the encoded subset
  std::vector<KindResult> kinds;
  /// Some path was cut by the bound (outcomes beyond it are not explored).
  Reach bound_hit = Reach::Unknown;
  double encode_ms = 0;
  [[nodiscard]] bool any(Reach r) const;
};

/// The outcome kinds asked about, in the order of §8.
[[nodiscard]] const std::vector<Rule>& outcome_kinds();

/// Verifies `module` from its entry function.
[[nodiscard]] VerifyResult verify(const ir::Module& module, const VerifyOptions& options);

}  // namespace ownmodel::solver
