#pragma once
// The exhaustive campaign behind `ownmodel enumerate` (DESIGN.md §8): every
// program of a space (generators/enumerate.h), or one shard of it, through the
// four-way oracle. Enumerated programs are already small, so a property failure
// (an accepted program that faults, unbalanced events, an internal error) is
// reported as enumerated, with its index, which `--index` replays.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "campaigns/classify.h"
#include "campaigns/front_end.h"
#include "generators/enumerate.h"
#include "model/rules/rule_set.h"

namespace ownmodel::campaigns {

struct EnumerateOptions {
  enumerate::SpaceParams space;
  enumerate::Shard shard;
  /// Only this index of the space (replay); overrides the shard.
  std::optional<enumerate::BigInt> only_index;
  RuleSet rules;
  unsigned jobs = 1;
  ClassifyOptions classify;
  std::size_t keep_failures = 20;
  Progress progress;
};

struct EnumeratedFailure {
  std::string index;     ///< decimal
  std::string category;
  std::string what;
  std::string program;
};

struct EnumerateResult {
  std::string spec;          ///< the space's canonical spec string
  std::string description;
  std::string cardinality;   ///< decimal: the size of the whole space
  std::string begin, end;    ///< the index range run
  std::uint64_t programs = 0;
  FourWayTable table;
  std::vector<EnumeratedFailure> failures;
  std::uint64_t failure_count = 0;
  double seconds = 0;
  [[nodiscard]] double programs_per_second() const {
    return seconds > 0 ? static_cast<double>(programs) / seconds : 0.0;
  }
  [[nodiscard]] nlohmann::json to_json() const;
};

[[nodiscard]] EnumerateResult enumerate_space(const EnumerateOptions& options);

}  // namespace ownmodel::campaigns
