// `ownmodel verify FILE`: bounded model checking of the elaborated program
// with Z3 (DESIGN.md §6, issue 5), whether or not the checker accepts it; a
// reachable outcome's witness is replayed on the reference interpreter.
#include <iostream>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/input.h"
#include "cli/rule_options.h"
#include "cli/run_support.h"
#include "cli/witness_replay.h"
#include "model/check/check.h"
#include "model/diagnostics/render.h"
#include "model/syntax/parser.h"
#include "solver/bmc.h"

namespace ownmodel::cli {

namespace {

struct VerifyCommandOptions {
  std::string file;
  unsigned bound = 3;
  unsigned timeout_ms = 5000;
  std::string format = "text";
  RuleOptions rules;
};

std::string input_text(const std::variant<std::int64_t, bool>& v) {
  if (const auto* b = std::get_if<bool>(&v)) return *b ? "True" : "False";
  return std::to_string(std::get<std::int64_t>(v));
}

}  // namespace

void add_verify_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<VerifyCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "verify",
      "Bounded model checking with Z3 of the elaborated program (also when the checker\n"
      "rejects it): for each fault kind, unreachable within the bound, reachable (with a\n"
      "witness replayed on the interpreter), or unknown. Exit 0 nothing reachable, 3 some\n"
      "outcome reachable, 4 unknown (timeout or a construct outside the encoding), 2 bad input.");
  cmd->add_option("file", options->file, "Mojo source file")->required();
  cmd->add_option("--bound", options->bound, "Loop unrolling / recursion bound")->capture_default_str();
  cmd->add_option("--timeout", options->timeout_ms, "Timeout per Z3 query in milliseconds")->capture_default_str();
  cmd->add_option("--format", options->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  add_rule_options(*cmd, options->rules);
  cmd->callback([options, &exit_code] {
    const RuleSet rules = build_rule_set(options->rules);
    LoadedSource loaded = load_source(options->file, ParseLimits{}.max_bytes);
    if (!loaded.source) {
      std::cerr << render_text(SourceFile(options->file, ""), *loaded.error);
      exit_code = kBadInput;
      return;
    }
    const CheckResult checked = check_source(*loaded.source, rules);
    if (!checked.elaborated) {
      std::cerr << render_text(*loaded.source, checked.diagnostics);
      exit_code = kBadInput;
      return;
    }
    std::size_t errors = 0;
    for (const Diagnostic& d : checked.diagnostics)
      if (d.severity == Severity::Error) ++errors;
    solver::VerifyOptions vo;
    vo.bound = options->bound;
    vo.timeout_ms = options->timeout_ms;
    const solver::VerifyResult r = solver::verify(*checked.elaborated, vo);

    const bool reachable = r.any(solver::Reach::Reachable);
    const bool unknown = r.any(solver::Reach::Unknown);
    exit_code = reachable ? kFault : unknown ? kUnknown : kOk;

    nlohmann::json j;
    j["file"] = options->file;
    j["checker"] = {{"verdict", checked.accepted ? "accepted" : "rejected"}, {"errors", errors},
                    {"rules", rules.name()}};
    j["bound"] = options->bound;
    j["timeout_ms"] = options->timeout_ms;
    j["supported"] = r.supported;
    if (!r.supported) j["unsupported"] = r.unsupported;
    j["bound_hit"] = solver::reach_name(r.bound_hit);
    j["encode_ms"] = r.encode_ms;
    nlohmann::json kinds = nlohmann::json::array();
    std::string text;
    text += fmt::format("{}: checker {} ({}); bound {}, timeout {} ms\n", options->file,
                        checked.accepted ? "accepts" : "rejects", rules.name(), options->bound, options->timeout_ms);
    if (!r.supported) text += fmt::format("  unsupported by the encoding: {}\n", r.unsupported);
    for (const solver::KindResult& k : r.kinds) {
      nlohmann::json jk;
      jk["kind"] = std::string(spec_name(k.kind));
      jk["status"] = solver::reach_name(k.status);
      jk["query_ms"] = k.ms;
      if (!k.reason.empty()) jk["reason"] = k.reason;
      text += fmt::format("  {:<20} {}", spec_name(k.kind), solver::reach_name(k.status));
      if (k.status == solver::Reach::Unknown && !k.reason.empty()) text += " (" + k.reason + ")";
      if (k.witness) {
        const solver::Witness& w = *k.witness;
        nlohmann::json inputs = nlohmann::json::object();
        std::string in_text;
        for (const auto& [name, v] : w.inputs) {
          if (const auto* b = std::get_if<bool>(&v)) inputs[name] = *b;
          else inputs[name] = std::get<std::int64_t>(v);
          in_text += (in_text.empty() ? "" : ", ") + name + "=" + input_text(v);
        }
        nlohmann::json br = nlohmann::json::array();
        for (const solver::BranchChoice& b : w.branches)
          br.push_back({{"function", b.function}, {"line", b.span.line}, {"col", b.span.col}, {"taken", b.taken}});
        jk["witness"] = {{"inputs", inputs},
                         {"branches", br},
                         {"step", {{"rule", std::string(spec_name(w.step_rule))},
                                   {"function", w.function},
                                   {"line", w.span.line},
                                   {"col", w.span.col}}}};
        text += fmt::format(" at {} ({} in {}) with [{}]", where(options->file, w.span), spec_name(w.step_rule),
                            w.function, in_text);
        // Replay on the interpreter.
        const run::Outcome o = replay_witness(*checked.elaborated, w, checked.accepted);
        nlohmann::json rep;
        rep["stop"] = std::string(run::stop_name(o.stop.kind));
        rep["steps"] = o.steps;
        if (o.stop.fault) {
          rep["fault"] = std::string(spec_name(o.stop.fault->kind));
          rep["step"] = o.stop.fault->step;
          rep["message"] = o.stop.fault->message;
          rep["agrees"] = o.stop.fault->kind == k.kind;
          text += fmt::format("\n      replay: {}", run::render_fault(*o.stop.fault));
          if (o.stop.fault->kind != k.kind) text += "  [DISAGREES with the encoding]";
        } else {
          rep["agrees"] = false;
          text += fmt::format("\n      replay: {} (no fault)  [DISAGREES with the encoding]",
                              run::stop_name(o.stop.kind));
        }
        jk["replay"] = rep;
      }
      text += "\n";
      kinds.push_back(jk);
    }
    j["outcomes"] = kinds;
    text += fmt::format("  paths cut by the bound: {}\n", solver::reach_name(r.bound_hit));
    if (options->format == "json") std::cout << j.dump(2) << "\n";
    else std::cout << text;
  });
}

}  // namespace ownmodel::cli
