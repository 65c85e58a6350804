#pragma once
// The flow analysis over Core IR (docs/semantics.md §3.1, §5): a control-flow
// graph per function (Boost.Graph), the forward initialization state Δ, the
// references Ω and the backward liveness L.
//
// check_flow reports the rules that need them: S1, S2, S3a, S3b, S4d, S7a–c,
// S8, S11 and W1. elaborate uses the same analysis to make the ASAP policy
// explicit: it inserts `destroy` instructions (D1–D6, D9) and turns implicit
// copies at the source's last use into moves (D7). Elaboration is total: it
// also elaborates programs the rules reject.

#include "model/ir/core_ir.h"
#include "model/rules/report.h"

namespace ownmodel::flow {

void check_flow(const ir::Module& module, DiagnosticSink& sink);

/// Rewrites `module` in place into its elaborated form.
void elaborate(ir::Module& module, const RuleSet& rules);

/// check_flow then elaborate for one function, sharing one analysis between
/// the rules and the elaboration whenever the elaboration's own edits leave
/// the function unchanged. Reports to `sink` when set (synthesized functions
/// report nothing, as in check_flow). check_flow followed by elaborate gives
/// the same diagnostics and functions as this over every function in order:
/// neither reads any function but its own.
void check_and_elaborate(ir::Module& module, ir::Function& f, DiagnosticSink* sink,
                         const RuleSet& rules);

}  // namespace ownmodel::flow
