#pragma once
// The random property campaign behind `ownmodel fuzz` (issue 6): generated
// programs through check, elaboration and the machine on every input, sorted
// into the four-way table. A failure is a program that breaks a property the
// model promises:
//   false-negative   accepted but faulting (outside unsafe code);
//   unbalanced       an accepted, fault-free run whose lifecycle events do not
//                    match every initialization with exactly one destruction;
//   nondeterministic two runs of the same program differ;
//   internal         the pipeline produced malformed IR or a bad entry.
// Each failure is shrunk (RapidCheck's shrinks, then the domain passes of
// generators/shrink.h) keeping its category, and saved as .mojo + .json with the
// seed, the case number and the command that replays it.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "campaigns/classify.h"
#include "campaigns/front_end.h"
#include "campaigns/generators.h"
#include "model/rules/rule_set.h"
#include "model/syntax/ast.h"

namespace ownmodel::campaigns {

struct FuzzOptions {
  std::uint64_t count = 10'000;
  std::uint64_t seed = 1;
  /// Run only this case (replay); the campaign then has one case.
  std::optional<std::uint64_t> only_case;
  RuleSet rules;
  unsigned jobs = 1;
  ClassifyOptions classify;
  /// Where failures are saved (created when needed); empty: not saved.
  std::string out_dir;
  /// Failures shrunk and kept as evidence (the rest are only counted).
  std::size_t keep_failures = 10;
  std::uint64_t shrink_budget = 4000;
  /// Every n-th case is run twice to check determinism (0: never).
  std::uint64_t determinism_every = 16;
  /// The command line that reproduces this campaign, for replay commands.
  std::string replay_prefix = "ownmodel fuzz";
  Progress progress;
};

struct FuzzFailure {
  std::uint64_t case_index = 0;
  std::string generator;
  std::string category;   ///< false-negative F-Uninit, unbalanced, ...
  std::string what;       ///< one line: the fault or imbalance
  std::string original;   ///< the program as generated
  std::string shrunk;     ///< after shrinking
  std::size_t original_lines = 0, shrunk_lines = 0;
  std::uint64_t shrink_attempts = 0;
  std::string replay;     ///< a command reproducing the case
  std::string saved;      ///< the .mojo file written, if any
};

struct FuzzResult {
  FourWayTable table;
  std::map<std::string, FourWayTable> by_generator;
  std::vector<FuzzFailure> failures;  ///< the first keep_failures, shrunk
  std::uint64_t failure_count = 0;
  std::uint64_t cases = 0;
  double seconds = 0;
  std::string save_error;  ///< set when a failure could not be written
};

/// Runs the campaign over `generators` (default_generators() when empty).
[[nodiscard]] FuzzResult fuzz(const FuzzOptions& options, std::vector<NamedGenerator> generators = {});

/// What property `c` breaks ("" when none), as a category and a one-line reason.
struct Verdict {
  std::string category;
  std::string what;
};
[[nodiscard]] Verdict property_failure(const Classification& c);

/// Shrinks `failing` while `category_of` stays `category`: first along
/// RapidCheck's shrink tree, then with the domain passes.
[[nodiscard]] ast::Module shrink_keeping(const rc::Shrinkable<ast::Module>& failing,
                                         const std::function<std::string(const ast::Module&)>& category_of,
                                         const std::string& category, std::uint64_t budget,
                                         std::uint64_t* attempts = nullptr);

/// Saves a failing program as `<dir>/<stem>.mojo` (with a header comment saying
/// what it shows and how to replay it) and `<dir>/<stem>.json`. Returns the
/// .mojo path, or nullopt with `error` set.
[[nodiscard]] std::optional<std::string> save_counterexample(const std::string& dir, const std::string& stem,
                                                             const std::string& program,
                                                             const nlohmann::json& evidence,
                                                             const std::vector<std::string>& header,
                                                             std::string& error);

}  // namespace ownmodel::campaigns
