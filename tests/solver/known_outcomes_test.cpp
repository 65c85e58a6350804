// Programs with a known outcome: bounded model checking finds exactly it, and
// the witness replays on the interpreter to the same fault.
#include <gtest/gtest.h>

#include "cli/witness_replay.h"
#include "solver/bmc.h"
#include "solver_helpers.h"

namespace ownmodel::solver {
namespace {

using testing::kind;
using testing::Verified;

Verified verify_text(const std::string& text, unsigned bound, const std::vector<std::string>& disabled = {}) {
  Verified v = testing::verify_text(text, bound, disabled);
  EXPECT_TRUE(v.result.supported) << v.result.unsupported;
  return v;
}

/// Exactly `expected` is reachable; its witness replays to the same fault.
void expect_only(const Verified& v, std::optional<Rule> expected) {
  for (const KindResult& k : v.result.kinds) {
    if (expected && k.kind == *expected) {
      ASSERT_EQ(k.status, Reach::Reachable) << spec_name(k.kind);
      ASSERT_TRUE(k.witness.has_value());
      const run::Outcome o = cli::replay_witness(*v.checked.elaborated, *k.witness, v.checked.accepted);
      ASSERT_EQ(o.stop.kind, run::StopKind::Faulted);
      EXPECT_EQ(o.stop.fault->kind, *expected);
    } else {
      EXPECT_EQ(k.status, Reach::Unreachable) << spec_name(k.kind);
    }
  }
}

bool input(const Witness& w, const std::string& name) {
  for (const auto& [n, v] : w.inputs)
    if (n == name) return std::get<bool>(v);
  ADD_FAILURE() << "no input " << name;
  return false;
}

TEST(KnownOutcomes, SafeProgram) {
  const Verified v = verify_text(R"(from std.memory import UnsafePointer, alloc

def show(x: String):
    print(x)

def main(c: Bool, k: Int):
    var s = "x"
    var p = alloc[Int](1)
    p.init_pointee_copy(k)
    if c:
        var t = s^
        show(t)
    else:
        show(s)
    var i = 0
    while i < 3:
        p[] += i
        i += 1
    print(p[])
    p.destroy_pointee()
    p.free()
)",
                                 4);
  EXPECT_TRUE(v.checked.accepted);
  expect_only(v, std::nullopt);
  EXPECT_EQ(v.result.bound_hit, Reach::Unreachable);
}

TEST(KnownOutcomes, UseAfterTransferOnOneBranch) {
  const Verified v = verify_text(R"(def main(c: Bool):
    var s = "x"
    if c:
        var t = s^
        print(t)
    print(s)
)",
                                 3, {"S1"});
  expect_only(v, Rule::F_Uninit);
  EXPECT_TRUE(input(*kind(v.result, Rule::F_Uninit).witness, "c"));
  // The rejected version: the checker (S1 on) rejects it, the encoding agrees it faults.
  const Verified strict = verify_text(R"(def main(c: Bool):
    var s = "x"
    if c:
        var t = s^
        print(t)
    print(s)
)",
                                      3);
  EXPECT_FALSE(strict.checked.accepted);
  EXPECT_EQ(kind(strict.result, Rule::F_Uninit).status, Reach::Reachable);
}

TEST(KnownOutcomes, DoubleFreeOnlyWhenInputTrue) {
  const Verified v = verify_text(R"(from std.memory import UnsafePointer, alloc

def main(c: Bool, d: Bool):
    var p = alloc[Int](1)
    var q = p
    p.free()
    if c:
        q.free()
)",
                                 3);
  expect_only(v, Rule::F_Double_Free);
  EXPECT_TRUE(input(*kind(v.result, Rule::F_Double_Free).witness, "c"));
}

TEST(KnownOutcomes, LeakInThirdIterationNeedsBoundThree) {
  const std::string text = R"(from std.memory import UnsafePointer, alloc

def main():
    var i = 0
    while i < 3:
        if i == 2:
            var p = alloc[Int](1)
        i += 1
)";
  const Verified two = verify_text(text, 2);
  expect_only(two, std::nullopt);
  EXPECT_EQ(two.result.bound_hit, Reach::Reachable);  // the loop was cut, not proved safe
  const Verified three = verify_text(text, 3);
  expect_only(three, Rule::F_Leak);
  const Verified five = verify_text(text, 5);
  expect_only(five, Rule::F_Leak);
}

TEST(KnownOutcomes, UnsupportedIsUnknownNeverSafe) {
  const Verified v = [] {
    Verified out;
    // A String input of main is outside the encoded subset (inputs are Int and Bool).
    out.checked = testing::compile("def main(s: String):\n    print(s)\n");
    out.result = verify(*out.checked.elaborated, VerifyOptions{});
    return out;
  }();
  EXPECT_FALSE(v.result.supported);
  for (const KindResult& k : v.result.kinds) EXPECT_EQ(k.status, Reach::Unknown);
}

}  // namespace
}  // namespace ownmodel::solver
