// The static pipeline's observable output is pinned: performance work on
// model/sema, model/flow and model/check must not change any verdict,
// diagnostic (code, severity, position, message, notes) or elaborated
// function. The output over a fixed corpus (every program of the enumerated
// space `tiny`; every file of examples/ and tests/data/rules/ under every
// rule-set preset) is serialised and hashed (FNV-1a, 64 bits).
//
// The golden hashes were recorded from the build before the check-speed
// optimisations. A deliberate change of the checker's output (a new rule, a
// new message) changes them: then rerun this test, check that the diff of
// behaviour is the intended one, and paste the hashes it prints.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "campaigns/corpus_header.h"
#include "generators/enumerate.h"
#include "model/check/check.h"
#include "model/diagnostics/source.h"
#include "model/ir/print.h"
#include "model/rules/rule_set.h"

namespace ownmodel {
namespace {

namespace fs = std::filesystem;

std::uint64_t fnv1a(std::uint64_t h, std::string_view text) {
  for (unsigned char c : text) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}
constexpr std::uint64_t fnv_basis = 0xcbf29ce484222325ULL;

std::string span_text(const Span& s) {
  return fmt::format("{}:{}-{}:{}", s.line, s.col, s.end_line, s.end_col);
}

/// Everything a caller of check_* can observe, as text: the verdict, every
/// diagnostic with its notes, and every elaborated function (synthesized
/// ones too, which print_module leaves out).
std::string observe(const CheckResult& r) {
  std::string out = r.accepted ? "accepted\n" : "rejected\n";
  for (const Diagnostic& d : r.diagnostics) {
    out += fmt::format("{} [{}] {}: {}\n", severity_name(d.severity), d.code, span_text(d.span),
                       d.message);
    for (const DiagnosticNote& n : d.notes)
      out += fmt::format("  note {}: {}\n", span_text(n.span), n.message);
  }
  if (r.elaborated) {
    for (const ir::Function& f : r.elaborated->functions) {
      out += ir::print_function(*r.elaborated, f);
      out += fmt::format("entry {} blocks {} slots {}\n", f.entry, f.blocks.size(), f.slots.size());
    }
  } else {
    out += "(not elaborated)\n";
  }
  return out;
}

std::vector<fs::path> mojo_files(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() == ".mojo") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::uint64_t hash_files(const fs::path& dir, const RuleSet& rules) {
  std::uint64_t h = fnv_basis;
  for (const fs::path& path : mojo_files(dir)) {
    const SourceFile source(fs::relative(path, dir).generic_string(), corpus::read_text(path));
    h = fnv1a(h, source.name());
    h = fnv1a(h, observe(check_source(source, rules)));
  }
  return h;
}

std::uint64_t hash_space(std::string_view spec, const RuleSet& rules) {
  const enumerate::SpaceParse parsed = enumerate::parse_space(spec);
  const enumerate::Space space(*parsed.params);
  std::uint64_t h = fnv_basis;
  for (enumerate::Cursor c(space); !c.done(); c.next())
    h = fnv1a(h, observe(check_module(c.module(), rules)));
  return h;
}

std::string hex(std::uint64_t h) { return fmt::format("{:016x}", h); }

const fs::path source_dir{OWNMODEL_SOURCE_DIR};

TEST(CheckEquivalence, TinySpaceUnchanged) {
  EXPECT_EQ(hex(hash_space("tiny", RuleSet())), "5b42e1a7f0fba5b7");
}

TEST(CheckEquivalence, CorporaUnchangedUnderEveryPreset) {
  std::string got;
  for (std::string_view name : RuleSet::preset_names()) {
    const RuleSet rules = *RuleSet::preset(name);
    got += fmt::format("{} examples {}\n", name, hex(hash_files(source_dir / "examples", rules)));
    got += fmt::format("{} rules {}\n", name, hex(hash_files(source_dir / "tests/data/rules", rules)));
  }
  EXPECT_EQ(got,
            "mojo-1.0 examples 8e1f2fd791dac028\n"
            "mojo-1.0 rules 910edf76bf99fa88\n"
            "mojo-1.0-beta examples 63055a1031732485\n"
            "mojo-1.0-beta rules 6273405659b5723a\n"
            "mojo-24.5 examples 02361d77ddca1c7a\n"
            "mojo-24.5 rules 7eb68e7a8173ed04\n");
}

/* --- CheckCache gives the same results as no cache ------------------------ */

TEST(CheckEquivalence, CacheChangesNothingOnTheTinySpace) {
  const enumerate::Space space(*enumerate::parse_space("tiny").params);
  const RuleSet rules;
  CheckCache cache;
  for (enumerate::Cursor c(space); !c.done(); c.next()) {
    const std::string plain = observe(check_module(c.module(), rules));
    const std::string cached = observe(check_module(c.module(), rules, cache));
    ASSERT_EQ(cached, plain) << "program " << c.index().str();
  }
  // The prelude's five functions are replayed, main is checked.
  EXPECT_GT(cache.functions_reused(), 4 * cache.functions_checked() / 2);
}

TEST(CheckEquivalence, CacheChangesNothingOnTheCorpora) {
  // One cache through every file and preset, each file twice in a row (the
  // second check replays all of it), so entries are replaced many times.
  CheckCache cache;
  for (std::string_view name : RuleSet::preset_names()) {
    const RuleSet rules = *RuleSet::preset(name);
    for (const char* dir : {"examples", "tests/data/rules"})
      for (const fs::path& path : mojo_files(source_dir / dir)) {
        const SourceFile source(path.filename().string(), corpus::read_text(path));
        const std::string plain = observe(check_source(source, rules));
        ASSERT_EQ(observe(check_source(source, rules, cache)), plain) << path << " " << name;
        ASSERT_EQ(observe(check_source(source, rules, cache)), plain) << path << " " << name;
      }
  }
  EXPECT_GT(cache.functions_reused(), 0u);
}

TEST(CheckEquivalence, CacheSeesPositionsAndBodies) {
  // Same declarations, main moved down a line, then a body changed: no stale replay.
  const std::string a =
      "struct S:\n    var n: Int\n    def __init__(out self):\n        self.n = 1\n"
      "def f(x: Int):\n    print(x)\n"
      "def main():\n    var q = 1\n    f(q)\n";
  const std::string b =
      "struct S:\n    var n: Int\n    def __init__(out self):\n        self.n = 1\n"
      "def f(x: Int):\n    print(x)\n"
      "\ndef main():\n    var q = 1\n    f(q)\n";
  const std::string c =
      "struct S:\n    var n: Int\n    def __init__(out self):\n        pass\n"
      "def f(x: Int):\n    print(x)\n"
      "def main():\n    var q = 1\n    f(q)\n";
  const RuleSet rules;
  CheckCache cache;
  for (const std::string* text : {&a, &a, &b, &a, &c, &a}) {
    const SourceFile source("t.mojo", *text);
    const CheckResult plain = check_source(source, rules);
    ASSERT_TRUE(plain.elaborated) << *text;
    ASSERT_EQ(observe(check_source(source, rules, cache)), observe(plain));
  }
}

}  // namespace
}  // namespace ownmodel
