#pragma once
// Runs the `ownmodel` binary as a user's shell would, for the CLI tests.

#include <array>
#include <cstdio>
#include <string>

#include <sys/wait.h>

namespace ownmodel::clitest {

struct CliRun {
  int exit_code = -1;
  std::string out;  ///< what the command wrote to stdout (redirect stderr to see it here)
};

/// `ownmodel <arguments>` through the shell: `arguments` may redirect.
inline CliRun run_ownmodel(const std::string& arguments) {
  const std::string command = std::string(OWNMODEL_BINARY) + " " + arguments;
  CliRun result;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe)) result.out += buffer.data();
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace ownmodel::clitest
