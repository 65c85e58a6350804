// Issue 5 gaps: named destructors forwarding `self^` (example 08), and the
// encoding of OwnedPointer and List (E-Box-New, E-List-New, E-List-Append with
// reallocation, len, element access, destruction). Every verdict is checked
// against the interpreter: a reachable outcome's witness replays to the same
// fault; an accepted example with nothing reachable runs without a fault.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "cli/witness_replay.h"
#include "solver/bmc.h"
#include "solver_helpers.h"

namespace ownmodel::solver {
namespace {

using testing::kind;
using testing::Verified;
using testing::verify_text;

/// Every reachable kind replays on the interpreter to a fault of that kind.
void expect_agreement(const Verified& v, const std::string& what) {
  for (const KindResult& k : v.result.kinds) {
    if (k.status != Reach::Reachable) continue;
    ASSERT_TRUE(k.witness.has_value()) << what;
    const run::Outcome o = cli::replay_witness(*v.checked.elaborated, *k.witness, v.checked.accepted);
    EXPECT_EQ(o.stop.kind, run::StopKind::Faulted) << what << ": " << spec_name(k.kind) << " does not replay";
    if (o.stop.kind == run::StopKind::Faulted) EXPECT_EQ(o.stop.fault->kind, k.kind) << what;
  }
}

/// Exactly `expected` reachable (agreeing with the interpreter), all else unreachable.
void expect_only(const Verified& v, std::optional<Rule> expected) {
  ASSERT_TRUE(v.result.supported) << v.result.unsupported;
  for (const KindResult& k : v.result.kinds) {
    if (expected && k.kind == *expected) EXPECT_EQ(k.status, Reach::Reachable) << spec_name(k.kind);
    else EXPECT_EQ(k.status, Reach::Unreachable) << spec_name(k.kind);
  }
  expect_agreement(v, "program");
}

bool input(const Witness& w, const std::string& name) {
  for (const auto& [n, v] : w.inputs)
    if (n == name) return std::get<bool>(v);
  ADD_FAILURE() << "no input " << name;
  return false;
}

std::string read_example(const std::string& name) {
  std::ifstream in(std::string(OWNMODEL_SOURCE_DIR) + "/examples/" + name);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(NamedDestructors, ForwardingSelfFromADeinitMethodIsNotUninit) {
  // Example 08: `self^.discard()` inside `close(deinit self)` hands the consumed
  // value on; the interpreter runs it without a fault, and so must the encoding.
  const Verified v = verify_text(read_example("08-named-destructors.mojo"), 3);
  ASSERT_TRUE(v.checked.accepted);
  expect_only(v, std::nullopt);
  run::Program p;
  p.module = &*v.checked.elaborated;
  p.accepted = true;
  EXPECT_NE(run::run_program(p).stop.kind, run::StopKind::Faulted);
}

TEST(NamedDestructors, ForwardingAPartlyMovedSelfIsUninit) {
  // The forward is allowed only when every field is initialized.
  const Verified v = verify_text(R"(
@fieldwise_init
struct Buffer(Movable):
    var name: String
    var data: String

    def discard(deinit self):
        print("discard")

    def close(deinit self, c: Bool):
        if c:
            var d = self.data^
            print(d)
        self^.discard()

def main(c: Bool):
    var b = Buffer("n", "d")
    b^.close(c)
)",
                                 3, {"S2", "S1", "S4d", "S7c"});
  ASSERT_TRUE(v.checked.elaborated.has_value());
  ASSERT_TRUE(v.result.supported) << v.result.unsupported;
  const KindResult& k = kind(v.result, Rule::F_Uninit);
  ASSERT_EQ(k.status, Reach::Reachable);
  EXPECT_TRUE(input(*k.witness, "c"));
  expect_agreement(v, "partly moved forward");
}

TEST(HeapOwners, SafeListAndOwnedPointerProgram) {
  const Verified v = verify_text(R"(
@fieldwise_init
struct Pair(Copyable, Movable):
    var a: String
    var b: Int

def main(c: Bool, n: Int):
    var xs: List[Int] = [1]
    var i = 0
    while i < n:
        xs.append(i)
        i += 1
    xs.append(7)
    print(len(xs), xs[0])
    for x in xs:
        print(x)
    var ys = xs.copy()
    print(ys)
    var ps = List[Pair]()
    ps.append(Pair("a", 1))
    ps.append(Pair("b", 2))
    if c:
        ps.append(Pair("c", 3))
    print(ps[0].a, ps[1].b)
    var p = OwnedPointer("boxed")
    print(p[])
    var q = p^
    print(q[])
)",
                                 3);
  expect_only(v, std::nullopt);
}

TEST(HeapOwners, UseOfAMovedOwnedPointerOnlyOnOneBranch) {
  const Verified v = verify_text(R"(
def main(c: Bool):
    var p = OwnedPointer("x")
    if c:
        var q = p^
        print(q[])
    print(p[])
)",
                                 3, {"S1", "S4d"});
  expect_only(v, Rule::F_Uninit);
  EXPECT_TRUE(input(*kind(v.result, Rule::F_Uninit).witness, "c"));
}

TEST(HeapOwners, ReferenceDanglesOnlyWhenTheAppendReallocates) {
  // xs has capacity 2 after `[1, 2]`; the first append reallocates, so the
  // element reference dangles only on the path that appended.
  const Verified v = verify_text(R"(
def main(c: Bool):
    var xs: List[Int] = [1, 2]
    ref r = xs[0]
    if c:
        xs.append(3)
    print(r)
    print(len(xs))
)",
                                 3, {"S9", "S11"});
  expect_only(v, Rule::F_Dangling);
  EXPECT_TRUE(input(*kind(v.result, Rule::F_Dangling).witness, "c"));
}

TEST(HeapOwners, ExamplesAgreeWithTheInterpreter) {
  // Every example: a reachable verdict replays to the same fault; an accepted
  // example has nothing reachable; an unsupported one is unknown, never safe.
  int supported = 0, total = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(OWNMODEL_SOURCE_DIR) + "/examples")) {
    if (entry.path().extension() != ".mojo") continue;
    const std::string name = entry.path().filename().string();
    ++total;
    const Verified v = verify_text(read_example(name), 3);
    if (!v.checked.elaborated) continue;
    if (!v.result.supported) {
      for (const KindResult& k : v.result.kinds) EXPECT_EQ(k.status, Reach::Unknown) << name;
      continue;
    }
    ++supported;
    expect_agreement(v, name);
    if (v.checked.accepted) EXPECT_FALSE(v.result.any(Reach::Reachable)) << name;
  }
  EXPECT_EQ(supported, 54) << "of " << total;
}

}  // namespace
}  // namespace ownmodel::solver
