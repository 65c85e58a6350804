#include "model/ir/core_ir.h"

#include <fmt/format.h>

namespace ownmodel::ir {

TypeId type_of(const Module& m, const Function& f, const Place& p) {
  TypeId t = slot(f, p.slot).type;
  for (const Proj& step : p.path) {
    const TypeInfo& info = type(m, t);
    switch (step.kind) {
      case ProjKind::Field: t = info.fields.at(step.field).type; break;
      case ProjKind::Deref: break;  // a reference slot's type is its referent's type
      case ProjKind::Pointee:
      case ProjKind::Element: t = info.element; break;
    }
  }
  return t;
}

bool is_rooted(const Function& f, const Place& p) {
  if (slot(f, p.slot).holding != Holding::Value) return false;
  for (const Proj& step : p.path)
    if (step.kind != ProjKind::Field) return false;
  return true;
}

std::string spelling(const Module& m, const Function& f, const Place& p) {
  const Slot& root = slot(f, p.slot);
  if (root.kind == SlotKind::Temp) return "(expression temporary)";
  std::string out = root.name;
  TypeId t = root.type;
  for (const Proj& step : p.path) {
    const TypeInfo& info = type(m, t);
    switch (step.kind) {
      case ProjKind::Field:
        out += '.';
        out += info.fields.at(step.field).name;
        t = info.fields.at(step.field).type;
        break;
      case ProjKind::Deref:
        // A reference slot stands for its referent in source.
        break;
      case ProjKind::Pointee:
        out += "[]";
        t = info.element;
        break;
      case ProjKind::Element:
        out += step.index_slot == none ? fmt::format("[{}]", step.index_const)
                                       : fmt::format("[{}]", slot(f, step.index_slot).name);
        t = info.element;
        break;
    }
  }
  return out;
}

}  // namespace ownmodel::ir
