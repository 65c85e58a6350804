// `ownmodel run` and `ownmodel trace` as a user runs them: exact stdout,
// --events, --arg, exit codes 0/1/2/3/4, fault position on stderr, JSON trace.
#include <gtest/gtest.h>

#include "cli_run.h"

#include <string>

#include <nlohmann/json.hpp>

namespace ownmodel {
namespace {

using clitest::CliRun;
using clitest::run_ownmodel;

CliRun run(const std::string& arguments) { return run_ownmodel(arguments); }

const std::string examples = OWNMODEL_EXAMPLES_DIR;

TEST(RunCli, PrintsExactlyTheProgramOutput) {
  const CliRun r = run("run " + examples + "/40-doc-d1-balloon-asap.mojo 2>/dev/null");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out,
            "a red balloon\nDestroyed a red balloon\nDestroyed a green balloon\na blue balloon\n"
            "Destroyed a blue balloon\n");
}

TEST(RunCli, EventsOnePerLine) {
  const CliRun r = run("run --events " + examples + "/38-doc-b4-move-with-transfer.mojo 2>/dev/null");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "Bobo\nBobo\ninit MyPet@moves.a\nmove MyPet@moves.b<-moves.a\ndel MyPet@moves.b\n");
}

TEST(RunCli, EntryArguments) {
  const CliRun r = run("run " + examples + "/28-main-inputs.mojo --arg n=2 --arg verbose=False 2>/dev/null");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "small 1\n");
  EXPECT_EQ(run("run " + examples + "/28-main-inputs.mojo --arg n=2 2>/dev/null").exit_code, 2);
  EXPECT_EQ(run("run " + examples + "/28-main-inputs.mojo --arg n=x --arg verbose=True 2>/dev/null").exit_code, 2);
}

TEST(RunCli, RejectedUnlessUnchecked) {
  const std::string file = examples + "/rejected/01-use-after-transfer.mojo";
  EXPECT_EQ(run("run " + file + " 2>/dev/null").exit_code, 1);
  const CliRun r = run("run --unchecked " + file + " 2>&1 >/dev/null");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.out.find("01-use-after-transfer.mojo:16:5: fault: F-Uninit during E-Print at step"),
            std::string::npos)
      << r.out;
}

TEST(RunCli, BadInputAndBounds) {
  EXPECT_EQ(run("run /nonexistent.mojo 2>/dev/null").exit_code, 2);
  const CliRun r = run("run --max-steps 10 " + examples + "/17-control-flow.mojo 2>&1 >/dev/null");
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_NE(r.out.find("step-limit"), std::string::npos) << r.out;
}

TEST(TraceCli, TextAndJson) {
  const CliRun text = run("trace " + examples + "/41-doc-d3-default-destructor.mojo 2>/dev/null");
  EXPECT_EQ(text.exit_code, 0);
  EXPECT_NE(text.out.find("E-Destroy [main bb0:3] destroy me  [D1]"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("event: del Contact@main.me"), std::string::npos);
  const CliRun json = run("trace --format json " + examples + "/35-doc-a9-trivial-copy.mojo 2>/dev/null");
  EXPECT_EQ(json.exit_code, 0);
  const auto j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["outcome"]["kind"], "finished");
  EXPECT_EQ(j["steps"][0]["rule"], "E-Assign");
  EXPECT_EQ(j["steps"][0]["changed"][0]["cell"], "main.x");
}

TEST(RunCli, Help) {
  EXPECT_EQ(run("run --help >/dev/null").exit_code, 0);
  EXPECT_EQ(run("trace --help >/dev/null").exit_code, 0);
}

}  // namespace
}  // namespace ownmodel
