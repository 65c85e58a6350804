// Rewrites older Mojo spellings to their Mojo 1.0 form (docs/syntax-decisions.md,
// "Normalisation of older spellings"), each with a `deprecated` warning, so the
// tree only ever holds 1.0 syntax.
#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "model/syntax/parser_impl.h"

namespace ownmodel::syntax {

namespace {

/// Calls `f` on every variable name in an expression or block: uses (`Name`) and
/// declarations (`var`, `ref`, `for`, `except`). Field names and keyword
/// argument names are not variables. The tree's depth is bounded by the
/// nesting limit, so the recursion is too.
template <class F>
void for_each_variable(ast::Expr& expr, F& f);

template <class F>
void for_each_variable(ast::Block& block, F& f);

template <class F>
void for_each_variable(ast::Expr& expr, F& f) {
  std::visit(
      [&](auto& node) {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, ast::Name>) {
          f(node.id);
        } else if constexpr (std::is_same_v<T, ast::ListLit>) {
          for (ast::Expr& element : node.elements) for_each_variable(element, f);
        } else if constexpr (std::is_same_v<T, ast::Field>) {
          for_each_variable(*node.base, f);
        } else if constexpr (std::is_same_v<T, ast::Index>) {
          for_each_variable(*node.base, f);
          for (ast::Expr& index : node.indices) for_each_variable(index, f);
        } else if constexpr (std::is_same_v<T, ast::Transfer>) {
          for_each_variable(*node.operand, f);
        } else if constexpr (std::is_same_v<T, ast::Call>) {
          for_each_variable(*node.callee, f);
          for (ast::Arg& arg : node.args) for_each_variable(*arg.value, f);
        } else if constexpr (std::is_same_v<T, ast::Unary>) {
          for_each_variable(*node.operand, f);
        } else if constexpr (std::is_same_v<T, ast::Binary>) {
          for_each_variable(*node.lhs, f);
          for_each_variable(*node.rhs, f);
        }
      },
      expr.node);
}

template <class F>
void for_each_variable(ast::Block& block, F& f) {
  for (ast::Stmt& stmt : block) {
    std::visit(
        [&](auto& node) {
          using T = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<T, ast::VarDecl>) {
            f(node.name);
            if (node.init) for_each_variable(*node.init, f);
          } else if constexpr (std::is_same_v<T, ast::RefDecl>) {
            f(node.name);
            for_each_variable(node.place, f);
          } else if constexpr (std::is_same_v<T, ast::Assign> || std::is_same_v<T, ast::AugAssign>) {
            for_each_variable(node.target, f);
            for_each_variable(node.value, f);
          } else if constexpr (std::is_same_v<T, ast::Discard> || std::is_same_v<T, ast::Raise>) {
            for_each_variable(node.value, f);
          } else if constexpr (std::is_same_v<T, ast::ExprStmt>) {
            for_each_variable(node.expr, f);
          } else if constexpr (std::is_same_v<T, ast::If>) {
            for (ast::If::Branch& branch : node.branches) {
              for_each_variable(branch.cond, f);
              for_each_variable(branch.body, f);
            }
            if (node.orelse) for_each_variable(*node.orelse, f);
          } else if constexpr (std::is_same_v<T, ast::While>) {
            for_each_variable(node.cond, f);
            for_each_variable(node.body, f);
          } else if constexpr (std::is_same_v<T, ast::For>) {
            f(node.name);
            for_each_variable(node.iterable, f);
            for_each_variable(node.body, f);
          } else if constexpr (std::is_same_v<T, ast::Return>) {
            if (node.value) for_each_variable(*node.value, f);
          } else if constexpr (std::is_same_v<T, ast::Try>) {
            for_each_variable(node.body, f);
            if (node.error_name) f(*node.error_name);
            for_each_variable(node.handler, f);
          }
        },
        stmt.node);
  }
}

bool is_self_and_one_more(const ast::Function& f) {
  return f.params.size() == 2 && f.params[0].name == "self";
}

bool has_trait(const ast::Struct& s, std::string_view name, bool where_false) {
  return std::any_of(s.traits.begin(), s.traits.end(), [&](const ast::TraitRef& t) {
    return t.name == name && t.where_false == where_false;
  });
}

}  // namespace

bool Parser::rename_parameter(ParsedFunction& f, std::size_t index, const std::string& new_name,
                              std::string_view method) {
  ast::Param& param = f.function.params[index];
  if (param.name == new_name) return true;
  bool clash = false;
  auto find_clash = [&](std::string& name) { clash |= name == new_name; };
  for_each_variable(f.function.body, find_clash);
  if (clash) {
    unsupported(f.name_span,
                fmt::format("'{}' whose body already uses the name '{}' (Mojo 1.0 names the "
                            "parameter '{}')",
                            method, new_name, new_name));
    return false;
  }
  const std::string old_name = param.name;
  param.name = new_name;
  auto rename = [&](std::string& name) {
    if (name == old_name) name = new_name;
  };
  for_each_variable(f.function.body, rename);
  return true;
}

void Parser::report_legacy_conventions(ParsedFunction& f, std::optional<std::size_t> deinit_param,
                                       std::optional<std::size_t> silent_param) {
  for (const LegacyConvention& legacy : f.legacy) {
    ast::Param& param = f.function.params[legacy.param_index];
    if (legacy.keyword == "owned" && deinit_param == legacy.param_index) {
      param.convention = ast::Convention::Deinit;
      if (silent_param != legacy.param_index) {
        deprecated(legacy.span, fmt::format("'owned {}' is the pre-1.0 spelling of 'deinit {}' here",
                                            param.name, param.name));
      }
    } else if (legacy.keyword == "owned") {
      deprecated(legacy.span, "'owned' is the pre-1.0 spelling of 'var'");
    } else if (legacy.keyword == "inout") {
      deprecated(legacy.span, "'inout' is the pre-1.0 spelling of 'mut'");
    } else {
      deprecated(legacy.span,
                 fmt::format("'{}' is the pre-1.0 spelling of the default (immutable) convention",
                             legacy.keyword));
    }
  }
}

void Parser::normalise_function(ParsedFunction& f) { report_legacy_conventions(f, {}, {}); }

void Parser::normalise_method(ParsedFunction& f) {
  ast::Function& function = f.function;
  std::optional<std::size_t> deinit_param;  // where `owned` means `deinit`
  std::optional<std::size_t> silent_param;  // where that needs no warning of its own
  if (function.name == "__del__") {
    deprecated(f.name_span, "'__del__' is the pre-1.0 name of '__deinit__'");
    function.name = "__deinit__";
  }
  if (function.name == "__deinit__" && !function.params.empty() &&
      function.params[0].name == "self") {
    deinit_param = 0;
  } else if (function.name == "__copyinit__") {
    if (!is_self_and_one_more(function)) {
      unsupported(f.name_span, "'__copyinit__' with a signature other than '(out self, existing: Self)'");
      return;
    }
    deprecated(f.name_span,
               "'__copyinit__(out self, existing: Self)' is the pre-1.0 spelling of "
               "'__init__(out self, *, copy: Self)'");
    if (!rename_parameter(f, 1, "copy", "__copyinit__")) return;
    function.name = "__init__";
    function.params[1].keyword_only = true;
  } else if (function.name == "__moveinit__") {
    if (!is_self_and_one_more(function)) {
      unsupported(f.name_span,
                  "'__moveinit__' with a signature other than '(out self, owned existing: Self)'");
      return;
    }
    deprecated(f.name_span,
               "'__moveinit__(out self, owned existing: Self)' is the pre-1.0 spelling of "
               "'__init__(out self, *, deinit move: Self)'");
    if (!rename_parameter(f, 1, "move", "__moveinit__")) return;
    function.name = "__init__";
    function.params[1].keyword_only = true;
    function.params[1].convention = ast::Convention::Deinit;
    deinit_param = silent_param = 1;
  } else if (function.name == "__init__" && is_self_and_one_more(function) &&
             function.params[1].keyword_only && function.params[1].name == "take") {
    const bool written_owned = std::any_of(f.legacy.begin(), f.legacy.end(), [](const auto& l) {
      return l.param_index == 1 && l.keyword == "owned";
    });
    if (function.params[1].convention == ast::Convention::Deinit || written_owned) {
      deprecated(function.params[1].span,
                 "'take' is the pre-1.0 name of the move initializer's parameter 'move'");
      if (!rename_parameter(f, 1, "move", "__init__")) return;
      deinit_param = 1;
    }
  }
  report_legacy_conventions(f, deinit_param, silent_param);
}

void Parser::normalise_struct(ast::Struct& s, std::vector<ParsedFunction>& methods) {
  for (ParsedFunction& method : methods) normalise_method(method);
  std::vector<ast::Decorator> kept;
  for (ast::Decorator& decorator : s.decorators) {
    if (decorator.name == "fieldwise_init") {
      if (decorator.argument) unsupported(decorator.span, "arguments to '@fieldwise_init'");
      kept.push_back(std::move(decorator));
    } else if (decorator.name == "explicit_destroy") {
      if (!has_trait(s, "Deinitable", true)) {
        deprecated(decorator.span,
                   "'@explicit_destroy' without the trait 'Deinitable where False' is the pre-1.0 "
                   "form; the trait is added");
        s.traits.push_back(ast::TraitRef{"Deinitable", true, decorator.span});
      }
      kept.push_back(std::move(decorator));
    } else if (decorator.name == "register_passable") {
      std::string trait;
      std::string written = "@register_passable";
      if (!decorator.argument) {
        trait = "RegisterPassable";
      } else if (*decorator.argument == "trivial") {
        trait = "TrivialRegisterPassable";
        written = "@register_passable(\"trivial\")";
      } else {
        unsupported(decorator.span,
                    fmt::format("'@register_passable(\"{}\")'", *decorator.argument));
        continue;
      }
      deprecated(decorator.span,
                 fmt::format("'{}' is the pre-1.0 spelling of the trait '{}'", written, trait));
      if (!has_trait(s, trait, false)) s.traits.push_back(ast::TraitRef{trait, false, decorator.span});
    } else {
      unsupported(decorator.span, fmt::format("the decorator '@{}'", decorator.name));
    }
  }
  s.decorators = std::move(kept);
}

}  // namespace ownmodel::syntax
