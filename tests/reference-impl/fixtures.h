#pragma once
// Shared fixtures: a Balloon struct (String field, printing __deinit__, a
// fieldwise __init__), used by several rule tests.

#include "builder.h"

namespace ownmodel::testing {

struct Balloon {
  ir::TypeId type = ir::none;
  ir::FunctionId init = ir::none;
  ir::FunctionId deinit = ir::none;
};

/// `@fieldwise_init struct Balloon: var color: String; __deinit__ prints`.
/// With `with_deinit = false` there is no user destructor.
inline Balloon add_balloon(ModuleBuilder& mb, bool with_deinit = true, bool copyable = true) {
  Balloon b;
  b.type = mb.add_struct({"Balloon", {{"color", mb.Str()}}, copyable, true, true, false});
  {
    FnBuilder fb("Balloon.__init__", ir::FunctionKind::Init, b.type);
    fb.f.synthesized = true;
    const auto self = fb.param("self", b.type, ast::Convention::Out);
    const auto color = fb.param("color", mb.Str(), ast::Convention::Var);
    fb.add(move(field(P(self), 0), P(color)));
    b.init = mb.add_function(std::move(fb.f));
  }
  if (with_deinit) {
    FnBuilder fb("Balloon.__deinit__", ir::FunctionKind::Deinit, b.type);
    const auto self = fb.param("self", b.type, ast::Convention::Deinit);
    fb.add(print({CS("Destroyed a"), O(field(P(self), 0)), CS("balloon")}));
    fb.add(destroy(field(P(self), 0)));
    b.deinit = mb.add_function(std::move(fb.f));
    mb.m.types[b.type].deinit = b.deinit;
  }
  return b;
}

/// `dst := Balloon(color)` through a temporary: two instructions.
inline void make_balloon(FnBuilder& fb, const Balloon& b, ir::SlotId dst, ir::SlotId tmp, const std::string& color) {
  fb.add(cnst(P(tmp), CS(color)));
  fb.add(call(b.init, {out(P(dst)), own(P(tmp))}));
}

}  // namespace ownmodel::testing
