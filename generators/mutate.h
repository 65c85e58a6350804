#pragma once
// Rule-violation mutators (DESIGN.md §8): an accepted program from the
// judgment-directed generator (generators/program_gen.h) with EXACTLY ONE
// violation of a chosen static rule injected at one top-level point of `main`.
//
// An injection is a short self-contained snippet (fresh variables, plus the
// declarations it needs, such as a helper whose body breaks the rule) written
// by the same builder, so names stay canonical and the rest of the program is
// untouched: the program is rejected with the rule's id, and accepted when that
// rule alone is disabled (`RuleSet r; r.disable("S1")`). For the memory-safety
// rules the snippet is chosen so that, with the rule disabled, the interpreter
// FAULTS on some input (use of a moved value, double destruction, a dangling
// reference after a List reallocation, an abandoned linear value, …):
// `faults_when_disabled` says for which rules every variant does. With
// `statements` = 0–3 the counterexamples stay within a few lines of `main`.

#include <rapidcheck.h>

#include <span>
#include <string>

#include "generators/program_gen.h"
#include "model/rules/rule.h"
#include "model/syntax/ast.h"

namespace ownmodel::gen {

/// The static rules an injection exists for, in priority order.
[[nodiscard]] std::span<const Rule> injectable_rules();

/// With `rule` disabled, every injected violation of it makes some run (on
/// some combination of main's Bool inputs) fault or break a step premise.
[[nodiscard]] bool faults_when_disabled(Rule rule);

/// How many different injections `rule` has (0 if it is not injectable).
[[nodiscard]] int injection_variants(Rule rule);

/// The mutation itself, deterministic: the program `plan` stands for, with
/// injection `variant` (taken modulo injection_variants) of `rule` before
/// top-level step `position` of main (clamped to the plan's steps).
/// Throws std::invalid_argument for a rule that is not injectable.
[[nodiscard]] ast::Module violating_module(Rule rule, const Features& features, const Plan& plan, int position,
                                           int variant);
/// The same, as source text.
[[nodiscard]] std::string violating_source(Rule rule, const Features& features, const Plan& plan, int position,
                                           int variant);

/// An accepted program of `statements` steps (accepted_program) with one
/// injected violation of `rule`. Shrinks towards fewer and simpler steps, the
/// injection first in main, and its first variant.
[[nodiscard]] rc::Gen<ast::Module> violating_program(Rule rule, const Features& features, int statements);

}  // namespace ownmodel::gen
