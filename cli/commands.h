#pragma once
// Each subcommand registers itself on the application and stores its exit code
// in `exit_code` when it runs. Exit codes shared by all commands:
//   0 success / accepted    1 rejected by the rules    2 bad input or usage
//   3 a fault or reachable bad outcome was found       4 unknown (a bound was hit)

#include <CLI/CLI.hpp>

namespace ownmodel::cli {

enum ExitCode : int { kOk = 0, kRejected = 1, kBadInput = 2, kFault = 3, kUnknown = 4 };

void add_parse_command(CLI::App& app, int& exit_code);
void add_validate_command(CLI::App& app, int& exit_code);
void add_check_command(CLI::App& app, int& exit_code);
void add_elaborate_command(CLI::App& app, int& exit_code);
void add_run_command(CLI::App& app, int& exit_code);
void add_trace_command(CLI::App& app, int& exit_code);
void add_verify_command(CLI::App& app, int& exit_code);
void add_fuzz_command(CLI::App& app, int& exit_code);
void add_ablate_command(CLI::App& app, int& exit_code);
void add_enumerate_command(CLI::App& app, int& exit_code);

}  // namespace ownmodel::cli
