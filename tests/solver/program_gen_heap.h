#pragma once
// A generator of small programs over List[String] and OwnedPointer[String]
// with symbolic Bool inputs `a`, `b`, `c` of main: list literals, appends
// (with reallocation), len, element reads, moves of whole lists and boxes,
// reassignment, branches and one bounded loop. Variables are reused without
// tracking liveness, so programs reach F-Uninit on some inputs; they need not
// be accepted. At most three appends are written (a loop body's counts
// twice), so no list outgrows the cells the encoding tracks.
#include <cstdint>
#include <random>
#include <string>

namespace ownmodel::testing {

inline std::string generate_heap_program(std::uint32_t seed, int statements = 10) {
  std::mt19937 rng(seed);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  std::string out = "def main(a: Bool, b: Bool, c: Bool):\n";
  int lists = 0, boxes = 0, loops = 0, appends = 0;
  const char* conds[] = {"a", "b", "c", "not a"};
  auto L = [&](int i) { return "l" + std::to_string(i); };
  auto Q = [&](int i) { return "q" + std::to_string(i); };
  // A statement that declares nothing (usable under if / while); `weight` is
  // how many times it may run (a loop body runs twice).
  auto simple = [&](int weight) -> std::string {
    const int k = pick(7);
    if (k == 0 && lists > 0 && appends + weight <= 3) {
      appends += weight;
      return L(pick(lists)) + ".append(\"e\")";
    }
    if (k == 1 && lists > 0) return "print(len(" + L(pick(lists)) + "))";
    if (k == 2 && lists > 0) return "print(" + L(pick(lists)) + "[0])";
    if (k == 3 && boxes > 0) return "print(" + Q(pick(boxes)) + "[])";
    if (k == 4 && lists > 1) return L(pick(lists)) + " = " + L(pick(lists)) + "^";
    if (k == 5 && boxes > 1) return Q(pick(boxes)) + " = " + Q(pick(boxes)) + "^";
    if (k == 6 && lists > 0) return "print(" + L(pick(lists)) + ")";
    return "print(\"x\")";
  };
  for (int k = 0; k < statements; ++k) {
    switch (pick(8)) {
      case 0: out += "    var " + L(lists++) + ": List[String] = [\"a\", \"b\"]\n"; break;
      case 1: out += "    var " + L(lists++) + " = List[String]()\n"; break;
      case 2: out += "    var " + Q(boxes++) + " = OwnedPointer(\"v\")\n"; break;
      case 3:
        if (lists > 0) {
          out += "    var " + L(lists) + " = " + L(pick(lists)) + "^\n";
          ++lists;
        } else if (boxes > 0) {
          out += "    var " + Q(boxes) + " = " + Q(pick(boxes)) + "^\n";
          ++boxes;
        }
        break;
      case 4:
      case 5:
        out += std::string("    if ") + conds[pick(4)] + ":\n        " + simple(1) + "\n";
        if (pick(2)) out += "    else:\n        " + simple(1) + "\n";
        break;
      case 6:
        if (loops < 1) {
          const std::string i = "i" + std::to_string(loops++);
          out += "    var " + i + " = 0\n    while " + i + " < 2:\n        " + simple(2) + "\n        " + i + " += 1\n";
        }
        break;
      default: out += "    " + simple(1) + "\n"; break;
    }
  }
  out += "    print(\"end\")\n";
  return out;
}

}  // namespace ownmodel::testing
