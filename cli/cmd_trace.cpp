// `ownmodel trace FILE`: every step of the reference interpreter with its
// rule, the instruction it executed and the cells it changed.
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/run_support.h"

namespace ownmodel::cli {
namespace {

struct TraceOptions {
  RunOptions run;
  std::string format = "text";
};

std::string position(const run::State& s, const ir::Module& m) {
  if (s.frames.empty()) return "-";
  const run::Frame& f = s.frames.back();
  const std::string& fn = m.functions.at(f.function).name;
  if (!f.pending.empty()) return fn + " (pending)";
  return fmt::format("{} bb{}:{}", fn, f.block, f.index);
}

}  // namespace

void add_trace_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<TraceOptions>();
  CLI::App* cmd = app.add_subcommand(
      "trace",
      "Run a Mojo file and print every step: its number, the rule applied (E-*), where\n"
      "it is (function, block:index, or a pending lifecycle expansion), the instruction,\n"
      "the cells it changed, and any output or lifecycle event. Exit codes as `run`.");
  add_run_options(*cmd, options->run);
  cmd->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->callback([options, &exit_code] {
    PreparedRun prepared;
    if (auto code = prepare_run(options->run, prepared)) {
      exit_code = *code;
      return;
    }
    const run::Program& p = prepared.program;
    const ir::Module& m = *p.module;
    run::State s = run::initial_state(p);
    s.record_changes = true;
    const bool json = options->format == "json";
    nlohmann::json steps = nlohmann::json::array();
    while (!s.stop) {
      if (s.steps >= p.limits.max_steps) {
        s.stop = run::Stop{run::StopKind::StepLimit, fmt::format("step limit of {} steps reached", s.steps), {}};
        break;
      }
      const std::string at = position(s, m);
      const std::string what = run::describe_next(p, s);
      const std::size_t out_before = s.output.size(), events_before = s.events.size();
      const run::StepResult r = run::step_in_place(p, s);
      std::vector<std::pair<std::string, std::string>> changed;
      for (run::RootId root : s.changed) {
        const run::Root& cell = s.roots[root];
        std::string value = cell.status == run::RootStatus::Live ? run::render_tree(m, s, cell.tree)
                            : cell.status == run::RootStatus::Dead ? "dead"
                                                                   : "released";
        changed.emplace_back(run::loc_name(m, s, run::Loc{root, {}}), std::move(value));
      }
      const std::string printed = s.output.substr(out_before);
      std::vector<std::string> events;
      for (std::size_t k = events_before; k < s.events.size(); ++k) events.push_back(run::to_string(s.events[k]));
      if (json) {
        nlohmann::json step{{"step", s.steps}, {"rule", std::string(spec_name(r.rule))}, {"at", at},
                            {"instr", what}};
        nlohmann::json cells = nlohmann::json::array();
        for (auto& [name, value] : changed) cells.push_back({{"cell", name}, {"value", value}});
        step["changed"] = std::move(cells);
        if (!printed.empty()) step["output"] = printed;
        if (!events.empty()) step["events"] = events;
        steps.push_back(std::move(step));
      } else {
        std::string line = fmt::format("#{} {} [{}] {}", s.steps, spec_name(r.rule), at, what);
        for (auto& [name, value] : changed) line += fmt::format("\n    {} = {}", name, value);
        for (auto& e : events) line += "\n    event: " + e;
        if (!printed.empty()) line += "\n    output: " + nlohmann::json(printed).dump();
        std::cout << line << "\n";
      }
    }
    run::Outcome o;
    o.stop = *s.stop;
    o.output = s.output;
    o.events = s.events;
    o.steps = s.steps;
    o.checker_unsound = p.accepted && o.stop.kind == run::StopKind::Faulted && o.stop.fault && !o.stop.fault->unsafe;
    if (json) {
      nlohmann::json outcome{{"kind", std::string(run::stop_name(o.stop.kind))}, {"message", o.stop.message},
                             {"steps", o.steps}, {"output", o.output}};
      if (o.stop.fault) {
        const run::Fault& f = *o.stop.fault;
        outcome["fault"] = {{"kind", std::string(spec_name(f.kind))}, {"rule", std::string(spec_name(f.rule))},
                            {"step", f.step},       {"line", f.span.line},
                            {"col", f.span.col},    {"unsafe", f.unsafe},
                            {"message", f.message}, {"evidence", f.evidence},
                            {"checker_unsound", o.checker_unsound}};
      }
      std::cout << nlohmann::json{{"file", options->run.file}, {"steps", steps}, {"outcome", outcome}}.dump(2)
                << "\n";
    } else {
      std::cout << fmt::format("end: {} after {} steps{}\n", run::stop_name(o.stop.kind), o.steps,
                               o.stop.message.empty() ? "" : " (" + o.stop.message.substr(0, o.stop.message.find('\n')) + ")");
    }
    exit_code = report_stop(options->run.file, o);
  });
}

}  // namespace ownmodel::cli
