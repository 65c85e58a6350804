// `ownmodel fuzz`, `enumerate` and `ablate` as a user runs them: JSON that
// other tools can read, exit codes, saved counterexamples, usage errors.
#include <gtest/gtest.h>

#include "cli_run.h"

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

namespace ownmodel {
namespace {

using clitest::CliRun;
using clitest::run_ownmodel;

CliRun run(const std::string& arguments) { return run_ownmodel(arguments); }

TEST(CampaignCli, EnumerateTheTinySpaceAsJson) {
  const CliRun r = run("enumerate --space tiny --jobs 2 --format json --no-progress 2>/dev/null");
  ASSERT_EQ(r.exit_code, 0);
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["cardinality"], "8344");
  EXPECT_EQ(j["programs"], 8344);
  EXPECT_EQ(j["table"]["accepted_faulting"], 0);
  EXPECT_GT(j["table"]["rejected_safe"].get<int>(), 0);
}

TEST(CampaignCli, EnumerateWithoutS1FindsFalseNegativesAndExits3) {
  const CliRun r = run("enumerate --space tiny --disable S1 --keep 1 --no-progress 2>/dev/null");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.out.find("FAILED index"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("replay: ownmodel enumerate --space P{1,2,1,2,1} --index"), std::string::npos) << r.out;
}

TEST(CampaignCli, FuzzSavesShrunkFailures) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "ownmodel-fuzz-cli-test";
  std::filesystem::remove_all(dir);
  const CliRun r =
      run("fuzz --count 300 --disable S1 --keep 1 --format json --no-progress --out " + dir.string() + " 2>/dev/null");
  EXPECT_EQ(r.exit_code, 3);
  const nlohmann::json j = nlohmann::json::parse(r.out);
  ASSERT_GE(j["failures_found"].get<int>(), 1);
  ASSERT_EQ(j["failures"].size(), 1u);
  const nlohmann::json& f = j["failures"][0];
  EXPECT_EQ(f["category"].get<std::string>().rfind("false-negative", 0), 0u);
  EXPECT_TRUE(std::filesystem::exists(f["saved"].get<std::string>()));
  // The saved file is still a program (its header is comments), and the
  // default rules reject what the weakened ones accepted.
  const CliRun check = run("check " + f["saved"].get<std::string>() + " >/dev/null 2>&1");
  EXPECT_EQ(check.exit_code, 1);
  std::filesystem::remove_all(dir);
}

TEST(CampaignCli, AblateReportsASmallCounterexample) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "ownmodel-ablate-cli-test";
  const CliRun r = run("ablate --rule S11 --rule S6a --budget 200 --format json --no-progress --out " +
                       dir.string() + " 2>/dev/null");
  ASSERT_EQ(r.exit_code, 0);
  const nlohmann::json j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["rules"].size(), 2u);
  EXPECT_EQ(j["rules"][0]["rule"], "S11");
  EXPECT_EQ(j["rules"][0]["verdict"], "necessary");
  EXPECT_LE(j["rules"][0]["counterexample"]["lines"].get<int>(), 10);
  EXPECT_EQ(j["rules"][1]["verdict"], "not-safety-related");
  std::filesystem::remove_all(dir);
}

TEST(CampaignCli, UsageErrorsExit2) {
  EXPECT_EQ(run("enumerate --shard 3/2 2>/dev/null").exit_code, 2);
  EXPECT_EQ(run("enumerate --space 'P{0,1}' 2>/dev/null").exit_code, 2);
  EXPECT_EQ(run("enumerate --space tiny --index 99999 2>/dev/null").exit_code, 2);
  EXPECT_EQ(run("ablate --rule S0 2>/dev/null").exit_code, 2);
  EXPECT_EQ(run("fuzz --count 0 2>/dev/null").exit_code, 2);
  for (const char* cmd : {"fuzz", "enumerate", "ablate", "validate"}) {
    const CliRun help = run(std::string(cmd) + " --help");
    EXPECT_EQ(help.exit_code, 0) << cmd;
    EXPECT_NE(help.out.find("Usage"), std::string::npos) << cmd;
  }
}

}  // namespace
}  // namespace ownmodel
