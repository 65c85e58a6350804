// The lowering over the examples corpus: every accepted program lowers without
// errors; every rejected program whose first error is a local rule (one the
// lowering owns) gets exactly that error, at that position, with that text;
// the others (flow rules) lower without errors.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/model/sema_helpers.h"

namespace ownmodel::sema_test {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> corpus(bool rejected) {
  std::vector<fs::path> files;
  fs::path dir = fs::path(OWNMODEL_EXAMPLES_DIR) / (rejected ? "rejected" : "");
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".mojo") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Expected {
  std::uint32_t line = 0, col = 0;
  std::string message, rule;
};

std::optional<Expected> expected_error(const std::string& text) {
  static const std::regex re(R"(# expect-error: (\d+):(\d+): (.*) \[([A-Za-z0-9-]+)\])");
  std::smatch m;
  if (!std::regex_search(text, m, re)) return std::nullopt;
  return Expected{static_cast<std::uint32_t>(std::stoul(m[1])),
                  static_cast<std::uint32_t>(std::stoul(m[2])), m[3], m[4]};
}

bool local_rule(const std::string& r) {
  static const std::set<std::string> local = {"S0",  "S4a", "S4b", "S4c", "S5a", "S5b",
                                              "S6a", "S6b", "S6c", "S9",  "S10a", "S10b",
                                              "S10c", "S12a", "S12b", "S12c", "S12d", "S12e",
                                              "S12f", "S12g"};
  return local.count(r) > 0;
}

TEST(SemaExamples, AcceptedProgramsLowerWithoutErrors) {
  const auto files = corpus(false);
  ASSERT_GE(files.size(), 50u);
  for (const fs::path& p : files) {
    SCOPED_TRACE(p.filename().string());
    Lowered l = lower_text(read(p));
    ASSERT_TRUE(l.parsed) << l.dump();
    EXPECT_TRUE(l.module.has_value()) << l.dump();
    EXPECT_EQ(l.errors(), 0u) << l.dump();
  }
}

TEST(SemaExamples, RejectedProgramsGetTheirLocalRule) {
  const auto files = corpus(true);
  ASSERT_GE(files.size(), 9u);
  for (const fs::path& p : files) {
    SCOPED_TRACE(p.filename().string());
    const std::string text = read(p);
    auto want = expected_error(text);
    ASSERT_TRUE(want.has_value());
    Lowered l = lower_text(text);
    ASSERT_TRUE(l.parsed) << l.dump();
    EXPECT_TRUE(l.module.has_value()) << l.dump();
    if (!local_rule(want->rule)) {
      EXPECT_EQ(l.errors(), 0u) << l.dump();
      continue;
    }
    ASSERT_EQ(l.errors(), 1u) << l.dump();
    const Diagnostic* d = nullptr;
    for (const Diagnostic& x : l.diagnostics)
      if (x.severity == Severity::Error) d = &x;
    EXPECT_EQ(d->code, want->rule) << l.dump();
    EXPECT_EQ(d->span.line, want->line) << l.dump();
    EXPECT_EQ(d->span.col, want->col) << l.dump();
    EXPECT_EQ(d->message, want->message) << l.dump();
  }
}

}  // namespace
}  // namespace ownmodel::sema_test
