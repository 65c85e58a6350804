#include "model/check/check.h"

#include <algorithm>

#include "model/check/same_ast.h"
#include "model/flow/flow.h"
#include "model/rules/report.h"
#include "model/sema/lower.h"
#include "model/syntax/parser.h"

namespace ownmodel {

/// What one check of the remembered module found, per function.
struct CheckCache::Entry {
  RuleSet rules;
  ast::Module declarations;  ///< detail::declarations_of the module
  struct Function {
    bool synthesized = false;
    ast::Block body;
    /// Its lowering, when it touched nothing module-wide; without one,
    /// neither this function nor any later one is replayed.
    std::optional<sema::BodyTrace> trace;
    std::vector<Diagnostic> flow;  ///< the flow rules' reports, as a sink of its own kept them
    ir::Function elaborated;
  };
  std::vector<Function> functions;
};

CheckCache::CheckCache() = default;
CheckCache::~CheckCache() = default;
CheckCache::CheckCache(CheckCache&&) noexcept = default;
CheckCache& CheckCache::operator=(CheckCache&&) noexcept = default;

/// One check's use of a cache: it replays the remembered entry when the
/// declarations and rule set match, else it records a new one.
struct CacheSession final : sema::BodyReuse {
  CacheSession(CheckCache& c, const ast::Module& module, const RuleSet& rules) : cache(c) {
    if (c.entry_ && c.entry_->rules == rules && detail::same_declarations(module, c.entry_->declarations)) {
      entry = c.entry_.get();
      return;
    }
    c.entry_ = std::make_unique<CheckCache::Entry>();
    entry = c.entry_.get();
    entry->rules = rules;
    entry->declarations = detail::declarations_of(module);
    recording = true;
  }

  CheckCache::Entry::Function& at(ir::FunctionId id) {
    if (entry->functions.size() <= id) entry->functions.resize(id + 1);
    return entry->functions[id];
  }

  const sema::BodyTrace* reuse(ir::FunctionId id, const ast::Function* decl) override {
    if (recording) {
      CheckCache::Entry::Function& fn = at(id);
      fn.synthesized = decl == nullptr;
      if (decl) fn.body = decl->body;
      return nullptr;
    }
    // Only a leading run of identical functions: a body depends on the ones before it.
    if (!prefix || id != reused || id >= entry->functions.size()) {
      prefix = false;
      return nullptr;
    }
    const CheckCache::Entry::Function& fn = entry->functions[id];
    if (!fn.trace || fn.synthesized != (decl == nullptr) ||
        (decl && !detail::same_body(decl->body, fn.body))) {
      prefix = false;
      return nullptr;
    }
    ++reused;
    return &*fn.trace;
  }

  void lowered(ir::FunctionId id, const sema::BodyTrace* trace) override {
    if (!recording) return;
    if (trace) at(id).trace = *trace;
  }

  /// After the check; `lowered` is null for an ill-formed module.
  void finish(const ir::Module* lowered) {
    if (!lowered) {
      if (recording) cache.entry_.reset();  // nothing to replay from an ill-formed module
      return;
    }
    cache.reused_ += reused;
    cache.checked_ += lowered->functions.size() - reused;
  }

  CheckCache& cache;
  CheckCache::Entry* entry = nullptr;
  bool recording = false;
  bool prefix = true;
  std::size_t reused = 0;  ///< functions [0, reused) are replayed
};

namespace {

// Source order, so a reader sees the first mistake first; stable so that the
// notes of one finding stay behind it and equal positions keep report order.
void sort_by_position(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.span.line != b.span.line) return a.span.line < b.span.line;
    return a.span.col < b.span.col;
  });
}

void replay(DiagnosticSink& sink, const std::vector<Diagnostic>& reports) {
  for (const Diagnostic& d : reports) sink.report_code(d.severity, d.code, d.span, d.message, d.notes);
}

// Flow rules then elaboration, function by function (flow.h: the same as
// check_flow then elaborate, which read no function but their own).
void check_functions(ir::Module& module, DiagnosticSink& sink, const RuleSet& rules,
                     CacheSession* session) {
  for (ir::FunctionId id = 0; id < module.functions.size(); ++id) {
    ir::Function& f = module.functions[id];
    if (!session) {
      flow::check_and_elaborate(module, f, &sink, rules);
      continue;
    }
    if (id < session->reused) {
      const CheckCache::Entry::Function& fn = session->entry->functions[id];
      replay(sink, fn.flow);
      f = fn.elaborated;
      continue;
    }
    if (!session->recording) {
      flow::check_and_elaborate(module, f, &sink, rules);
      continue;
    }
    // A sink of its own, replayed into the real one: the same diagnostics as
    // reporting directly, since the real sink's duplicate filter sees the same sequence.
    DiagnosticSink own(rules);
    flow::check_and_elaborate(module, f, &own, rules);
    CheckCache::Entry::Function& fn = session->at(id);
    fn.flow = own.take();
    replay(sink, fn.flow);
    fn.elaborated = f;
  }
}

CheckResult run_rules(const ast::Module& module, const RuleSet& rules,
                      std::vector<Diagnostic> front_end, CheckCache* cache) {
  CheckResult result;
  DiagnosticSink sink(rules);
  std::optional<CacheSession> session;
  if (cache) session.emplace(*cache, module, rules);
  std::optional<ir::Module> lowered = sema::lower(module, sink, {}, session ? &*session : nullptr);
  if (lowered) {
    check_functions(*lowered, sink, rules, session ? &*session : nullptr);
  }
  if (session) session->finish(lowered ? &*lowered : nullptr);
  if (lowered) result.elaborated = std::move(lowered);
  const bool rejected = sink.has_errors() || !result.elaborated;
  result.diagnostics = std::move(front_end);
  for (Diagnostic& d : sink.take()) result.diagnostics.push_back(std::move(d));
  sort_by_position(result.diagnostics);
  result.accepted = !rejected && !has_errors(result.diagnostics);
  return result;
}

CheckResult parse_and_run(const SourceFile& source, const RuleSet& rules, CheckCache* cache) {
  ParseResult parsed = parse(source);
  if (!parsed.module) {
    CheckResult result;
    result.diagnostics = std::move(parsed.diagnostics);
    return result;
  }
  return run_rules(*parsed.module, rules, std::move(parsed.diagnostics), cache);
}

}  // namespace

CheckResult check_module(const ast::Module& module, const RuleSet& rules) {
  return run_rules(module, rules, {}, nullptr);
}

CheckResult check_module(const ast::Module& module, const RuleSet& rules, CheckCache& cache) {
  return run_rules(module, rules, {}, &cache);
}

CheckResult check_source(const SourceFile& source, const RuleSet& rules) {
  return parse_and_run(source, rules, nullptr);
}

CheckResult check_source(const SourceFile& source, const RuleSet& rules, CheckCache& cache) {
  return parse_and_run(source, rules, &cache);
}

}  // namespace ownmodel
