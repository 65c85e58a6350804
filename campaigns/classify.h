#pragma once
// The four-way oracle (DESIGN.md §8, anchors §3.2): the checker's verdict on a
// program against what the machine does with it on every input. A program is
//   accepted & safe        the rule set is right and precise on it;
//   rejected & faulting    the rule set prevents a real fault;
//   rejected but safe      a false positive: the rule set's imprecision;
//   accepted but faulting  a false negative: the rule set is unsound.
// "Every input" is every combination of the entry function's Bool parameters
// and a few values of each Int parameter; all other branching is determined by
// them, so this is every path of the program (within the machine's bounds).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/check/check.h"
#include "model/diagnostics/source.h"
#include "model/rules/rule_set.h"
#include "model/syntax/ast.h"
#include "reference-impl/machine.h"

namespace ownmodel::campaigns {

enum class Quadrant : std::uint8_t {
  AcceptedSafe,
  RejectedFaulting,
  RejectedSafe,      ///< false positive
  AcceptedFaulting,  ///< false negative
  /// Accepted, and its only faults are in UnsafePointer operations, for which
  /// Mojo promises nothing statically (docs/semantics.md Q18): not a false negative.
  AcceptedUnsafeFault,
  IllFormed,         ///< S0 fails (or it does not parse): no program to run
  Inconclusive,      ///< no fault found, but some run hit a machine bound
  NotRunnable,       ///< well formed, but no function to start from (runnable_entry)
};
[[nodiscard]] const char* quadrant_name(Quadrant q);

struct ClassifyOptions {
  run::Limits limits{.max_steps = 20'000, .max_frames = 200, .max_heap_cells = 10'000};
  /// At most this many input combinations are run (the first ones in order).
  unsigned max_input_sets = 64;
  /// Values tried for each Int entry parameter.
  std::vector<std::int64_t> int_values{0, 1, 3};
  /// Also check, on every fault-free run of an accepted program, that every
  /// initialization is matched by exactly one destruction (lifecycle_imbalance).
  bool check_balance = true;
};

using InputSet = std::vector<std::pair<std::string, run::InputValue>>;

/// `True`, `False` or the decimal Int, as `--arg` takes it.
[[nodiscard]] std::string input_value_text(const run::InputValue& v);
/// `a=True n=3`.
[[nodiscard]] std::string inputs_text(const InputSet& inputs);

struct Classification {
  bool accepted = false;
  /// The distinct rule ids of the error diagnostics, in catalogue order; a
  /// front-end code ("syntax", "unsupported") for a program that fails before.
  std::vector<std::string> rejecting_rules;
  Quadrant quadrant = Quadrant::IllFormed;
  /// The first fault found (by input order), with the inputs that reach it.
  std::optional<run::Fault> fault;
  InputSet fault_inputs;
  /// The set of fault kinds reached over all inputs.
  std::vector<Rule> fault_kinds;
  /// An accepted, fault-free run whose lifecycle events do not balance.
  std::string imbalance;
  /// A run ended in malformed IR: a bug of the pipeline, not of the program.
  std::string internal_error;
  std::uint64_t runs = 0;
  std::uint64_t steps = 0;

  /// The "category" a shrinker must keep: quadrant, and for a faulting program
  /// the kind of its first fault.
  [[nodiscard]] std::string category() const;
};

/// The function a run starts from: `main` (when its parameters are all Int or
/// Bool), or else, when there is no `main`, the first plain function without
/// a result whose parameters are all Int or Bool (generated modules rarely
/// have a `main`); ir::none when there is none.
[[nodiscard]] ir::FunctionId runnable_entry(const ir::Module& module);

/// Runs an elaborated module on every input set; fills the runtime half of `c`.
void run_all_inputs(const ir::Module& module, bool accepted, const ClassifyOptions& options,
                    Classification& c);

/// Classifies an already checked program (its verdict, and its runs when it
/// elaborated).
[[nodiscard]] Classification classify_checked(const CheckResult& checked, const ClassifyOptions& options);

/// Checks `module` under `rules`, runs what elaborates, and classifies it.
[[nodiscard]] Classification classify(const ast::Module& module, const RuleSet& rules,
                                      const ClassifyOptions& options = {});
/// The same through a caller-owned cache (one per thread): identical results,
/// faster on programs that share their declarations (enumerated spaces).
[[nodiscard]] Classification classify(const ast::Module& module, const RuleSet& rules,
                                      const ClassifyOptions& options, CheckCache& cache);
[[nodiscard]] Classification classify(const SourceFile& source, const RuleSet& rules,
                                      const ClassifyOptions& options = {});

/// Each object's lifetime in the event list: init/copy/move begin one at the
/// destination; del or being a move's source ends it. Returns the first
/// imbalance ("never destroyed: main.a"), or empty.
[[nodiscard]] std::string lifecycle_imbalance(const std::vector<run::Event>& events);

/// The four-way table of a program population, with the rules responsible for
/// each rejection and the fault kinds behind each faulting verdict.
struct FourWayTable {
  std::uint64_t accepted_safe = 0, rejected_faulting = 0, rejected_safe = 0,
                accepted_faulting = 0, accepted_unsafe_fault = 0, ill_formed = 0,
                inconclusive = 0, not_runnable = 0;
  /// Rule id → rejected programs it reports an error on (a program rejected by
  /// two rules counts for both).
  std::map<std::string, std::uint64_t> rejections_by_rule;
  /// Rule id → false positives it reports an error on.
  std::map<std::string, std::uint64_t> false_positives_by_rule;
  /// Rule id → false positives it alone rejects (no other rule reports).
  std::map<std::string, std::uint64_t> sole_false_positives_by_rule;
  /// Fault kind → faulting programs (by their first fault).
  std::map<std::string, std::uint64_t> faults_by_kind;
  std::uint64_t imbalanced = 0;       ///< accepted runs with unbalanced events
  std::uint64_t internal_errors = 0;
  std::uint64_t runs = 0, steps = 0;

  void add(const Classification& c);
  void merge(const FourWayTable& other);
  [[nodiscard]] std::uint64_t total() const;
  [[nodiscard]] std::uint64_t rejected() const { return rejected_faulting + rejected_safe; }
  /// False positives as a share of the rejected programs, in percent (FR's
  /// FALSEPOS_PERCENT); 0 when nothing was rejected.
  [[nodiscard]] double false_positive_percent() const;
  [[nodiscard]] nlohmann::json to_json() const;
  /// A plain-text table, one quadrant a line, then the rules and fault kinds.
  [[nodiscard]] std::string render() const;
};

}  // namespace ownmodel::campaigns
