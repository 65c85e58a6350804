#include "campaigns/enumerate.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "campaigns/fuzz.h"
#include "model/syntax/print.h"

namespace ownmodel::campaigns {

nlohmann::json EnumerateResult::to_json() const {
  nlohmann::json j{{"space", spec},
                   {"description", description},
                   {"cardinality", cardinality},
                   {"begin", begin},
                   {"end", end},
                   {"programs", programs},
                   {"seconds", seconds},
                   {"programs_per_second", programs_per_second()},
                   {"table", table.to_json()},
                   {"failures_found", failure_count}};
  j["failures"] = nlohmann::json::array();
  for (const EnumeratedFailure& f : failures)
    j["failures"].push_back({{"index", f.index}, {"category", f.category}, {"what", f.what}, {"program", f.program}});
  return j;
}

EnumerateResult enumerate_space(const EnumerateOptions& options) {
  using enumerate::BigInt;
  const auto start = std::chrono::steady_clock::now();
  const enumerate::Space space(options.space);
  EnumerateResult result;
  result.spec = options.space.spec();
  result.description = options.space.describe();
  result.cardinality = space.cardinality().str();
  BigInt begin, end;
  if (options.only_index) {
    begin = *options.only_index;
    end = begin + 1;
  } else {
    std::tie(begin, end) = enumerate::shard_range(space.cardinality(), options.shard);
  }
  result.begin = begin.str();
  result.end = end.str();
  const BigInt count = end - begin;
  // Progress and work splitting count in 64 bits; a bigger range still runs,
  // only its progress saturates.
  const std::uint64_t total =
      count > BigInt(UINT64_MAX) ? UINT64_MAX : static_cast<std::uint64_t>(count);

  std::mutex mutex;
  std::atomic<std::uint64_t> done{0};
  struct Found {
    BigInt index;
    EnumeratedFailure failure;
  };
  std::vector<Found> found;
  const unsigned jobs = std::max(1u, std::min<unsigned>(options.jobs, static_cast<unsigned>(std::max<std::uint64_t>(1, total))));
  auto worker = [&](unsigned job) {
    const BigInt from = begin + count * job / jobs, to = begin + count * (job + 1) / jobs;
    FourWayTable table;
    std::uint64_t local_done = 0;
    CheckCache cache;  // the prelude is the same in every program of a space
    for (enumerate::Cursor cursor(space, from, to); !cursor.done(); cursor.next()) {
      const Classification c = classify(cursor.module(), options.rules, options.classify, cache);
      table.add(c);
      if (const Verdict v = property_failure(c); !v.category.empty()) {
        std::lock_guard lock(mutex);
        ++result.failure_count;
        found.push_back({cursor.index(), {cursor.index().str(), v.category, v.what, print(cursor.module())}});
        std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.index < b.index; });
        if (found.size() > options.keep_failures) found.pop_back();
      }
      if (++local_done % 1024 == 0 && options.progress) {
        const std::uint64_t n = done.fetch_add(1024) + 1024;
        std::lock_guard lock(mutex);
        options.progress(std::min(n, total), total);
      }
    }
    done.fetch_add(local_done % 1024);
    std::lock_guard lock(mutex);
    result.table.merge(table);
    result.programs += local_done;
  };
  std::vector<std::thread> threads;
  for (unsigned j = 1; j < jobs; ++j) threads.emplace_back(worker, j);
  worker(0);
  for (std::thread& t : threads) t.join();
  if (options.progress) options.progress(total, total);
  for (Found& f : found) result.failures.push_back(std::move(f.failure));
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace ownmodel::campaigns
