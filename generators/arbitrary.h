#pragma once
// rc::Arbitrary for the syntax tree, so properties can take trees as
// arguments (`RC_GTEST_PROP(S, N, (const ast::Module& m))`), and showValue so
// RapidCheck prints a counterexample as Mojo source rather than `<???>`.

#include <rapidcheck.h>

#include <ostream>

#include "generators/ast_gen.h"
#include "model/syntax/ast.h"
#include "model/syntax/print.h"

namespace rc {

template <>
struct Arbitrary<ownmodel::ast::Type> {
  static Gen<ownmodel::ast::Type> arbitrary() { return ownmodel::gen::type(); }
};
template <>
struct Arbitrary<ownmodel::ast::Expr> {
  static Gen<ownmodel::ast::Expr> arbitrary() { return ownmodel::gen::expr(); }
};
template <>
struct Arbitrary<ownmodel::ast::Stmt> {
  static Gen<ownmodel::ast::Stmt> arbitrary() { return ownmodel::gen::stmt(); }
};
template <>
struct Arbitrary<ownmodel::ast::Function> {
  static Gen<ownmodel::ast::Function> arbitrary() { return ownmodel::gen::function(); }
};
template <>
struct Arbitrary<ownmodel::ast::Struct> {
  static Gen<ownmodel::ast::Struct> arbitrary() { return ownmodel::gen::structure(); }
};
template <>
struct Arbitrary<ownmodel::ast::Module> {
  static Gen<ownmodel::ast::Module> arbitrary() { return ownmodel::gen::module(); }
};

}  // namespace rc

// Found by argument-dependent lookup from rc::show.
namespace ownmodel::ast {

inline void showValue(const Type& t, std::ostream& os) { os << ownmodel::print(t); }
inline void showValue(const Expr& e, std::ostream& os) { os << ownmodel::print(e); }
inline void showValue(const Stmt& s, std::ostream& os) { os << '\n' << ownmodel::print(s); }
inline void showValue(const Function& f, std::ostream& os) { os << '\n' << ownmodel::print(f); }
inline void showValue(const Struct& s, std::ostream& os) { os << '\n' << ownmodel::print(s); }
inline void showValue(const Module& m, std::ostream& os) { os << '\n' << ownmodel::print(m); }

}  // namespace ownmodel::ast
