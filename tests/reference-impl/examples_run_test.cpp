// End to end: every example in examples/ with an `expect-output:` block runs
// on the machine (check → elaborate → run) and prints exactly that output, for
// each `inputs:` set. Appendix examples with documented lifecycle events are
// compared event by event (docs/semantics.md §11).
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "builder.h"
#include "model/check/check.h"
#include "model/diagnostics/source.h"

namespace ownmodel::testing {
namespace {

struct Case {
  std::vector<std::string> inputs;
  std::string expected;
};

struct Example {
  std::string path;
  std::string text;
  std::vector<Case> cases;
};

std::vector<Example> load_examples() {
  std::vector<Example> out;
  for (const auto& entry : std::filesystem::directory_iterator(OWNMODEL_EXAMPLES_DIR)) {
    if (entry.path().extension() != ".mojo") continue;
    Example ex;
    ex.path = entry.path().string();
    std::ifstream in(entry.path());
    std::stringstream buf;
    buf << in.rdbuf();
    ex.text = buf.str();
    std::istringstream lines(ex.text);
    std::string line;
    std::vector<std::string> inputs;
    std::optional<Case> open;
    while (std::getline(lines, line) && line.rfind('#', 0) == 0) {
      if (open && line.rfind("#   ", 0) == 0) {
        open->expected += line.substr(4) + "\n";
        continue;
      }
      if (open) {
        ex.cases.push_back(std::move(*open));
        open.reset();
      }
      if (line.rfind("# inputs:", 0) == 0) {
        inputs.clear();
        std::istringstream words(line.substr(9));
        for (std::string w; words >> w;) inputs.push_back(w);
      } else if (line.rfind("# expect-output:", 0) == 0) {
        open = Case{inputs, {}};
      }
    }
    if (open) ex.cases.push_back(std::move(*open));
    if (!ex.cases.empty()) out.push_back(std::move(ex));
  }
  std::sort(out.begin(), out.end(), [](const Example& a, const Example& b) { return a.path < b.path; });
  return out;
}

run::Outcome run_source(const std::string& path, const std::string& text, const std::vector<std::string>& inputs,
                        bool* accepted = nullptr) {
  const SourceFile source(path, text);
  const CheckResult checked = check_source(source, RuleSet{});
  if (!checked.elaborated) {
    ADD_FAILURE() << path << ": not elaborated";
    return {};
  }
  if (accepted) *accepted = checked.accepted;
  run::MapOracle oracle;
  for (const auto& a : inputs) EXPECT_FALSE(run::parse_argument(a, oracle)) << a;
  run::Program p;
  p.module = &*checked.elaborated;
  p.accepted = checked.accepted;
  p.oracle = &oracle;
  return run::run_program(p);
}

TEST(Examples, EveryExampleWithOutputReproducesIt) {
  const auto examples = load_examples();
  ASSERT_GE(examples.size(), 40u);
  for (const Example& ex : examples) {
    for (const Case& c : ex.cases) {
      SCOPED_TRACE(ex.path);
      bool accepted = false;
      const run::Outcome o = run_source(ex.path, ex.text, c.inputs, &accepted);
      // A checker rejection of an `expect: accepted` file is the checker's
      // business (tests/model); the machine must still reproduce the output.
      EXPECT_EQ(o.stop.kind, run::StopKind::Finished) << (accepted ? "accepted" : "rejected by the checker")
                                                      << "; " << o.stop.message;
      EXPECT_FALSE(o.checker_unsound) << o.stop.message;
      EXPECT_EQ(o.output, c.expected);
    }
  }
}

std::vector<std::string> events_of(const std::string& file) {
  const std::string path = std::string(OWNMODEL_EXAMPLES_DIR) + "/" + file;
  std::ifstream in(path);
  std::stringstream buf;
  buf << in.rdbuf();
  return event_strings(run_source(path, buf.str(), {}));
}

TEST(Examples, DocumentedLifecycleEvents) {
  EXPECT_EQ(events_of("40-doc-d1-balloon-asap.mojo"),
            (std::vector<std::string>{"init Balloon@main.a", "init Balloon@main.b", "del Balloon@main.a",
                                      "init Balloon@main.a", "del Balloon@main.a", "del Balloon@main.b"}));
  EXPECT_EQ(events_of("42-doc-d4-field-lifetimes.mojo"),
            (std::vector<std::string>{"init Balloons@main.balloons", "del Balloons@main.balloons"}));
  EXPECT_EQ(events_of("38-doc-b4-move-with-transfer.mojo"),
            (std::vector<std::string>{"init MyPet@moves.a", "move MyPet@moves.b<-moves.a", "del MyPet@moves.b"}));
  EXPECT_EQ(events_of("54-doc-i2-copyable-docstring.mojo"),
            (std::vector<std::string>{"init Foo@main.foo", "copy Foo@copy_return.copy<-main.foo",
                                      "move Foo@main.res<-copy_return.copy", "del Foo@main.foo", "del Foo@main.res"}));
}

TEST(Examples, DanglingElementReferenceUnderAnEarlierPreset) {
  // Appendix J.1: rejected by S11 under mojo-1.0; without S11 the run dangles.
  const std::string text =
      "def main():\n"
      "    var list: List[Int] = [1, 2, 3]\n"
      "    ref elem = list[0]\n"
      "    list.append(4)\n"
      "    print(elem)\n";
  const SourceFile source("j1.mojo", text);
  RuleSet rules;
  ASSERT_FALSE(rules.disable("S11"));
  const CheckResult checked = check_source(source, rules);
  ASSERT_TRUE(checked.elaborated);
  run::Program p;
  p.module = &*checked.elaborated;
  p.accepted = checked.accepted;
  const auto o = run::run_program(p);
  ASSERT_EQ(o.stop.kind, run::StopKind::Faulted) << o.stop.message;
  EXPECT_EQ(o.stop.fault->kind, Rule::F_Dangling);
  EXPECT_EQ(o.stop.fault->span.line, 5u);
}

}  // namespace
}  // namespace ownmodel::testing
