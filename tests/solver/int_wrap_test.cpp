// Int arithmetic in the Z3 encoding wraps at 64 bits like the machine's (§6:
// `+ - *` and unary `-` modulo 2^64, `//` and `%` rounding toward negative
// infinity, `//` or `%` by zero aborts). Each program moves a String on a
// branch that only a wrapped (or floor-rounded) result takes, then prints it:
// F-Uninit is reachable exactly when the machine's arithmetic lets it be. A
// reachable fault's witness replays on the interpreter to the same fault, and
// the interpreter is also run on chosen inputs to pin the expected outcome.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "cli/witness_replay.h"
#include "reference-impl/machine.h"
#include "solver/bmc.h"
#include "solver_helpers.h"

namespace ownmodel::solver {
namespace {

using testing::kind;
using testing::Verified;

Verified verify_text(const std::string& text) {
  Verified v = testing::verify_text(text, 3);
  EXPECT_TRUE(v.result.supported) << v.result.unsupported;
  return v;
}

std::int64_t int_input(const Witness& w, const std::string& name) {
  for (const auto& [n, v] : w.inputs)
    if (n == name) return std::get<std::int64_t>(v);
  ADD_FAILURE() << "no input " << name;
  return 0;
}

/// The interpreter's outcome on the given Int inputs.
run::Outcome run_with(const Verified& v, const std::map<std::string, std::int64_t>& ints) {
  run::MapOracle oracle;
  for (const auto& [name, x] : ints) oracle.arguments[name] = run::InputValue{x};
  run::Program p;
  p.module = &*v.checked.elaborated;
  p.accepted = v.checked.accepted;
  p.oracle = &oracle;
  p.limits.max_steps = 100000;
  return run::run_program(p);
}

bool faults_uninit(const run::Outcome& o) {
  return o.stop.kind == run::StopKind::Faulted && o.stop.fault->kind == Rule::F_Uninit;
}

/// F-Uninit is reachable, its witness replays to F-Uninit, and no other kind
/// is reachable. Returns the witness.
Witness expect_uninit_reachable(const Verified& v) {
  for (const KindResult& k : v.result.kinds)
    if (k.kind != Rule::F_Uninit) EXPECT_EQ(k.status, Reach::Unreachable) << spec_name(k.kind);
  const KindResult& u = kind(v.result, Rule::F_Uninit);
  EXPECT_EQ(u.status, Reach::Reachable) << reach_name(u.status) << " " << u.reason;
  if (!u.witness) {
    ADD_FAILURE() << "no witness";
    return {};
  }
  const run::Outcome o = cli::replay_witness(*v.checked.elaborated, *u.witness, v.checked.accepted);
  EXPECT_TRUE(faults_uninit(o)) << o.stop.message;
  return *u.witness;
}

void expect_all_unreachable(const Verified& v) {
  for (const KindResult& k : v.result.kinds)
    EXPECT_EQ(k.status, Reach::Unreachable) << spec_name(k.kind) << " " << k.reason;
  EXPECT_EQ(v.result.bound_hit, Reach::Unreachable);
}

const std::string kTake = "def take(var s: String):\n    print(s)\n\n";

TEST(IntWrap, AdditionOverflowReachesTheFault) {
  // The reproducer: only n = INT64_MAX makes n + 1 < n.
  const Verified v = verify_text(kTake + R"(def main(n: Int):
    var s = String("x")
    var m = n + 1
    if m < n:
        take(s^)
    print(s)
)");
  const Witness w = expect_uninit_reachable(v);
  EXPECT_EQ(int_input(w, "n"), INT64_MAX);
  EXPECT_FALSE(faults_uninit(run_with(v, {{"n", INT64_MAX - 1}})));
}

TEST(IntWrap, SubtractionOverflowReachesTheFault) {
  // Only n = INT64_MIN makes n - 1 > n.
  const Verified v = verify_text(kTake + R"(def main(n: Int):
    var s = String("x")
    var m = n - 1
    if m > n:
        take(s^)
    print(s)
)");
  const Witness w = expect_uninit_reachable(v);
  EXPECT_EQ(int_input(w, "n"), INT64_MIN);
  EXPECT_FALSE(faults_uninit(run_with(v, {{"n", INT64_MIN + 1}})));
}

TEST(IntWrap, MultiplicationByAConstantOverflows) {
  // n * 4 < 0 for a positive n: 4n mod 2^64 ≥ 2^63, i.e. n mod 2^62 ≥ 2^61.
  const Verified v = verify_text(kTake + R"(def main(n: Int):
    var s = String("x")
    if n > 0:
        var m = n * 4
        if m < 0:
            take(s^)
    print(s)
)");
  const Witness w = expect_uninit_reachable(v);
  const std::int64_t n = int_input(w, "n");
  EXPECT_GE(n % (std::int64_t{1} << 62), std::int64_t{1} << 61);
  EXPECT_FALSE(faults_uninit(run_with(v, {{"n", (std::int64_t{1} << 61) - 1}})));
}

TEST(IntWrap, MultiplicationOfTwoInputsOverflows) {
  // Two positive inputs whose product wraps to exactly 0 (e.g. 2^32 · 2^32).
  const Verified v = verify_text(kTake + R"(def main(a: Int, b: Int):
    var s = String("x")
    if a > 1:
        if b > 1:
            var m = a * b
            if m == 0:
                take(s^)
    print(s)
)");
  const Witness w = expect_uninit_reachable(v);
  const auto a = static_cast<unsigned __int128>(int_input(w, "a"));
  const auto b = static_cast<unsigned __int128>(int_input(w, "b"));
  EXPECT_EQ((a * b) % (static_cast<unsigned __int128>(1) << 64), 0u);
}

TEST(IntWrap, NegationOfTheMinimumWraps) {
  // -INT64_MIN = INT64_MIN: the only negative n with -n < 0.
  const Verified v = verify_text(kTake + R"(def main(n: Int):
    var s = String("x")
    if n < 0:
        var m = -n
        if m < 0:
            take(s^)
    print(s)
)");
  const Witness w = expect_uninit_reachable(v);
  EXPECT_EQ(int_input(w, "n"), INT64_MIN);
  EXPECT_FALSE(faults_uninit(run_with(v, {{"n", -1}})));
}

TEST(IntWrap, FloorDivisionOfTheMinimumByMinusOneWraps) {
  // INT64_MIN // -1 = INT64_MIN (wraps), INT64_MIN % -1 = 0.
  const Verified v = verify_text(kTake + R"(def main(n: Int):
    var s = String("x")
    if n < 0:
        var q = n // -1
        var r = n % -1
        if q < 0:
            if r == 0:
                take(s^)
    print(s)
)");
  const Witness w = expect_uninit_reachable(v);
  EXPECT_EQ(int_input(w, "n"), INT64_MIN);
}

TEST(IntWrap, FloorDivisionAndModuloRoundTowardNegativeInfinity) {
  // -7 // 2 = -4, -7 % 2 = 1, 7 // -2 = -4, 7 % -2 = -1, -7 // -2 = 3, -7 % -2 = -1;
  // truncating division would take the branch.
  const Verified v = verify_text(kTake + R"(def main(n: Int):
    var s = String("x")
    if n == 7:
        var m = -n
        var a = m // 2
        var b = m % 2
        var c = n // -2
        var d = n % -2
        var e = m // -2
        var f = m % -2
        if a != -4 or b != 1 or c != -4 or d != -1 or e != 3 or f != -1:
            take(s^)
    print(s)
)");
  expect_all_unreachable(v);
  EXPECT_FALSE(faults_uninit(run_with(v, {{"n", 7}})));
}

TEST(IntWrap, DivisionByZeroAbortsBeforeTheFault) {
  // The branch is taken only for n == 0, where 10 // n has already aborted the run.
  const Verified v = verify_text(kTake + R"(def main(n: Int):
    var s = String("x")
    var q = 10 // n
    if n == 0:
        take(s^)
    print(s, q)
)");
  expect_all_unreachable(v);
  EXPECT_EQ(run_with(v, {{"n", 0}}).stop.kind, run::StopKind::Aborted);
}

TEST(IntWrap, NoOverflowKeepsTheFaultUnreachable) {
  // n // 2 + 1 never overflows, and wrapped arithmetic is still a ring: (n + 1) - 1 = n,
  // -(-n) = n and (n * 3) - n - n = n for every 64-bit n.
  const Verified v = verify_text(kTake + R"(def main(n: Int):
    var s = String("x")
    var h = n // 2
    var m = h + 1
    var back = (n + 1) - 1
    var neg = -(-n)
    var tri = n * 3 - n - n
    if m < h or back != n or neg != n or tri != n:
        take(s^)
    print(s)
)");
  expect_all_unreachable(v);
  for (std::int64_t n : {INT64_MIN, std::int64_t{-1}, std::int64_t{0}, INT64_MAX})
    EXPECT_FALSE(faults_uninit(run_with(v, {{"n", n}}))) << n;
}

TEST(IntWrap, InputsRangeOverExactly64BitValues) {
  // No 64-bit n exceeds INT64_MAX or goes below INT64_MIN, so the branch is dead.
  const Verified v = verify_text(kTake + R"(def main(n: Int):
    var s = String("x")
    if n > 9223372036854775807 or n < -9223372036854775807 - 1:
        take(s^)
    print(s)
)");
  expect_all_unreachable(v);
}

}  // namespace
}  // namespace ownmodel::solver
