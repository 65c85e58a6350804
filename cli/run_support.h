#pragma once
// Shared by `ownmodel run` and `ownmodel trace`: load, check, elaborate, and
// build the interpreter's Program from the command-line options.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/rule_options.h"
#include "model/check/check.h"
#include "model/diagnostics/source.h"
#include "reference-impl/machine.h"

namespace ownmodel::cli {

struct RunOptions {
  std::string file;
  std::vector<std::string> args;   ///< --arg name=value
  bool unchecked = false;
  std::uint64_t max_steps = run::Limits{}.max_steps;
  std::uint32_t max_depth = run::Limits{}.max_frames;
  RuleOptions rules;
};

/// Registers FILE, --arg, --unchecked, --max-steps, --max-depth and the rule options.
void add_run_options(CLI::App& cmd, RunOptions& options);

/// A checked program ready to run; `module` and `oracle` are owned here so the
/// Program's pointers stay valid.
struct PreparedRun {
  std::optional<SourceFile> source;
  CheckResult checked;
  std::unique_ptr<run::MapOracle> oracle;
  run::Program program;
};

/// Loads and checks; on failure prints the reason to stderr and returns the
/// exit code (2 bad input, 1 rejected without --unchecked).
[[nodiscard]] std::optional<int> prepare_run(const RunOptions& options, PreparedRun& out);

/// `file:line:col` of a span ("file" alone when unknown).
[[nodiscard]] std::string where(const std::string& file, const Span& span);

/// Prints the end of a run to stderr (fault with its rule, step and position;
/// raised error; abort; bound) and returns the exit code: 0 finished, 1 raised
/// or aborted (as `mojo run`), 3 fault, 4 bound hit or internal error, 2 bad input.
[[nodiscard]] int report_stop(const std::string& file, const run::Outcome& outcome);

}  // namespace ownmodel::cli
