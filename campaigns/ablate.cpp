#include "campaigns/ablate.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "generators/shrink.h"
#include "model/check/check.h"
#include "model/syntax/print.h"

namespace ownmodel::campaigns {

const char* necessity_name(Necessity n) {
  switch (n) {
    case Necessity::Necessary: return "necessary";
    case Necessity::NotSafetyRelated: return "not-safety-related";
    case Necessity::NoEvidence: return "no-evidence";
  }
  return "?";
}

std::string RuleAblation::summary() const {
  switch (verdict) {
    case Necessity::Necessary:
      return fmt::format("necessary: without it, a {}-line program is accepted and faults ({})",
                         counterexample->lines, spec_name(counterexample->fault_kind));
    case Necessity::NotSafetyRelated:
      return fmt::format("no counterexample in {} programs: the {} programs only it rejects all ran safely "
                         "(it guards something other than memory safety)",
                         programs, accepted_weakened);
    case Necessity::NoEvidence:
      return rejected_by_rule == 0
                 ? fmt::format("no counterexample in {} programs (the generators gave no program it rejects)",
                               programs)
                 : fmt::format("no counterexample in {} programs ({} rejected by it, none by it alone)", programs,
                               rejected_by_rule);
  }
  return {};
}

std::vector<Rule> ablatable_rules(const RuleSet& base) {
  std::vector<Rule> out;
  for (Rule r : all_rules())
    if (kind(r) == RuleKind::Static && r != Rule::S0 && base.severity(r) == RuleSeverity::Error) out.push_back(r);
  return out;
}

namespace {

bool reports(const CheckResult& checked, Rule rule) {
  return std::any_of(checked.diagnostics.begin(), checked.diagnostics.end(), [&](const Diagnostic& d) {
    return d.severity == Severity::Error && d.code == spec_name(rule);
  });
}

/// What one program shows about `rule`: how far along the chain
/// "base rejects with the rule → weakened accepts → faults" it gets.
struct Probe {
  int stage = 0;  // 0 nothing, 1 rejected by the rule, 2 and accepted when weakened, 3 and faults
  Classification weakened;
};

Probe probe(const ast::Module& m, Rule rule, const RuleSet& base, const RuleSet& weak, const ClassifyOptions& o) {
  Probe p;
  const CheckResult checked = check_module(m, base);
  if (!checked.elaborated || !reports(checked, rule)) return p;
  p.stage = 1;
  const CheckResult relaxed = check_module(m, weak);
  if (!relaxed.accepted) return p;
  p.stage = 2;
  p.weakened = classify_checked(relaxed, o);
  if (p.weakened.quadrant == Quadrant::AcceptedFaulting) p.stage = 3;
  return p;
}

RuleAblation ablate_one(Rule rule, const AblateOptions& o, const std::vector<NamedGenerator>& gens,
                        std::string& save_error) {
  const auto start = std::chrono::steady_clock::now();
  RuleAblation out;
  out.rule = rule;
  RuleSet weak = o.base;
  (void)weak.disable(spec_name(rule));
  out.weakened = weak.name();

  std::atomic<std::uint64_t> next{0};
  std::atomic<bool> enough{false};
  std::mutex mutex;
  // Every counterexample found, by case index. Indices are handed out in
  // order, so when the search stops every index below the largest one taken
  // has been probed: the first `candidates` found are the same in every run.
  std::vector<std::pair<std::uint64_t, rc::Shrinkable<ast::Module>>> found;
  auto worker = [&] {
    std::uint64_t programs = 0, rejected = 0, accepted = 0, faulting = 0;
    for (std::uint64_t i; !enough && (i = next.fetch_add(1)) < o.budget;) {
      std::optional<rc::Shrinkable<ast::Module>> program;
      ast::Module m;
      {
        std::lock_guard lock(rapidcheck_mutex());
        program.emplace(generate_case(gens, o.seed, i));
        m = program->value();
      }
      ++programs;
      const Probe p = probe(m, rule, o.base, weak, o.classify);
      rejected += p.stage >= 1;
      accepted += p.stage >= 2;
      faulting += p.stage >= 3;
      if (p.stage == 3) {
        std::lock_guard lock(mutex);
        found.emplace_back(i, std::move(*program));
        if (found.size() >= o.candidates) enough = true;
      }
    }
    std::lock_guard lock(mutex);
    out.programs += programs;
    out.rejected_by_rule += rejected;
    out.accepted_weakened += accepted;
    out.faulting += faulting;
  };
  std::vector<std::thread> threads;
  for (unsigned j = 1; j < std::max(1u, o.jobs); ++j) threads.emplace_back(worker);
  worker();
  for (std::thread& t : threads) t.join();

  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  if (found.size() > o.candidates) found.erase(found.begin() + static_cast<std::ptrdiff_t>(o.candidates), found.end());
  // Shrink each and keep the smallest: different cases reach different
  // local minima.
  std::optional<Counterexample> best;
  std::optional<Probe> best_probe;
  for (const auto& [index, program] : found) {
    Counterexample cx;
    cx.case_index = index;
    cx.generator = gens[cx.case_index % gens.size()].name;
    ast::Module original;
    {
      std::lock_guard lock(rapidcheck_mutex());
      original = program.value();
    }
    cx.original = print(original);
    cx.original_lines = gen::program_lines(original);
    const Rule kind_wanted = probe(original, rule, o.base, weak, o.classify).weakened.fault->kind;
    auto category_of = [&](const ast::Module& m) {
      const Probe p = probe(m, rule, o.base, weak, o.classify);
      return p.stage == 3 && p.weakened.fault->kind == kind_wanted ? std::string("counterexample") : std::string();
    };
    const ast::Module shrunk =
        gen::with_printed_positions(shrink_keeping(program, category_of, "counterexample", o.shrink_budget));
    cx.program = print(shrunk);
    cx.lines = gen::program_lines(shrunk);
    if (best && std::pair(cx.lines, cx.program.size()) >= std::pair(best->lines, best->program.size())) continue;
    best_probe = probe(shrunk, rule, o.base, weak, o.classify);
    best = std::move(cx);
  }
  if (best) {
    Counterexample& cx = *best;
    const Probe& last = *best_probe;
    cx.fault_kind = last.weakened.fault->kind;
    cx.fault = fmt::format("{} with inputs [{}]", run::render_fault(*last.weakened.fault),
                           inputs_text(last.weakened.fault_inputs));
    std::string inputs_args;
    for (const auto& [name, v] : last.weakened.fault_inputs)
      inputs_args += fmt::format(" --arg {}={}", name, input_value_text(v));
    cx.replay = fmt::format("{} --rule {} --seed {} --budget {}", o.replay_prefix, spec_name(rule), o.seed,
                            o.budget);
    if (!o.out_dir.empty()) {
      const std::string stem = fmt::format("ablate-{}", spec_name(rule));
      nlohmann::json evidence{{"rule", std::string(spec_name(rule))},
                              {"weakened", out.weakened},
                              {"fault", cx.fault},
                              {"fault_kind", std::string(spec_name(cx.fault_kind))},
                              {"program", cx.program},
                              {"lines", cx.lines},
                              {"original", cx.original},
                              {"case", cx.case_index},
                              {"generator", cx.generator},
                              {"replay", cx.replay}};
      std::string error;
      if (auto saved = save_counterexample(
              o.out_dir, stem, cx.program, evidence,
              {fmt::format("Without {} ({}), {} accepts this program and it faults:", spec_name(rule), title(rule),
                           out.weakened),
               cx.fault,
               fmt::format("see it: ownmodel run --unchecked FILE{}   (the default rules reject it with {})",
                           inputs_args, spec_name(rule)),
               "found by: " + cx.replay},
              error))
        cx.saved = *saved;
      else if (save_error.empty())
        save_error = error;
    }
    out.counterexample = std::move(*best);
    out.verdict = Necessity::Necessary;
  } else {
    out.verdict = out.accepted_weakened > 0 ? Necessity::NotSafetyRelated : Necessity::NoEvidence;
  }
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return out;
}

}  // namespace

AblateResult ablate(const AblateOptions& options, const RuleSources& sources) {
  const auto start = std::chrono::steady_clock::now();
  AblateResult result;
  const std::vector<Rule> rules = options.only.empty() ? ablatable_rules(options.base) : options.only;
  for (std::size_t k = 0; k < rules.size(); ++k) {
    const std::vector<NamedGenerator> gens = sources ? sources(rules[k]) : generators_for_rule(rules[k]);
    result.rules.push_back(ablate_one(rules[k], options, gens, result.save_error));
    if (options.progress) options.progress(k + 1, rules.size());
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

nlohmann::json AblateResult::to_json() const {
  nlohmann::json j{{"seconds", seconds}, {"rules", nlohmann::json::array()}};
  for (const RuleAblation& r : rules) {
    nlohmann::json e{{"rule", std::string(spec_name(r.rule))},
                     {"title", std::string(title(r.rule))},
                     {"weakened", r.weakened},
                     {"programs", r.programs},
                     {"rejected_by_rule", r.rejected_by_rule},
                     {"accepted_when_weakened", r.accepted_weakened},
                     {"faulting_when_weakened", r.faulting},
                     {"verdict", necessity_name(r.verdict)},
                     {"summary", r.summary()},
                     {"seconds", r.seconds}};
    if (r.counterexample) {
      const Counterexample& c = *r.counterexample;
      e["counterexample"] = {{"program", c.program},   {"lines", c.lines},
                             {"fault_kind", std::string(spec_name(c.fault_kind))},
                             {"fault", c.fault},       {"original_lines", c.original_lines},
                             {"generator", c.generator}, {"case", c.case_index},
                             {"replay", c.replay},     {"saved", c.saved}};
    }
    j["rules"].push_back(std::move(e));
  }
  return j;
}

}  // namespace ownmodel::campaigns
