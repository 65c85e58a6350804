// `ownmodel run FILE`: run a program on the reference interpreter and print
// exactly what `mojo run` prints (docs/semantics.md §7).
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/input.h"
#include "cli/run_support.h"
#include "model/diagnostics/render.h"
#include "model/syntax/parser.h"

namespace ownmodel::cli {

void add_run_options(CLI::App& cmd, RunOptions& options) {
  cmd.add_option("file", options.file, "Mojo source file")->required();
  cmd.add_option("--arg", options.args,
                 "An Int or Bool parameter of main, as name=value (True/False); repeatable")
      ->take_all();
  cmd.add_flag("--unchecked", options.unchecked,
               "Run a program the rules reject and report the fault it reaches");
  cmd.add_option("--max-steps", options.max_steps, "Step bound (exit 4 when hit)")->capture_default_str();
  cmd.add_option("--max-depth", options.max_depth, "Call-depth bound in frames (exit 4 when hit)")
      ->capture_default_str();
  add_rule_options(cmd, options.rules);
}

std::optional<int> prepare_run(const RunOptions& options, PreparedRun& out) {
  const RuleSet rules = build_rule_set(options.rules);
  LoadedSource loaded = load_source(options.file, ParseLimits{}.max_bytes);
  if (!loaded.source) {
    std::cerr << render_text(SourceFile(options.file, ""), *loaded.error);
    return kBadInput;
  }
  out.source = std::move(loaded.source);
  out.checked = check_source(*out.source, rules);
  if (!out.checked.elaborated) {
    std::cerr << render_text(*out.source, out.checked.diagnostics);
    return kBadInput;
  }
  if (!out.checked.accepted) {
    std::cerr << render_text(*out.source, out.checked.diagnostics);
    if (!options.unchecked) {
      std::cerr << fmt::format("{}: rejected; use --unchecked to run it anyway\n", options.file);
      return kRejected;
    }
  }
  out.oracle = std::make_unique<run::MapOracle>();
  for (const std::string& a : options.args) {
    if (auto problem = run::parse_argument(a, *out.oracle)) {
      std::cerr << "ownmodel: " << *problem << "\n";
      return kBadInput;
    }
  }
  out.program.module = &*out.checked.elaborated;
  out.program.accepted = out.checked.accepted;
  out.program.oracle = out.oracle.get();
  out.program.limits.max_steps = options.max_steps;
  out.program.limits.max_frames = options.max_depth;
  return std::nullopt;
}

std::string where(const std::string& file, const Span& span) {
  return span.known() ? fmt::format("{}:{}:{}", file, span.line, span.col) : file;
}

int report_stop(const std::string& file, const run::Outcome& o) {
  using run::StopKind;
  switch (o.stop.kind) {
    case StopKind::Finished: return kOk;
    case StopKind::Raised:
      std::cerr << "Unhandled exception caught during execution: " << o.stop.message << "\n";
      return kRejected;
    case StopKind::Aborted:
      std::cerr << fmt::format("{}: ABORT: {}\n", file, o.stop.message);
      return kRejected;
    case StopKind::Faulted: {
      const run::Fault& f = *o.stop.fault;
      std::cerr << fmt::format("{}: fault: {}\n", where(file, f.span), run::render_fault(f));
      if (o.checker_unsound) std::cerr << fmt::format("{}: {}\n", where(file, f.span), run::render_unsound(f));
      return kFault;
    }
    case StopKind::StepLimit:
    case StopKind::DepthLimit:
    case StopKind::HeapLimit:
      std::cerr << fmt::format("{}: bound hit ({}): {} after {} steps\n", file, run::stop_name(o.stop.kind),
                               o.stop.message, o.steps);
      return kUnknown;
    case StopKind::BadInput:
      std::cerr << fmt::format("{}: {}\n", file, o.stop.message);
      return kBadInput;
    case StopKind::Internal:
      std::cerr << fmt::format("{}: internal error: {}\n", file, o.stop.message);
      return kUnknown;
  }
  return kUnknown;
}

namespace {
struct RunCommandOptions {
  RunOptions run;
  bool events = false;
};
}  // namespace

void add_run_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<RunCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "run",
      "Run a Mojo file on the reference interpreter and print exactly what `mojo run`\n"
      "prints. Exit 0 finished; 1 rejected by the rules (without --unchecked), or the\n"
      "program raised or aborted (as mojo does); 2 bad input; 3 an ownership fault\n"
      "(reported on stderr with its rule, step and file:line:col); 4 a bound was hit.");
  add_run_options(*cmd, options->run);
  cmd->add_flag("--events", options->events,
                "After the output, print the lifecycle events (init/copy/move/del T@object), one per line");
  cmd->callback([options, &exit_code] {
    PreparedRun prepared;
    if (auto code = prepare_run(options->run, prepared)) {
      exit_code = *code;
      return;
    }
    const run::Outcome o = run::run_program(prepared.program);
    std::cout << o.output;
    if (options->events)
      for (const run::Event& e : o.events) std::cout << run::to_string(e) << "\n";
    std::cout.flush();
    exit_code = report_stop(options->run.file, o);
  });
}

}  // namespace ownmodel::cli
