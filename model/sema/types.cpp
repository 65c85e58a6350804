// The type table of a lowered module: built-in types, instantiations of the
// heap types, user structs with their fields, and capabilities under the rule
// set (docs/semantics.md §2.1), with the struct-level rules S12e and S12f.
#include <algorithm>
#include <functional>

#include <fmt/format.h>

#include "model/sema/lower_impl.h"

namespace ownmodel::sema::detail {

void Ctx::s0(Span where, std::string message) {
  fatal = true;
  sink.report(Rule::S0, where, std::move(message));
}

void Ctx::unsupported(Span where, const std::string& what) {
  fatal = true;
  sink.report_code(Severity::Error, "unsupported", where, "unsupported: " + what);
}

void Ctx::limit(Span where, const std::string& what) {
  if (!limit_hit) sink.report_code(Severity::Error, "limit", where, what);
  limit_hit = true;
  fatal = true;
}

namespace {

ir::TypeInfo builtin(ir::TypeKind kind, const char* name, bool trivial, bool icopy = true) {
  ir::TypeInfo t;
  t.kind = kind;
  t.name = name;
  t.trivial = trivial;
  t.implicitly_copyable = icopy;
  return t;
}

// Known Mojo names that the model's subset leaves out.
bool outside_subset_type(const std::string& n) {
  static const std::set<std::string> names = {
      "Float16", "Float32", "Float64", "BFloat16", "UInt",  "UInt8",     "UInt16",
      "UInt32",  "UInt64",  "Int8",    "Int16",    "Int32", "Int64",     "Int128",
      "UInt128", "Array",   "Pointer", "Dict",     "Set",   "Optional",  "Tuple",
      "Span",    "StringSlice", "SIMD", "Scalar",  "InlineArray", "StaticString",
      "StringLiteral", "IntLiteral", "FloatLiteral", "DType", "Variant", "ArcPointer",
      "Byte",    "Bytes",   "Deque",   "LinkedList", "Counter", "OpaquePointer"};
  return names.count(n) > 0;
}

bool origin_name(const std::string& n) {
  static const std::set<std::string> names = {
      "MutUntrackedOrigin", "ImmutUntrackedOrigin", "MutAnyOrigin",     "ImmutAnyOrigin",
      "MutableAnyOrigin",   "ImmutableAnyOrigin",   "StaticConstantOrigin", "_"};
  return names.count(n) > 0;
}

}  // namespace

void Ctx::add_builtin_types() {
  mod.int_type = 0;
  mod.types.push_back(builtin(ir::TypeKind::Int, "Int", true));
  mod.bool_type = 1;
  mod.types.push_back(builtin(ir::TypeKind::Bool, "Bool", true));
  mod.string_type = 2;
  mod.types.push_back(builtin(ir::TypeKind::String, "String", false));
  mod.error_type = 3;
  mod.types.push_back(builtin(ir::TypeKind::Error, "Error", false));
  mod.none_type = 4;
  mod.types.push_back(builtin(ir::TypeKind::NoneType, "NoneType", true));
}

// List[T] and OwnedPointer[T] are Copyable and Deinitable iff T is (§2.1);
// UnsafePointer[T] is trivial and owns nothing.
static void heap_capabilities(const RuleSet& rules, ir::TypeInfo& t, const ir::TypeInfo& elem) {
  if (t.kind == ir::TypeKind::UnsafePointer) {
    t.movable = t.copyable = t.implicitly_copyable = t.deinitable = t.trivial = true;
    return;
  }
  t.movable = true;
  t.copyable = elem.copyable;
  t.implicitly_copyable =
      rules.implicit_copy_trait == ImplicitCopyTrait::Copyable && t.copyable;
  t.deinitable = elem.deinitable;
  t.trivial = false;
}

TypeId Ctx::instance(ir::TypeKind kind, TypeId element) {
  const auto key = std::make_pair(static_cast<int>(kind), element);
  if (auto it = instances.find(key); it != instances.end()) return it->second;
  ir::TypeInfo t;
  t.kind = kind;
  t.element = element;
  const char* base = kind == ir::TypeKind::List           ? "List"
                     : kind == ir::TypeKind::OwnedPointer ? "OwnedPointer"
                                                          : "UnsafePointer";
  t.name = fmt::format("{}[{}]", base, type_name(element));
  heap_capabilities(sink.rules(), t, mod.types.at(element));
  const auto id = static_cast<TypeId>(mod.types.size());
  mod.types.push_back(std::move(t));
  instances.emplace(key, id);
  return id;
}

std::optional<TypeId> Ctx::resolve_type(const ast::Type& t, TypeId self_type, bool report) {
  auto fail_s0 = [&](std::string msg) -> std::optional<TypeId> {
    if (report) s0(t.span, std::move(msg));
    return std::nullopt;
  };
  auto args = [&](std::size_t lo, std::size_t hi) {
    return t.args.size() >= lo && t.args.size() <= hi;
  };
  const std::string& n = t.name;
  if (n == "Int" || n == "Bool" || n == "String" || n == "Error" || n == "NoneType" ||
      n == "None") {
    if (!t.args.empty()) return fail_s0(fmt::format("'{}' is not a parameterized type", n));
    if (n == "Int") return mod.int_type;
    if (n == "Bool") return mod.bool_type;
    if (n == "String") return mod.string_type;
    if (n == "Error") return mod.error_type;
    return mod.none_type;
  }
  if (n == "Self") {
    if (self_type == none) return fail_s0("use of unknown declaration 'Self'");
    return self_type;
  }
  if (n == "List" || n == "OwnedPointer" || n == "UnsafePointer") {
    const bool ptr = n == "UnsafePointer";
    if (!args(1, ptr ? 2 : 1))
      return fail_s0(fmt::format("'{}' expects {} type parameter{}", n, ptr ? "one or two" : "one",
                                 ptr ? "s" : ""));
    if (t.args.size() == 2 && !origin_name(t.args[1].name)) {
      if (report) unsupported(t.args[1].span, fmt::format("origin '{}'", t.args[1].name));
      return std::nullopt;
    }
    auto elem = resolve_type(t.args[0], self_type, report);
    if (!elem) return std::nullopt;
    if (*elem == mod.none_type) return fail_s0(fmt::format("'{}' of 'NoneType'", n));
    const auto kind = n == "List"           ? ir::TypeKind::List
                      : n == "OwnedPointer" ? ir::TypeKind::OwnedPointer
                                            : ir::TypeKind::UnsafePointer;
    return instance(kind, *elem);
  }
  if (auto it = structs.find(n); it != structs.end()) {
    if (!t.args.empty()) return fail_s0(fmt::format("'{}' is not a parameterized type", n));
    return it->second;
  }
  if (outside_subset_type(n)) {
    if (report) unsupported(t.span, fmt::format("type '{}'", n));
    return std::nullopt;
  }
  return fail_s0(fmt::format("use of unknown declaration '{}'", n));
}

namespace {

const std::set<std::string>& known_traits() {
  static const std::set<std::string> traits = {
      "Copyable",   "ImplicitlyCopyable", "Movable", "RegisterPassable",
      "TrivialRegisterPassable", "Deinitable", "AnyType"};
  return traits;
}

bool lists(const ast::Struct& s, const char* trait) {
  return std::any_of(s.traits.begin(), s.traits.end(),
                     [&](const ast::TraitRef& t) { return t.name == trait && !t.where_false; });
}

bool lists_false(const ast::Struct& s, const char* trait) {
  return std::any_of(s.traits.begin(), s.traits.end(),
                     [&](const ast::TraitRef& t) { return t.name == trait && t.where_false; });
}

bool is_copy_init(const ast::Function& f) {
  return f.name == "__init__" && f.params.size() == 2 && f.params[1].keyword_only &&
         f.params[1].name == "copy";
}

}  // namespace

// §2.1: a struct's Movable/Copyable/ImplicitlyCopyable/trivial capabilities
// follow from its trait list under the rule set; Deinitable also from its fields.
void declare_structs(Ctx& c) {
  const RuleSet& rules = c.sink.rules();
  for (const ast::Item& item : c.ast.items) {
    const auto* s = std::get_if<ast::Struct>(&item.node);
    if (!s) continue;
    if (c.structs.count(s->name) || s->name == "Int" || s->name == "String" ||
        s->name == "Bool" || s->name == "Error" || s->name == "List" ||
        s->name == "OwnedPointer" || s->name == "UnsafePointer") {
      c.s0(s->span, fmt::format("invalid redefinition of '{}'", s->name));
      continue;
    }
    for (const ast::TraitRef& t : s->traits) {
      if (!known_traits().count(t.name))
        c.unsupported(t.span, fmt::format("trait '{}'", t.name));
      else if (t.where_false && t.name != "Deinitable" && t.name != "Movable")
        c.unsupported(t.span, fmt::format("'{} where False'", t.name));
    }
    for (const ast::Decorator& d : s->decorators)
      if (d.name != "fieldwise_init" && d.name != "explicit_destroy")
        c.unsupported(d.span, fmt::format("decorator '@{}'", d.name));
    ir::TypeInfo t;
    t.kind = ir::TypeKind::Struct;
    t.name = s->name;
    t.span = s->span;
    const bool trp = lists(*s, "TrivialRegisterPassable");
    const bool icopy = lists(*s, "ImplicitlyCopyable") || trp;
    t.copyable = icopy || lists(*s, "Copyable");
    t.movable = !lists_false(*s, "Movable") &&
                (rules.movable_by_default || t.copyable || lists(*s, "Movable") ||
                 lists(*s, "RegisterPassable") || trp);
    t.implicitly_copyable =
        icopy || (rules.implicit_copy_trait == ImplicitCopyTrait::Copyable && t.copyable);
    t.trivial = trp;
    t.deinitable = !lists_false(*s, "Deinitable");
    for (const ast::Decorator& d : s->decorators)
      if (d.name == "explicit_destroy" && d.argument) t.explicit_destroy_message = *d.argument;
    const auto id = static_cast<TypeId>(c.mod.types.size());
    c.mod.types.push_back(std::move(t));
    c.structs.emplace(s->name, id);
    c.struct_decl.emplace(id, s);
  }
}

void finish_struct_types(Ctx& c) {
  for (const auto& [id, s] : c.struct_decl) {
    std::set<std::string> seen;
    std::vector<ir::FieldInfo> fields;
    for (const ast::FieldDecl& f : s->fields) {
      if (!seen.insert(f.name).second) {
        c.s0(f.span, fmt::format("invalid redefinition of '{}'", f.name));
        continue;
      }
      auto t = c.resolve_type(f.type, id);
      if (t && *t == c.mod.none_type) {
        c.s0(f.type.span, "a field cannot have type 'NoneType'");
        t.reset();
      }
      fields.push_back(ir::FieldInfo{f.name, t.value_or(c.mod.int_type), f.span});
    }
    c.mod.types[id].fields = std::move(fields);
  }
}

// A struct may not contain itself by value (its size would be infinite); heap
// types break the cycle.
static void check_recursion(Ctx& c) {
  std::map<TypeId, int> state;  // 0 new, 1 on stack, 2 done
  std::vector<TypeId> stack;
  for (const auto& [root, decl] : c.struct_decl) {
    if (state[root] != 0) continue;
    // Iterative DFS over by-value struct fields.
    std::vector<std::pair<TypeId, std::size_t>> work{{root, 0}};
    state[root] = 1;
    while (!work.empty()) {
      auto& [t, next] = work.back();
      const auto& fields = c.mod.types[t].fields;
      if (next == fields.size()) {
        state[t] = 2;
        work.pop_back();
        continue;
      }
      const ir::FieldInfo& f = fields[next++];
      if (!c.is_kind(f.type, ir::TypeKind::Struct)) continue;
      if (state[f.type] == 1) {
        c.s0(f.span, fmt::format("struct '{}' contains itself through field '{}'",
                                 c.mod.types[t].name, f.name));
        state[f.type] = 2;
        continue;
      }
      if (state[f.type] == 0) {
        state[f.type] = 1;
        work.emplace_back(f.type, 0);
      }
    }
  }
}

// S12e: a Copyable struct without a user copy initializer needs Copyable fields.
static void check_copy_synthesis(Ctx& c, TypeId id, const ast::Struct& s) {
  const ir::TypeInfo& t = c.mod.types[id];
  if (!t.copyable) return;
  if (std::any_of(s.methods.begin(), s.methods.end(), is_copy_init)) return;
  for (const ir::FieldInfo& f : t.fields) {
    if (c.mod.types[f.type].copyable) continue;
    c.sink.report(Rule::S12e, f.span,
                  fmt::format("cannot synthesize copy constructor because field '{}' has "
                              "non-copyable type {}",
                              f.name, c.type_name(f.type)));
    return;
  }
}

// S12f: @fieldwise_init takes every field as a `var` argument: each field type
// must be Movable or Copyable.
static void check_fieldwise_synthesis(Ctx& c, TypeId id, const ast::Struct& s) {
  const bool fieldwise =
      std::any_of(s.decorators.begin(), s.decorators.end(),
                  [](const ast::Decorator& d) { return d.name == "fieldwise_init"; });
  if (!fieldwise) return;
  for (const ir::FieldInfo& f : c.mod.types[id].fields) {
    const ir::TypeInfo& ft = c.mod.types[f.type];
    if (ft.movable || ft.copyable) continue;
    c.sink.report(Rule::S12f, f.span,
                  fmt::format("cannot synthesize fieldwise init because field '{}' has "
                              "non-copyable and non-movable type '{}'",
                              f.name, ft.name));
    return;
  }
}

void compute_capabilities(Ctx& c) {
  check_recursion(c);
  // Deinitable (and the heap types' capabilities) to a fixed point: a struct
  // is linear when declared so or when some field is.
  const RuleSet& rules = c.sink.rules();
  bool changed = true;
  for (std::size_t round = 0; changed && round <= c.mod.types.size() + 1; ++round) {
    changed = false;
    for (std::size_t i = 0; i < c.mod.types.size(); ++i) {
      ir::TypeInfo& t = c.mod.types[i];
      if (t.kind == ir::TypeKind::List || t.kind == ir::TypeKind::OwnedPointer) {
        const ir::TypeInfo before = t;
        heap_capabilities(rules, t, c.mod.types[t.element]);
        changed |= before.deinitable != t.deinitable || before.copyable != t.copyable ||
                   before.implicitly_copyable != t.implicitly_copyable;
      } else if (t.kind == ir::TypeKind::Struct && t.deinitable) {
        for (const ir::FieldInfo& f : t.fields) {
          if (!c.mod.types[f.type].deinitable) {
            t.deinitable = false;
            changed = true;
            break;
          }
        }
      }
    }
  }
  for (const auto& [id, s] : c.struct_decl) {
    const ir::TypeInfo& t = c.mod.types[id];
    if (t.trivial) {
      for (const ir::FieldInfo& f : t.fields) {
        if (c.mod.types[f.type].trivial) continue;
        c.s0(f.span, fmt::format("'TrivialRegisterPassable' struct '{}' has field '{}' of "
                                 "non-trivial type '{}'",
                                 t.name, f.name, c.type_name(f.type)));
        break;
      }
    }
    check_copy_synthesis(c, id, *s);
    check_fieldwise_synthesis(c, id, *s);
  }
}

}  // namespace ownmodel::sema::detail
