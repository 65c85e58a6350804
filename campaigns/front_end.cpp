#include "campaigns/front_end.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <rapidcheck.h>

#include "generators/ast_gen.h"
#include "generators/fuzz_gen.h"
#include "model/syntax/parser.h"
#include "model/syntax/print.h"

namespace ownmodel::campaigns {

namespace {

constexpr std::size_t kKeptFailures = 5;
constexpr int kGeneratorSize = 100;  // RapidCheck's default maximum size

class Timer {
 public:
  [[nodiscard]] double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - d_start).count();
  }

 private:
  std::chrono::steady_clock::time_point d_start = std::chrono::steady_clock::now();
};

void record(CampaignResult& result, CampaignFailure failure) {
  ++result.failure_count;
  if (result.failures.size() < kKeptFailures) result.failures.push_back(std::move(failure));
}

/// The round-trip law on one parsed module; returns what broke, or "".
std::string round_trip_problem(const ast::Module& module) {
  std::string printed = print(module);
  ParseResult again = parse(SourceFile("<printed>", printed));
  if (!again.module) return "the printed form does not parse:\n" + printed;
  if (!(*again.module == module)) return "parse(print(tree)) differs from the tree:\n" + printed;
  if (print(*again.module) != printed) return "printing is not a fixed point:\n" + printed;
  return {};
}

/// Every diagnostic has a code and a position inside the file (or just past its end).
std::string diagnostics_problem(const SourceFile& source, const ParseResult& result) {
  bool any_error = std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                               [](const Diagnostic& d) { return d.severity == Severity::Error; });
  if (result.module.has_value() == any_error) {
    return "a tree must come exactly when there is no error diagnostic";
  }
  for (const auto& d : result.diagnostics) {
    if (d.code.empty()) return "diagnostic without a code: " + d.message;
    if (d.span.line < 1 || d.span.line > source.line_count() + 1 || d.span.col < 1) {
      return fmt::format("diagnostic at invalid position {}:{}: {}", d.span.line, d.span.col,
                         d.message);
    }
  }
  return {};
}

}  // namespace

CampaignResult examples_round_trip(const std::string& dir, const Progress& progress) {
  namespace fs = std::filesystem;
  CampaignResult result;
  result.name = "examples: parse, print, parse";
  Timer timer;
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".mojo") files.push_back(it->path());
  }
  if (ec || files.empty()) {
    record(result, {dir, "no .mojo files found (is --examples right?)", ""});
    return result;
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    ++result.cases;
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    SourceFile source(path.string(), std::move(text).str());
    ParseResult parsed = parse(source);
    std::string problem = parsed.module ? round_trip_problem(*parsed.module)
                                        : "does not parse: " + parsed.diagnostics.front().message;
    if (problem.empty()) {
      ++result.passed;
    } else {
      record(result, {path.string(), problem, ""});
    }
    if (progress) progress(result.cases, files.size());
  }
  result.seconds = timer.seconds();
  return result;
}

CampaignResult random_round_trip(std::uint64_t count, std::uint64_t seed,
                                 const Progress& progress) {
  CampaignResult result;
  result.name = "random syntax trees: parse(print(t)) == t";
  Timer timer;
  rc::Random random(seed);
  const auto generator = gen::module();
  for (std::uint64_t i = 0; i < count; ++i) {
    // Sizes sweep 0..max like a RapidCheck run, so small trees are covered too.
    int size = static_cast<int>(i % (kGeneratorSize + 1));
    ast::Module module = generator(random.split(), size).value();
    ++result.cases;
    std::string problem = round_trip_problem(module);
    if (problem.empty()) {
      ++result.passed;
    } else {
      record(result, {fmt::format("case {} (seed {})", i, seed), problem, print(module)});
    }
    if (progress) progress(i + 1, count);
  }
  result.seconds = timer.seconds();
  return result;
}

CampaignResult parser_fuzz(std::uint64_t count, std::uint64_t seed, const Progress& progress) {
  CampaignResult result;
  result.name = "parser fuzz: tokens, bytes, mutated programs";
  Timer timer;
  rc::Random random(seed);
  const rc::Gen<std::string> generators[] = {gen::token_soup(), gen::random_bytes(),
                                             gen::mutated_program()};
  for (std::uint64_t i = 0; i < count; ++i) {
    int size = static_cast<int>(i % (kGeneratorSize + 1));
    std::string text = generators[i % 3](random.split(), size).value();
    SourceFile source(fmt::format("<fuzz {}>", i), text);
    ParseResult parsed = parse(source);
    std::string problem = diagnostics_problem(source, parsed);
    if (problem.empty() && parsed.module) problem = round_trip_problem(*parsed.module);
    ++result.cases;
    if (problem.empty()) {
      ++result.passed;
    } else {
      record(result, {fmt::format("case {} (seed {})", i, seed), problem, text});
    }
    if (progress) progress(i + 1, count);
  }
  result.seconds = timer.seconds();
  return result;
}

}  // namespace ownmodel::campaigns
