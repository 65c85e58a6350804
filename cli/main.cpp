// ownmodel: a formal model and property-test suite of Mojo's ownership rules.
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/commands.h"

#ifndef OWNMODEL_VERSION
#define OWNMODEL_VERSION "unknown"
#endif

int main(int argc, char** argv) {
  CLI::App app{
      "ownmodel - a formal model of Mojo's ownership rules.\n"
      "Exit codes: 0 ok, 1 rejected, 2 bad input or usage, 3 fault found, 4 unknown (bound hit).",
      "ownmodel"};
  app.set_version_flag("--version", std::string("ownmodel ") + OWNMODEL_VERSION);
  app.require_subcommand(1);

  int exit_code = ownmodel::cli::kOk;
  ownmodel::cli::add_parse_command(app, exit_code);
  ownmodel::cli::add_check_command(app, exit_code);
  ownmodel::cli::add_elaborate_command(app, exit_code);
  ownmodel::cli::add_run_command(app, exit_code);
  ownmodel::cli::add_trace_command(app, exit_code);
  ownmodel::cli::add_verify_command(app, exit_code);
  ownmodel::cli::add_fuzz_command(app, exit_code);
  ownmodel::cli::add_ablate_command(app, exit_code);
  ownmodel::cli::add_enumerate_command(app, exit_code);
  ownmodel::cli::add_validate_command(app, exit_code);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);  // prints the usage error
    return ownmodel::cli::kBadInput;
  }
  return exit_code;
}
