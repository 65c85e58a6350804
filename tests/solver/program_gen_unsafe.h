#pragma once
// A generator of small programs inside the encoded subset, with symbolic Bool
// inputs `a`, `b`, `c` of main: String moves and prints, UnsafePointer[Int]
// alloc / init / read / free, branches on the inputs and a bounded while loop.
// Variables are reused without tracking liveness, so generated programs reach
// F-Uninit, F-Use-After-Free, F-Double-Free, F-Leak on some inputs; they need
// not be accepted (the checker's verdict does not matter here).
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace ownmodel::testing {

inline std::string generate_unsafe_program(std::uint32_t seed, int statements = 10) {
  std::mt19937 rng(seed);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  std::string out = "from std.memory import UnsafePointer, alloc\n\ndef main(a: Bool, b: Bool, c: Bool):\n";
  int strings = 0, ptrs = 0, loops = 0;
  const char* conds[] = {"a", "b", "c", "not a"};
  // A statement that declares nothing (usable under if / while).
  auto simple = [&]() -> std::string {
    const int k = pick(6);
    if (k <= 1 && strings > 0) return "print(s" + std::to_string(pick(strings)) + ")";
    if (k == 2 && ptrs > 0) return "p" + std::to_string(pick(ptrs)) + ".free()";
    if (k == 3 && ptrs > 0) return "p" + std::to_string(pick(ptrs)) + ".init_pointee_copy(" + std::to_string(pick(9)) + ")";
    if (k == 4 && ptrs > 0) return "print(p" + std::to_string(pick(ptrs)) + "[])";
    if (k == 5 && strings > 1) return "s" + std::to_string(pick(strings)) + " = s" + std::to_string(pick(strings)) + "^";
    return "print(\"x\")";
  };
  for (int k = 0; k < statements; ++k) {
    switch (pick(7)) {
      case 0: out += "    var s" + std::to_string(strings++) + " = \"v\"\n"; break;
      case 1: out += "    var p" + std::to_string(ptrs++) + " = alloc[Int](1)\n"; break;
      case 2:
        if (strings > 0) { out += "    var s" + std::to_string(strings) + " = s" + std::to_string(pick(strings)) + "^\n"; ++strings; }
        break;
      case 3:
      case 4: {
        out += std::string("    if ") + conds[pick(4)] + ":\n        " + simple() + "\n";
        if (pick(2)) out += "    else:\n        " + simple() + "\n";
        break;
      }
      case 5:
        if (loops < 1) {
          const std::string i = "i" + std::to_string(loops++);
          out += "    var " + i + " = 0\n    while " + i + " < 2:\n        " + simple() + "\n        " + i + " += 1\n";
        }
        break;
      default: out += "    " + simple() + "\n"; break;
    }
  }
  out += "    print(\"end\")\n";
  return out;
}

}  // namespace ownmodel::testing
