#include "campaigns/classify.h"

#include <algorithm>

#include <fmt/format.h>

#include "model/check/check.h"

namespace ownmodel::campaigns {

const char* quadrant_name(Quadrant q) {
  switch (q) {
    case Quadrant::AcceptedSafe: return "accepted-safe";
    case Quadrant::RejectedFaulting: return "rejected-faulting";
    case Quadrant::RejectedSafe: return "rejected-safe";
    case Quadrant::AcceptedFaulting: return "accepted-faulting";
    case Quadrant::AcceptedUnsafeFault: return "accepted-unsafe-fault";
    case Quadrant::IllFormed: return "ill-formed";
    case Quadrant::Inconclusive: return "inconclusive";
    case Quadrant::NotRunnable: return "not-runnable";
  }
  return "?";
}

std::string input_value_text(const run::InputValue& v) {
  return std::holds_alternative<bool>(v) ? (std::get<bool>(v) ? "True" : "False")
                                         : std::to_string(std::get<std::int64_t>(v));
}

std::string inputs_text(const InputSet& inputs) {
  std::string s;
  for (const auto& [name, v] : inputs) s += fmt::format("{}{}={}", s.empty() ? "" : " ", name, input_value_text(v));
  return s;
}

std::string Classification::category() const {
  std::string c = quadrant_name(quadrant);
  if (fault) c += fmt::format(" {}", spec_name(fault->kind));
  if (!imbalance.empty()) c += " unbalanced";
  if (!internal_error.empty()) c += " internal";
  return c;
}

namespace {

/// Every combination of the entry parameters' test values, first parameter
/// slowest, at most `limit` of them; empty when a parameter is not Int/Bool
/// (the machine then reports the bad input itself).
std::vector<InputSet> input_sets(const ir::Module& m, ir::FunctionId entry, const ClassifyOptions& options) {
  std::vector<InputSet> sets{{}};
  const ir::Function& f = m.functions[entry];
  for (ir::SlotId p : f.params) {
    const ir::Slot& slot = f.slots[p];
    std::vector<run::InputValue> values;
    if (slot.type == m.bool_type) values = {false, true};
    else if (slot.type == m.int_type)
      for (std::int64_t v : options.int_values) values.emplace_back(v);
    else return sets;
    std::vector<InputSet> next;
    for (const InputSet& prefix : sets)
      for (const run::InputValue& v : values) {
        if (next.size() >= options.max_input_sets) break;
        next.push_back(prefix);
        next.back().emplace_back(slot.name, v);
      }
    sets = std::move(next);
  }
  return sets;
}

}  // namespace

ir::FunctionId runnable_entry(const ir::Module& m) {
  auto simple = [&](const ir::Function& f) {
    return std::all_of(f.params.begin(), f.params.end(), [&](ir::SlotId p) {
      return f.slots[p].holding == ir::Holding::Value &&
             (f.slots[p].type == m.int_type || f.slots[p].type == m.bool_type);
    });
  };
  if (m.entry != ir::none) return simple(m.functions[m.entry]) ? m.entry : ir::none;
  for (ir::FunctionId id = 0; id < m.functions.size(); ++id) {
    const ir::Function& f = m.functions[id];
    // No result: a value returned from the entry has no one to destroy it,
    // which the machine would rightly call a leak of the harness, not of the program.
    if (!f.synthesized && f.self_type == ir::none && f.result == ir::none && simple(f)) return id;
  }
  return ir::none;
}

void run_all_inputs(const ir::Module& module, bool accepted, const ClassifyOptions& options,
                    Classification& c) {
  const ir::FunctionId entry = runnable_entry(module);
  if (entry == ir::none) {
    c.quadrant = Quadrant::NotRunnable;
    return;
  }
  bool bounded = false, safe_fault = false;
  for (const InputSet& inputs : input_sets(module, entry, options)) {
    run::MapOracle oracle;
    for (const auto& [name, value] : inputs) oracle.arguments[name] = value;
    run::Program program;
    program.module = &module;
    program.entry = entry;
    program.accepted = accepted;
    program.limits = options.limits;
    program.oracle = &oracle;
    const run::Outcome outcome = run::run_program(program);
    ++c.runs;
    c.steps += outcome.steps;
    switch (outcome.stop.kind) {
      case run::StopKind::Finished:
      case run::StopKind::Raised:
      case run::StopKind::Aborted:  // a bounds check or division by zero: defined behaviour
        if (accepted && options.check_balance && c.imbalance.empty())
          c.imbalance = lifecycle_imbalance(outcome.events);
        break;
      case run::StopKind::Faulted: {
        const run::Fault& fault = *outcome.stop.fault;
        safe_fault = safe_fault || !fault.unsafe;
        if (std::find(c.fault_kinds.begin(), c.fault_kinds.end(), fault.kind) == c.fault_kinds.end())
          c.fault_kinds.push_back(fault.kind);
        // Keep the first fault, but prefer a safe one: it decides the verdict.
        if (!c.fault || (c.fault->unsafe && !fault.unsafe)) {
          c.fault = fault;
          c.fault_inputs = inputs;
        }
        break;
      }
      case run::StopKind::StepLimit:
      case run::StopKind::DepthLimit:
      case run::StopKind::HeapLimit: bounded = true; break;
      case run::StopKind::BadInput:
      case run::StopKind::Internal:
        if (c.internal_error.empty())
          c.internal_error = fmt::format("{}: {}", run::stop_name(outcome.stop.kind), outcome.stop.message);
        break;
    }
  }
  if (c.fault) {
    if (!accepted) c.quadrant = Quadrant::RejectedFaulting;
    else c.quadrant = safe_fault ? Quadrant::AcceptedFaulting : Quadrant::AcceptedUnsafeFault;
  } else if (bounded || !c.internal_error.empty()) {
    c.quadrant = Quadrant::Inconclusive;
  } else {
    c.quadrant = accepted ? Quadrant::AcceptedSafe : Quadrant::RejectedSafe;
  }
}

Classification classify_checked(const CheckResult& checked, const ClassifyOptions& options) {
  Classification c;
  c.accepted = checked.accepted;
  for (const Diagnostic& d : checked.diagnostics)
    if (d.severity == Severity::Error &&
        std::find(c.rejecting_rules.begin(), c.rejecting_rules.end(), d.code) == c.rejecting_rules.end())
      c.rejecting_rules.push_back(d.code);
  std::sort(c.rejecting_rules.begin(), c.rejecting_rules.end(), [](const std::string& a, const std::string& b) {
    const auto ra = rule_from_id(a), rb = rule_from_id(b);
    if (ra && rb) return *ra < *rb;
    if (ra || rb) return ra.has_value();
    return a < b;
  });
  if (!checked.elaborated) {
    c.quadrant = Quadrant::IllFormed;
    return c;
  }
  run_all_inputs(*checked.elaborated, checked.accepted, options, c);
  return c;
}

Classification classify(const ast::Module& module, const RuleSet& rules, const ClassifyOptions& options) {
  return classify_checked(check_module(module, rules), options);
}

Classification classify(const ast::Module& module, const RuleSet& rules, const ClassifyOptions& options,
                        CheckCache& cache) {
  return classify_checked(check_module(module, rules, cache), options);
}

Classification classify(const SourceFile& source, const RuleSet& rules, const ClassifyOptions& options) {
  return classify_checked(check_source(source, rules), options);
}

std::string lifecycle_imbalance(const std::vector<run::Event>& events) {
  std::map<std::string, int> live;
  for (const run::Event& e : events) {
    switch (e.kind) {
      case run::EventKind::Init:
      case run::EventKind::Copy:
        if (live[e.object]++ != 0) return "initialized twice: " + run::to_string(e);
        break;
      case run::EventKind::Move:
        if (live[e.source]-- != 1) return "move from a dead object: " + run::to_string(e);
        if (live[e.object]++ != 0) return "moved onto a live object: " + run::to_string(e);
        break;
      case run::EventKind::Del:
        if (live[e.object]-- != 1) return "destroyed twice or never built: " + run::to_string(e);
        break;
    }
  }
  for (const auto& [object, n] : live)
    if (n != 0) return "never destroyed: " + object;
  return {};
}

/* --- The four-way table ------------------------------------------------- */

void FourWayTable::add(const Classification& c) {
  switch (c.quadrant) {
    case Quadrant::AcceptedSafe: ++accepted_safe; break;
    case Quadrant::RejectedFaulting: ++rejected_faulting; break;
    case Quadrant::RejectedSafe: ++rejected_safe; break;
    case Quadrant::AcceptedFaulting: ++accepted_faulting; break;
    case Quadrant::AcceptedUnsafeFault: ++accepted_unsafe_fault; break;
    case Quadrant::IllFormed: ++ill_formed; break;
    case Quadrant::Inconclusive: ++inconclusive; break;
    case Quadrant::NotRunnable: ++not_runnable; break;
  }
  if (c.quadrant == Quadrant::RejectedSafe || c.quadrant == Quadrant::RejectedFaulting)
    for (const std::string& r : c.rejecting_rules) ++rejections_by_rule[r];
  if (c.quadrant == Quadrant::RejectedSafe) {
    for (const std::string& r : c.rejecting_rules) ++false_positives_by_rule[r];
    if (c.rejecting_rules.size() == 1) ++sole_false_positives_by_rule[c.rejecting_rules.front()];
  }
  if (c.fault) ++faults_by_kind[std::string(spec_name(c.fault->kind))];
  imbalanced += c.imbalance.empty() ? 0 : 1;
  internal_errors += c.internal_error.empty() ? 0 : 1;
  runs += c.runs;
  steps += c.steps;
}

void FourWayTable::merge(const FourWayTable& o) {
  accepted_safe += o.accepted_safe;
  rejected_faulting += o.rejected_faulting;
  rejected_safe += o.rejected_safe;
  accepted_faulting += o.accepted_faulting;
  accepted_unsafe_fault += o.accepted_unsafe_fault;
  ill_formed += o.ill_formed;
  inconclusive += o.inconclusive;
  not_runnable += o.not_runnable;
  for (const auto& [k, v] : o.rejections_by_rule) rejections_by_rule[k] += v;
  for (const auto& [k, v] : o.false_positives_by_rule) false_positives_by_rule[k] += v;
  for (const auto& [k, v] : o.sole_false_positives_by_rule) sole_false_positives_by_rule[k] += v;
  for (const auto& [k, v] : o.faults_by_kind) faults_by_kind[k] += v;
  imbalanced += o.imbalanced;
  internal_errors += o.internal_errors;
  runs += o.runs;
  steps += o.steps;
}

std::uint64_t FourWayTable::total() const {
  return accepted_safe + rejected_faulting + rejected_safe + accepted_faulting + accepted_unsafe_fault +
         ill_formed + inconclusive + not_runnable;
}

double FourWayTable::false_positive_percent() const {
  return rejected() == 0 ? 0.0 : 100.0 * static_cast<double>(rejected_safe) / static_cast<double>(rejected());
}

nlohmann::json FourWayTable::to_json() const {
  return {{"programs", total()},
          {"accepted_safe", accepted_safe},
          {"rejected_faulting", rejected_faulting},
          {"rejected_safe", rejected_safe},
          {"accepted_faulting", accepted_faulting},
          {"accepted_unsafe_fault", accepted_unsafe_fault},
          {"ill_formed", ill_formed},
          {"inconclusive", inconclusive},
          {"not_runnable", not_runnable},
          {"false_positive_percent", false_positive_percent()},
          {"rejections_by_rule", rejections_by_rule},
          {"false_positives_by_rule", false_positives_by_rule},
          {"sole_false_positives_by_rule", sole_false_positives_by_rule},
          {"faults_by_kind", faults_by_kind},
          {"unbalanced_lifecycles", imbalanced},
          {"internal_errors", internal_errors},
          {"runs", runs},
          {"steps", steps}};
}

std::string FourWayTable::render() const {
  const double n = std::max<double>(1.0, static_cast<double>(total()));
  auto row = [&](const char* what, std::uint64_t k) {
    return fmt::format("  {:<44} {:>10}  {:>6.2f} %\n", what, k, 100.0 * static_cast<double>(k) / n);
  };
  std::string s;
  s += row("accepted & safe", accepted_safe);
  s += row("rejected & faulting", rejected_faulting);
  s += row("rejected but safe (false positive)", rejected_safe);
  s += row("accepted but faulting (FALSE NEGATIVE)", accepted_faulting);
  s += row("accepted, faults in unsafe code only (Q18)", accepted_unsafe_fault);
  s += row("ill-formed (S0)", ill_formed);
  s += row("inconclusive (a machine bound was hit)", inconclusive);
  if (not_runnable) s += row("not runnable (no Int/Bool-only entry)", not_runnable);
  s += fmt::format("  false positives: {:.2f} % of the {} rejected programs\n", false_positive_percent(),
                   rejected());
  if (imbalanced) s += fmt::format("  UNBALANCED lifecycles in accepted runs: {}\n", imbalanced);
  if (internal_errors) s += fmt::format("  INTERNAL errors (malformed IR): {}\n", internal_errors);
  if (!rejections_by_rule.empty()) {
    s += "  rejecting rule: programs it rejects / of them safe (false positives) / safe and only it rejects\n";
    auto count = [](const std::map<std::string, std::uint64_t>& m, const std::string& k) {
      auto it = m.find(k);
      return it == m.end() ? std::uint64_t{0} : it->second;
    };
    for (const auto& [rule, k] : rejections_by_rule)
      s += fmt::format("    {:<12} {:>10} {:>10} {:>10}\n", rule, k, count(false_positives_by_rule, rule),
                       count(sole_false_positives_by_rule, rule));
  }
  if (!faults_by_kind.empty()) {
    s += "  faults by kind:";
    for (const auto& [kind, k] : faults_by_kind) s += fmt::format(" {} {}", kind, k);
    s += "\n";
  }
  return s;
}

}  // namespace ownmodel::campaigns
