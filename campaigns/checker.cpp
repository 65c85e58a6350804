#include "campaigns/checker.h"

#include <algorithm>
#include <chrono>
#include <filesystem>

#include <fmt/format.h>

#include "campaigns/corpus_header.h"
#include "model/check/check.h"

namespace ownmodel::campaigns {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kKeptFailures = 20;

/// What is wrong with the checker's answer for one file; empty when it matches.
std::string judge(const std::string& text) {
  // Rules: the superset of keys, since this reads both corpora.
  const corpus::Header header = corpus::read_header(text, corpus::Corpus::Rules);
  if (!header.problems.empty()) return "malformed header: " + header.problems.front();
  const std::optional<bool> expected = header.expects_accepted();
  if (!expected) return "the header has no `expect: accepted|rejected`";
  std::optional<RuleSet> rules = RuleSet::preset(header.value("rules").value_or("mojo-1.0"));
  if (!rules) return "unknown rule-set preset in `rules:`";

  const CheckResult result = check_source(SourceFile("corpus.mojo", text), *rules);
  std::vector<corpus::ExpectedDiagnostic> errors;
  for (const Diagnostic& d : result.diagnostics)
    if (d.severity == Severity::Error) errors.push_back({d.span.line, d.span.col, d.message, d.code});
  if (result.accepted != *expected)
    return fmt::format("expected {}, the checker {}{}", *expected ? "accepted" : "rejected",
                       result.accepted ? "accepted it" : "rejected it",
                       errors.empty() ? "" : ": " + errors.front().str());
  if (errors != header.errors) {
    std::string got = errors.empty() ? "no error" : errors.front().str();
    std::string want = header.errors.empty() ? "no error" : header.errors.front().str();
    if (errors.size() != header.errors.size())
      return fmt::format("expected {} error(s), got {}: first expected {}, first got {}",
                         header.errors.size(), errors.size(), want, got);
    for (std::size_t i = 0; i < errors.size(); ++i)
      if (!(errors[i] == header.errors[i]))
        return fmt::format("expected {}, got {}", header.errors[i].str(), errors[i].str());
  }
  return {};
}

}  // namespace

CampaignResult corpus_verdicts(const std::vector<std::string>& dirs, const Progress& progress) {
  const auto start = std::chrono::steady_clock::now();
  CampaignResult result;
  result.name = "corpus: checker verdicts";
  const std::vector<fs::path> files = corpus::mojo_files(dirs);
  for (const fs::path& path : files) {
    const std::string problem = judge(corpus::read_text(path));
    ++result.cases;
    if (problem.empty()) {
      ++result.passed;
    } else {
      ++result.failure_count;
      if (result.failures.size() < kKeptFailures)
        result.failures.push_back({path.generic_string(), problem, {}});
    }
    if (progress) progress(result.cases, files.size());
  }
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace ownmodel::campaigns
