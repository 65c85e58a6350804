#pragma once
// The rule-set options shared by every command that checks programs:
// --rules PRESET, --disable ID, --warn ID, --enable ID (docs/semantics.md §4).

#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "model/rules/rule_set.h"

namespace ownmodel::cli {

struct RuleOptions {
  std::string preset = "mojo-1.0";
  std::vector<std::string> disable;
  std::vector<std::string> warn;
  std::vector<std::string> enable;
};

/// Registers the options on `cmd`.
void add_rule_options(CLI::App& cmd, RuleOptions& options);

/// The rule set the options describe; throws CLI::ValidationError (a usage
/// error, exit 2) naming the bad selector.
[[nodiscard]] RuleSet build_rule_set(const RuleOptions& options);

}  // namespace ownmodel::cli
