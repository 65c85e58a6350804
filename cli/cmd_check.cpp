// `ownmodel check FILE…` and `ownmodel elaborate FILE`: the static rules and
// the Core IR they produce (docs/semantics.md §3, §5, §6).
#include <algorithm>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/input.h"
#include "cli/rule_options.h"
#include "model/check/check.h"
#include "model/diagnostics/render.h"
#include "model/ir/print.h"
#include "model/syntax/parser.h"
#include "reports/diagnostics_json.h"

namespace ownmodel::cli {
namespace {

struct CheckOptions {
  std::vector<std::string> files;
  std::string format = "text";
  RuleOptions rules;
};

enum class Verdict { Accepted, Rejected, BadInput };

/// A program is bad input, rather than rejected by the rules, when it does not
/// parse or is outside the subset: no rule judged it. An ill-formed program
/// (S0: an unknown name, a type error) is rejected, as Mojo rejects it.
bool judged_by_rules(const CheckResult& result) {
  if (result.elaborated) return true;
  return std::any_of(result.diagnostics.begin(), result.diagnostics.end(), [](const Diagnostic& d) {
    return d.severity == Severity::Error && rule_from_id(d.code).has_value();
  }) && std::none_of(result.diagnostics.begin(), result.diagnostics.end(), [](const Diagnostic& d) {
    return d.severity == Severity::Error && !rule_from_id(d.code).has_value();
  });
}

Verdict check_one(const std::string& path, const CheckOptions& options, const RuleSet& rules,
                  nlohmann::json& json_out) {
  LoadedSource loaded = load_source(path, ParseLimits{}.max_bytes);
  nlohmann::json entry;
  entry["file"] = path;
  if (!loaded.source) {
    entry["accepted"] = false;
    entry["diagnostics"] = nlohmann::json::array({to_json(*loaded.error)});
    if (options.format == "json")
      json_out.push_back(std::move(entry));
    else
      std::cerr << render_text(SourceFile(path, ""), *loaded.error);
    return Verdict::BadInput;
  }
  const CheckResult result = check_source(*loaded.source, rules);
  const Verdict verdict = result.accepted           ? Verdict::Accepted
                          : judged_by_rules(result) ? Verdict::Rejected
                                                    : Verdict::BadInput;
  if (options.format == "json") {
    entry["accepted"] = result.accepted;
    entry["rules"] = rules.name();
    entry["diagnostics"] = to_json(result.diagnostics);
    json_out.push_back(std::move(entry));
  } else {
    std::cerr << render_text(*loaded.source, result.diagnostics);
    std::cout << fmt::format("{}: {}\n", path,
                             verdict == Verdict::Accepted   ? "accepted"
                             : verdict == Verdict::Rejected ? "rejected"
                                                            : "not checked (bad input)");
  }
  return verdict;
}

}  // namespace

void add_check_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand(
      "check",
      "Check Mojo files against the ownership rules and print the diagnostics\n"
      "(file:line:col: error: message [rule]). Exit 0 when every file is accepted,\n"
      "1 when a rule rejects one, 2 when a file cannot be read, parsed, or is outside the subset.");
  cmd->add_option("files", options->files, "Mojo source files")->required();
  cmd->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  add_rule_options(*cmd, options->rules);
  cmd->callback([options, &exit_code] {
    const RuleSet rules = build_rule_set(options->rules);
    nlohmann::json json_out = nlohmann::json::array();
    bool any_rejected = false, any_bad = false;
    for (const auto& path : options->files) {
      switch (check_one(path, *options, rules, json_out)) {
        case Verdict::Accepted: break;
        case Verdict::Rejected: any_rejected = true; break;
        case Verdict::BadInput: any_bad = true; break;
      }
    }
    if (options->format == "json")
      std::cout << dump_json(options->files.size() == 1 ? json_out[0] : json_out, 2) << "\n";
    exit_code = any_bad ? kBadInput : any_rejected ? kRejected : kOk;
  });
}

void add_elaborate_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand(
      "elaborate",
      "Print the Core IR of a Mojo file: every copy, move, temporary and destruction\n"
      "as its own instruction, each `destroy` tagged with the policy rule (D1-D9) that\n"
      "placed it. Programs the rules reject are elaborated too (their diagnostics go to\n"
      "stderr). Exit 0 accepted, 1 rejected, 2 bad input.");
  cmd->add_option("file", options->files, "Mojo source file")->required()->expected(1);
  add_rule_options(*cmd, options->rules);
  cmd->callback([options, &exit_code] {
    const RuleSet rules = build_rule_set(options->rules);
    const std::string& path = options->files.front();
    LoadedSource loaded = load_source(path, ParseLimits{}.max_bytes);
    if (!loaded.source) {
      std::cerr << render_text(SourceFile(path, ""), *loaded.error);
      exit_code = kBadInput;
      return;
    }
    const CheckResult result = check_source(*loaded.source, rules);
    std::cerr << render_text(*loaded.source, result.diagnostics);
    if (!result.elaborated) {  // nothing to print: ill formed (S0) or not in the subset
      exit_code = judged_by_rules(result) ? kRejected : kBadInput;
      return;
    }
    std::cout << ir::print_module(*result.elaborated);
    exit_code = result.accepted ? kOk : kRejected;
  });
}

}  // namespace ownmodel::cli
