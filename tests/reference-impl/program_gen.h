#pragma once
// A generator of small Mojo programs meant to be accepted (about `statements`
// statements in `main`): a struct with a printing destructor passed by
// reference, `mut`, `var` (copy or `^`), `.copy()`, moves, a List[Int], String
// arithmetic and branches. It tracks which variables are still alive so every
// use is legal. Used by the property tests and bench/run_bench.cpp.

#include <cstdint>
#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace ownmodel::testing {

inline std::string generate_program(std::uint32_t seed, int statements = 10) {
  std::mt19937 rng(seed);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  std::string out =
      "@fieldwise_init\n"
      "struct Item(Copyable):\n"
      "    var name: String\n"
      "    var n: Int\n"
      "\n"
      "    def __deinit__(deinit self):\n"
      "        print(\"del\", self.name)\n"
      "\n"
      "\n"
      "def show(it: Item):\n"
      "    print(\"show\", it.name, it.n)\n"
      "\n"
      "\n"
      "def bump(mut it: Item):\n"
      "    it.n += 1\n"
      "\n"
      "\n"
      "def consume(var it: Item):\n"
      "    print(\"consume\", it.name)\n"
      "\n"
      "\n"
      "def main():\n"
      "    var xs: List[Int] = [1, 2]\n"
      "    var total = 0\n";
  std::vector<int> alive;
  int next = 0;
  auto any_alive = [&]() { return alive[static_cast<std::size_t>(pick(static_cast<int>(alive.size())))]; };
  auto drop = [&](int v) { alive.erase(std::find(alive.begin(), alive.end(), v)); };
  auto name = [](int v) { return "v" + std::to_string(v); };
  for (int k = 0; k < statements; ++k) {
    const int choice = alive.empty() ? 0 : pick(11);
    const std::string line_no = std::to_string(k);
    switch (choice) {
      case 0: {
        const int v = next++;
        out += "    var " + name(v) + " = Item(\"" + name(v) + "\", " + std::to_string(pick(7)) + ")\n";
        alive.push_back(v);
        break;
      }
      case 1: out += "    show(" + name(any_alive()) + ")\n"; break;
      case 2: out += "    bump(" + name(any_alive()) + ")\n"; break;
      case 3: {
        const int v = any_alive();
        out += "    consume(" + name(v) + "^)\n";
        drop(v);
        break;
      }
      case 4: {
        const int v = any_alive(), w = next++;
        out += "    var " + name(w) + " = " + name(v) + ".copy()\n";
        out += "    " + name(w) + ".name = \"" + name(w) + "\"\n";
        alive.push_back(w);
        break;
      }
      case 5: {
        const int v = any_alive(), w = next++;
        out += "    var " + name(w) + " = " + name(v) + "^\n";
        drop(v);
        alive.push_back(w);
        break;
      }
      case 6: out += "    total += " + name(any_alive()) + ".n * " + std::to_string(pick(5)) + "\n"; break;
      case 7: out += "    xs.append(total + " + line_no + ")\n"; break;
      case 8: {
        const int v = any_alive();
        out += "    if " + name(v) + ".n > 3:\n        print(\"big\", " + name(v) + ".name)\n    else:\n        show(" +
               name(v) + ")\n";
        break;
      }
      case 9: out += "    print(\"s\" + String(total), len(xs))\n"; break;
      default: {
        out += "    var i" + line_no + " = 0\n    while i" + line_no + " < 2:\n        total += i" + line_no +
               "\n        i" + line_no + " += 1\n";
        break;
      }
    }
  }
  out += "    print(\"total\", total, xs)\n";
  return out;
}

}  // namespace ownmodel::testing
