// `ownmodel check` and `ownmodel elaborate` as a user runs them: exit codes,
// the JSON shape of issue 3, rule-set options and their usage errors.
#include <gtest/gtest.h>

#include "cli_run.h"

#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

namespace ownmodel {
namespace {

namespace fs = std::filesystem;

using clitest::CliRun;
using clitest::run_ownmodel;

/// stdout and stderr together.
CliRun run(const std::string& arguments) { return run_ownmodel(arguments + " 2>&1"); }

CliRun run_stdout(const std::string& arguments) {
  return run(arguments + " 2>/dev/null");
}

/// A scratch file holding `text`, removed at the end of the test.
class ScratchFile {
 public:
  explicit ScratchFile(const std::string& text) {
    path_ = fs::temp_directory_path() /
            ("ownmodel_cli_" + std::to_string(reinterpret_cast<std::uintptr_t>(this)) + ".mojo");
    std::ofstream(path_) << text;
  }
  ~ScratchFile() { fs::remove(path_); }
  [[nodiscard]] std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

const std::string use_after_move =
    "def take_text(var text: String):\n"
    "    print(text)\n"
    "\n"
    "def main():\n"
    "    var message = \"Hello\"\n"
    "    take_text(message^)\n"
    "    print(message)\n";

const std::string fixed = 
    "def take_text(var text: String):\n"
    "    print(text)\n"
    "\n"
    "def main():\n"
    "    var message = \"Hello\"\n"
    "    take_text(message^)\n"
    "    message = \"again\"\n"
    "    print(message)\n";

TEST(CliCheck, AcceptedProgramExitsZero) {
  ScratchFile file(fixed);
  const CliRun r = run("check " + file.path());
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("accepted"), std::string::npos) << r.out;
}

TEST(CliCheck, RejectedProgramExitsOneWithRuleAndPosition) {
  ScratchFile file(use_after_move);
  const CliRun r = run("check " + file.path());
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find(":7:11: error: use of uninitialized value 'message' [S1]"), std::string::npos)
      << r.out;
}

TEST(CliCheck, JsonHasTheDocumentedShape) {
  ScratchFile file(use_after_move);
  const CliRun r = run_stdout("check --format json " + file.path());
  EXPECT_EQ(r.exit_code, 1);
  const nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  EXPECT_EQ(j["file"], file.path());
  EXPECT_EQ(j["accepted"], false);
  ASSERT_EQ(j["diagnostics"].size(), 1u) << r.out;
  const auto& d = j["diagnostics"][0];
  EXPECT_EQ(d["rule"], "S1");
  EXPECT_EQ(d["severity"], "error");
  EXPECT_EQ(d["line"], 7);
  EXPECT_EQ(d["col"], 11);
  EXPECT_EQ(d["message"], "use of uninitialized value 'message'");
  EXPECT_TRUE(d["notes"].is_array());
}

TEST(CliCheck, DisablingTheRuleAccepts) {
  ScratchFile file(use_after_move);
  EXPECT_EQ(run("check --disable S1 " + file.path()).exit_code, 0);
  EXPECT_EQ(run("check --warn S1 " + file.path()).exit_code, 0);
}

TEST(CliCheck, BadRuleSelectorsAndPresetsAreUsageErrors) {
  ScratchFile file(fixed);
  CliRun r = run("check --disable S99 " + file.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("S99"), std::string::npos) << r.out;
  EXPECT_EQ(run("check --disable S0 " + file.path()).exit_code, 2);
  EXPECT_EQ(run("check --rules mojo-9 " + file.path()).exit_code, 2);
  EXPECT_EQ(run("check --rules mojo-24.5 " + file.path()).exit_code, 0);
}

TEST(CliCheck, UnreadableOrUnparsableInputIsBadInput) {
  EXPECT_EQ(run("check /nonexistent/file.mojo").exit_code, 2);
  ScratchFile broken("def main(:\n    pass\n");
  const CliRun r = run("check " + broken.path());
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("[syntax]"), std::string::npos) << r.out;
}

TEST(CliCheck, SeveralFilesWorstVerdictWins) {
  ScratchFile good(fixed);
  ScratchFile bad(use_after_move);
  EXPECT_EQ(run("check " + good.path() + " " + bad.path()).exit_code, 1);
  const CliRun r = run_stdout("check --format json " + good.path() + " " + bad.path());
  const nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_TRUE(j.is_array()) << r.out;
  EXPECT_EQ(j.size(), 2u);
}

TEST(CliElaborate, PrintsDestructionPoints) {
  ScratchFile file(fixed);
  const CliRun r = run_stdout("elaborate " + file.path());
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("def main"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("destroy"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[D1]"), std::string::npos) << r.out;
}

TEST(CliElaborate, ElaboratesRejectedProgramsToo) {
  ScratchFile file(use_after_move);
  const CliRun r = run("elaborate " + file.path());
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("[S1]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("def main"), std::string::npos) << r.out;
}

TEST(CliHelp, EveryNewCommandHasHelp) {
  for (const char* command : {"check", "elaborate"}) {
    const CliRun r = run(std::string(command) + " --help");
    EXPECT_EQ(r.exit_code, 0) << command;
    EXPECT_NE(r.out.find("--rules"), std::string::npos) << command;
    EXPECT_NE(r.out.find("--disable"), std::string::npos) << command;
  }
}

}  // namespace

namespace {

TEST(CliCheck, IllFormedIsRejectedButUnsupportedIsBadInput) {
  ScratchFile unknown("def main():\n    var x = undefined_name\n    print(x)\n");
  CliRun r = run("check " + unknown.path());
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find(":2:13: error: use of unknown declaration 'undefined_name' [S0]"),
            std::string::npos)
      << r.out;
  ScratchFile outside("class A:\n    pass\n\ndef main():\n    pass\n");
  r = run("check " + outside.path());
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("[unsupported]"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace ownmodel
