#include "generators/shrink.h"

#include <algorithm>
#include <optional>
#include <utility>
#include <sstream>
#include <string>
#include <variant>

#include "model/syntax/overloaded.h"
#include "model/syntax/parser.h"
#include "model/syntax/print.h"

namespace ownmodel::gen {
namespace {

/// Visits every block and every expression of a module, outer before inner,
/// in source order, calling the visitor before descending — so a visitor may
/// replace the node it is given and the walk continues into the new contents.
/// `stop` ends the walk early (set once an edit has been applied).
struct Walk {
  std::function<void(ast::Block&)> on_block = [](ast::Block&) {};
  std::function<void(ast::Expr&)> on_expr = [](ast::Expr&) {};
  bool stop = false;

  void module(ast::Module& m) {
    for (ast::Item& item : m.items) {
      if (stop) return;
      std::visit(Overloaded{[&](ast::Function& f) { block(f.body); },
                            [&](ast::Struct& s) {
                              for (ast::Function& method : s.methods) block(method.body);
                            },
                            [](ast::Import&) {}},
                 item.node);
    }
  }

  void block(ast::Block& b) {
    if (stop) return;
    on_block(b);
    for (ast::Stmt& s : b) {
      if (stop) return;
      stmt(s);
    }
  }

  void opt(std::optional<ast::Expr>& e) {
    if (e) expr(*e);
  }

  void stmt(ast::Stmt& s) {
    std::visit(Overloaded{[&](ast::VarDecl& d) { opt(d.init); },
                          [&](ast::RefDecl& d) { expr(d.place); },
                          [&](ast::Assign& a) { expr(a.target), expr(a.value); },
                          [&](ast::AugAssign& a) { expr(a.target), expr(a.value); },
                          [&](ast::Discard& d) { expr(d.value); },
                          [&](ast::ExprStmt& e) { expr(e.expr); },
                          [&](ast::If& i) {
                            for (ast::If::Branch& br : i.branches) expr(br.cond), block(br.body);
                            if (i.orelse) block(*i.orelse);
                          },
                          [&](ast::While& w) { expr(w.cond), block(w.body); },
                          [&](ast::For& f) { expr(f.iterable), block(f.body); },
                          [&](ast::Return& r) { opt(r.value); },
                          [&](ast::Raise& r) { expr(r.value); },
                          [&](ast::Try& t) { block(t.body), block(t.handler); },
                          [](auto&) {}},
               s.node);
  }

  void expr(ast::Expr& e) {
    if (stop) return;
    on_expr(e);
    if (stop) return;
    std::visit(Overloaded{[&](ast::ListLit& l) {
                            for (ast::Expr& x : l.elements) expr(x);
                          },
                          [&](ast::Field& f) { expr(*f.base); },
                          [&](ast::Index& i) {
                            expr(*i.base);
                            for (ast::Expr& x : i.indices) expr(x);
                          },
                          [&](ast::Transfer& t) { expr(*t.operand); },
                          [&](ast::Call& c) {
                            expr(*c.callee);
                            for (ast::Arg& a : c.args) expr(*a.value);
                          },
                          [&](ast::Unary& u) { expr(*u.operand); },
                          [&](ast::Binary& b) { expr(*b.lhs), expr(*b.rhs); },
                          [](auto&) {}},
               e.node);
  }
};

ast::Stmt pass_stmt() { return ast::Stmt{ast::Pass{}, {}}; }

/// The bodies a compound statement can be replaced by.
std::vector<const ast::Block*> bodies(const ast::Stmt& s) {
  std::vector<const ast::Block*> out;
  std::visit(Overloaded{[&](const ast::If& i) {
                          for (const ast::If::Branch& br : i.branches) out.push_back(&br.body);
                          if (i.orelse) out.push_back(&*i.orelse);
                        },
                        [&](const ast::While& w) { out.push_back(&w.body); },
                        [&](const ast::For& f) { out.push_back(&f.body); },
                        [&](const ast::Try& t) {
                          out.push_back(&t.body);
                          out.push_back(&t.handler);
                        },
                        [](const auto&) {}},
             s.node);
  return out;
}

/// The blocks one step smaller than `b`: a compound statement spliced into
/// one of its bodies, an elif/else dropped, one statement deleted.
std::vector<ast::Block> block_variants(const ast::Block& b) {
  std::vector<ast::Block> out;
  for (std::size_t i = 0; i < b.size(); ++i)
    for (const ast::Block* body : bodies(b[i])) {
      ast::Block v(b.begin(), b.begin() + static_cast<std::ptrdiff_t>(i));
      v.insert(v.end(), body->begin(), body->end());
      v.insert(v.end(), b.begin() + static_cast<std::ptrdiff_t>(i) + 1, b.end());
      out.push_back(std::move(v));
    }
  for (std::size_t i = 0; i < b.size(); ++i)
    if (const auto* branchy = std::get_if<ast::If>(&b[i].node)) {
      if (branchy->orelse) {
        out.push_back(b);
        std::get<ast::If>(out.back()[i].node).orelse.reset();
      }
      for (std::size_t k = 1; k < branchy->branches.size(); ++k) {
        out.push_back(b);
        auto& branches = std::get<ast::If>(out.back()[i].node).branches;
        branches.erase(branches.begin() + static_cast<std::ptrdiff_t>(k));
      }
    }
  for (std::size_t i = 0; i < b.size(); ++i) {
    if (std::holds_alternative<ast::Pass>(b[i].node) && b.size() == 1) continue;
    ast::Block v = b;
    v.erase(v.begin() + static_cast<std::ptrdiff_t>(i));
    if (v.empty()) v.push_back(pass_stmt());
    out.push_back(std::move(v));
  }
  return out;
}

/// The expressions one step simpler than `e`.
std::vector<ast::Expr> expr_variants(const ast::Expr& e) {
  std::vector<ast::Expr> out;
  std::visit(Overloaded{[&](const ast::Binary& b) {
                          out.push_back(*b.lhs);
                          out.push_back(*b.rhs);
                        },
                        [&](const ast::Unary& u) { out.push_back(*u.operand); },
                        [&](const ast::IntLit& i) {
                          for (std::int64_t v : {0, 1})
                            if (i.value > v) out.push_back(ast::Expr{ast::IntLit{v}, e.span});
                        },
                        [&](const ast::StringLit& s) {
                          if (s.value.size() > 1) out.push_back(ast::Expr{ast::StringLit{"s"}, e.span});
                        },
                        [&](const ast::ListLit& l) {
                          for (std::size_t k = 0; l.elements.size() > 1 && k < l.elements.size(); ++k) {
                            ast::ListLit fewer = l;
                            fewer.elements.erase(fewer.elements.begin() + static_cast<std::ptrdiff_t>(k));
                            out.push_back(ast::Expr{std::move(fewer), e.span});
                          }
                        },
                        [](const auto&) {}},
             e.node);
  return out;
}

/// Applies `edit` to the `site`-th block (or expression) of a copy of `m`.
template <class Node>
ast::Module edit_at(const ast::Module& m, std::size_t site, const Node& replacement) {
  ast::Module copy = m;
  std::size_t seen = 0;
  Walk w;
  if constexpr (std::is_same_v<Node, ast::Block>) {
    w.on_block = [&](ast::Block& b) {
      if (seen++ == site) b = replacement, w.stop = true;
    };
  } else {
    w.on_expr = [&](ast::Expr& e) {
      if (seen++ == site) e = replacement, w.stop = true;
    };
  }
  w.module(copy);
  return copy;
}

bool is_main(const ast::Item& item) {
  const auto* f = std::get_if<ast::Function>(&item.node);
  return f && f->name == "main";
}

/// Whether `e` mentions `.field` anywhere.
bool mentions_field(const ast::Expr& e, const std::string& field) {
  bool found = false;
  Walk w;
  w.on_expr = [&](ast::Expr& x) {
    if (const auto* f = std::get_if<ast::Field>(&x.node); f && f->field == field) found = true, w.stop = true;
  };
  ast::Expr copy = e;
  w.expr(copy);
  return found;
}

bool stmt_mentions_field(const ast::Stmt& s, const std::string& field) {
  ast::Module holder;
  ast::Function f;
  f.body.push_back(s);
  holder.items.push_back(ast::Item{std::move(f)});
  bool found = false;
  Walk w;
  w.on_expr = [&](ast::Expr& x) {
    if (!found && mentions_field(x, field)) found = true, w.stop = true;
  };
  w.module(holder);
  return found;
}

/// `m` without field `field` of struct `item`, and without every statement
/// (at any depth, in any function) that mentions `.field`: a field and its
/// uses only go together.
ast::Module without_field(const ast::Module& m, std::size_t item, std::size_t field) {
  ast::Module out = m;
  auto& fields = std::get<ast::Struct>(out.items[item].node).fields;
  const std::string name = fields[field].name;
  fields.erase(fields.begin() + static_cast<std::ptrdiff_t>(field));
  Walk w;
  w.on_block = [&](ast::Block& b) {
    std::erase_if(b, [&](const ast::Stmt& s) { return stmt_mentions_field(s, name); });
    if (b.empty()) b.push_back(pass_stmt());
  };
  w.module(out);
  return out;
}

/// `m` without parameter `param` of the function (or `__init__` method) at
/// `item`/`method`, and without the matching positional argument of every
/// call to it: a parameter and its arguments only go together.
ast::Module without_param(const ast::Module& m, std::size_t item, std::optional<std::size_t> method,
                          std::size_t param) {
  ast::Module out = m;
  std::string callee;
  std::size_t arg_index = param;
  if (method) {
    auto& s = std::get<ast::Struct>(out.items[item].node);
    auto& params = s.methods[*method].params;
    params.erase(params.begin() + static_cast<std::ptrdiff_t>(param));
    callee = s.name;
    arg_index = param - 1;  // `out self` is not written at the call
  } else {
    auto& f = std::get<ast::Function>(out.items[item].node);
    f.params.erase(f.params.begin() + static_cast<std::ptrdiff_t>(param));
    callee = f.name;
  }
  Walk w;
  w.on_expr = [&](ast::Expr& e) {
    auto* call = std::get_if<ast::Call>(&e.node);
    if (!call) return;
    const auto* name = std::get_if<ast::Name>(&call->callee->node);
    if (!name || name->id != callee || arg_index >= call->args.size() || call->args[arg_index].keyword) return;
    call->args.erase(call->args.begin() + static_cast<std::ptrdiff_t>(arg_index));
  };
  w.module(out);
  return out;
}

}  // namespace

std::vector<ast::Module> shrink_candidates(const ast::Module& m) {
  std::vector<ast::Module> out;
  // Whole items, then methods, then main's parameters.
  for (std::size_t i = 0; i < m.items.size(); ++i) {
    if (is_main(m.items[i])) continue;
    out.push_back(m);
    out.back().items.erase(out.back().items.begin() + static_cast<std::ptrdiff_t>(i));
  }
  for (std::size_t i = 0; i < m.items.size(); ++i) {
    if (const auto* s = std::get_if<ast::Struct>(&m.items[i].node))
      for (std::size_t k = 0; k < s->methods.size(); ++k) {
        out.push_back(m);
        auto& methods = std::get<ast::Struct>(out.back().items[i].node).methods;
        methods.erase(methods.begin() + static_cast<std::ptrdiff_t>(k));
      }
    if (const auto* f = std::get_if<ast::Function>(&m.items[i].node))
      for (std::size_t k = 0; k < f->params.size(); ++k) out.push_back(without_param(m, i, std::nullopt, k));
  }
  // Fields with their uses; parameters of __init__ with their arguments.
  for (std::size_t i = 0; i < m.items.size(); ++i)
    if (const auto* s = std::get_if<ast::Struct>(&m.items[i].node)) {
      for (std::size_t k = 0; k < s->fields.size(); ++k) out.push_back(without_field(m, i, k));
      for (std::size_t j = 0; j < s->methods.size(); ++j)
        if (s->methods[j].name == "__init__")
          for (std::size_t k = 1; k < s->methods[j].params.size(); ++k)
            if (!s->methods[j].params[k].keyword_only) out.push_back(without_param(m, i, j, k));
    }
  // Blocks, then expressions, each by site number in a fresh walk.
  std::vector<std::vector<ast::Block>> block_sites;
  std::vector<std::vector<ast::Expr>> expr_sites;
  Walk collect;
  collect.on_block = [&](ast::Block& b) { block_sites.push_back(block_variants(b)); };
  collect.on_expr = [&](ast::Expr& e) { expr_sites.push_back(expr_variants(e)); };
  ast::Module scratch = m;
  collect.module(scratch);
  for (std::size_t site = 0; site < block_sites.size(); ++site)
    for (const ast::Block& v : block_sites[site]) out.push_back(edit_at(m, site, v));
  for (std::size_t site = 0; site < expr_sites.size(); ++site)
    for (const ast::Expr& v : expr_sites[site]) out.push_back(edit_at(m, site, v));
  return out;
}

ast::Module shrink(ast::Module m, const std::function<bool(const ast::Module&)>& keeps_failure,
                   std::uint64_t max_attempts, ShrinkStats* stats) {
  ShrinkStats local;
  ShrinkStats& st = stats ? *stats : local;
  // Best improvement: of all candidates that keep the failure, take the
  // smallest (lines, then characters). First improvement gets stuck in local
  // minima that keep a whole struct around to hold one use.
  auto size = [](const ast::Module& x) { return std::pair(program_lines(x), print(x).size()); };
  for (;;) {
    std::optional<ast::Module> best;
    std::pair<std::size_t, std::size_t> best_size;
    for (ast::Module& candidate : shrink_candidates(m)) {
      if (st.attempts >= max_attempts) {
        st.budget_hit = true;
        break;
      }
      const auto candidate_size = size(candidate);
      if (best && candidate_size >= best_size) continue;
      ++st.attempts;
      if (keeps_failure(candidate)) {
        best_size = candidate_size;
        best = std::move(candidate);
      }
    }
    if (!best) return m;
    m = std::move(*best);
    ++st.steps;
    if (st.budget_hit) return m;
  }
}

ast::Module with_printed_positions(const ast::Module& m) {
  ParseResult r = parse(SourceFile("shrunk.mojo", print(m)));
  return r.module ? std::move(*r.module) : m;
}

std::size_t program_lines(const ast::Module& m) {
  std::istringstream text(print(m));
  std::size_t n = 0;
  for (std::string line; std::getline(text, line);)
    n += line.find_first_not_of(' ') != std::string::npos ? 1 : 0;
  return n;
}

}  // namespace ownmodel::gen
