#pragma once
// Readable Core IR (docs/semantics.md §6 notation), used by `ownmodel
// elaborate`, traces and golden tests. One instruction per line; `destroy`
// lines carry the policy rule that placed them and the source line.

#include <string>

#include "model/ir/core_ir.h"

namespace ownmodel::ir {

[[nodiscard]] std::string print_place(const Module& m, const Function& f, const Place& p);
[[nodiscard]] std::string print_instr(const Module& m, const Function& f, const Instr& i);
[[nodiscard]] std::string print_function(const Module& m, const Function& f);
/// Every function of the module except synthesized ones, in declaration order.
[[nodiscard]] std::string print_module(const Module& m);

}  // namespace ownmodel::ir
