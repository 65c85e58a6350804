#include "generators/enumerate.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>
#include <stdexcept>
#include <system_error>

#include "model/diagnostics/source.h"
#include "model/syntax/parser.h"

namespace ownmodel::enumerate {

/* --- Forms, params, spec strings ----------------------------------------- */

namespace {

constexpr std::array<std::string_view, form_count> form_names = {
    "decl", "assign", "move", "consume", "show", "bump", "copy", "print", "setfield", "ref", "ifelse", "if",
};

struct Bounds {
  int lo, hi;
  const char* what;
};
constexpr Bounds literal_bounds{1, 100, "int literals i"};
constexpr Bounds variable_bounds{1, 16, "variables v"};
constexpr Bounds depth_bounds{0, 8, "if-nesting depth d"};
constexpr Bounds width_bounds{1, 16, "statements per block w"};
constexpr Bounds if_bounds{0, 16, "if statements b"};
/// Beyond this the tables take too long to fill (and too much memory) to be
/// worth it: such spaces are astronomically large anyway.
constexpr std::uint64_t max_table_entries = 4'000'000;
/// The numbers grow with the longest program (their bit length is about its
/// statement count times log2 of the choices per statement); beyond this,
/// big-integer counting becomes the bottleneck, and nobody enumerates such spaces.
constexpr std::uint64_t max_program_statements = 2000;

/// The statements of the longest program (saturating): every statement an
/// if-else with two full blocks, as far as d and b allow.
std::uint64_t longest_program(const SpaceParams& p) {
  const std::uint64_t w = static_cast<std::uint64_t>(p.width);
  std::uint64_t nested = w;
  for (int e = 0; e < p.depth && nested <= max_program_statements; ++e) nested = w * (1 + 2 * nested);
  if (!p.ifs) return nested;
  return std::min(nested, w + 2 * w * static_cast<std::uint64_t>(*p.ifs));
}

std::uint64_t table_entries(const SpaceParams& p);

std::optional<std::string> out_of_bounds(const SpaceParams& p) {
  const auto check = [](int x, const Bounds& b) -> std::optional<std::string> {
    if (x < b.lo || x > b.hi)
      return std::string(b.what) + " must be in [" + std::to_string(b.lo) + ", " + std::to_string(b.hi) +
             "], not " + std::to_string(x);
    return std::nullopt;
  };
  if (auto e = check(p.literals, literal_bounds)) return e;
  if (auto e = check(p.variables, variable_bounds)) return e;
  if (auto e = check(p.depth, depth_bounds)) return e;
  if (auto e = check(p.width, width_bounds)) return e;
  if (p.ifs)
    if (auto e = check(*p.ifs, if_bounds)) return e;
  if ((p.forms & ~all_forms) != 0 || p.forms == 0) return std::string("the form set must be a non-empty set of forms");
  if (const std::uint64_t n = table_entries(p); n > max_table_entries)
    return "the counting tables would need " + std::to_string(n) + " entries (at most " +
           std::to_string(max_table_entries) + "): lower v, b, d or w";
  if (longest_program(p) > max_program_statements)
    return "programs of this space could have more than " + std::to_string(max_program_statements) +
           " statements: bound the ifs with b or lower d or w";
  return std::nullopt;
}

constexpr std::array<Preset, 3> preset_table = {{
    {"tiny", "P{1,2,1,2,1}", "8,344 programs, for tests"},
    {"small", "P{2,3,1,2}", "103,404 programs: the default of `ownmodel enumerate` and validate"},
    {"medium", "P{1,2,2,2,2}", "21,687,827 programs, Featherweight Rust's P{1,2,3,2}{def,3} shape"},
}};

}  // namespace

std::string_view form_name(Form f) { return form_names[static_cast<std::size_t>(f)]; }

std::span<const Preset> presets() { return preset_table; }

/// The forms of a space, comma separated, in enumeration order.
static std::string form_list(const SpaceParams& p) {
  std::string s;
  for (int f = 0; f < form_count; ++f)
    if (p.has(static_cast<Form>(f))) s += (s.empty() ? "" : ",") + std::string(form_names[static_cast<std::size_t>(f)]);
  return s;
}

std::string SpaceParams::spec() const {
  std::string s = "P{" + std::to_string(literals) + "," + std::to_string(variables) + "," + std::to_string(depth) +
                  "," + std::to_string(width) + (ifs ? "," + std::to_string(*ifs) : std::string()) + "}";
  if (forms != all_forms) s += ":" + form_list(*this);
  return s;
}

std::string SpaceParams::describe() const {
  const auto plural = [](int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  std::string s = spec() + ": " + plural(literals, "int literal", "int literals") + ", at most " +
                  plural(variables, "variable", "variables") + ", ";
  s += depth == 0 ? std::string("straight-line code") : "if-nesting depth at most " + std::to_string(depth);
  s += ", 1-" + std::to_string(width) + " statements per block";
  if (ifs) s += ", at most " + plural(*ifs, "if statement", "if statements");
  return s + "; forms " + form_list(*this);
}

SpaceParse parse_space(std::string_view text) {
  const auto fail = [&](const std::string& why) {
    return SpaceParse{std::nullopt, "bad space '" + std::string(text) + "': " + why};
  };
  for (const Preset& p : preset_table)
    if (text == p.name) return parse_space(p.spec);
  if (!text.starts_with("P{"))
    return fail("expected a preset (tiny, small, medium) or P{i,v,d,w}");
  std::string_view rest = text.substr(2);
  // 4 numbers, or 5 with the bound on if statements.
  std::vector<int> numbers;
  while (true) {
    const char* first = rest.data();
    const char* last = rest.data() + rest.size();
    int x = 0;
    const auto [ptr, ec] = std::from_chars(first, last, x);
    if (ec != std::errc{} || ptr == first || first[0] < '0' || first[0] > '9' || (first[0] == '0' && ptr - first > 1))
      return fail("expected decimal numbers P{i,v,d,w} or P{i,v,d,w,b}");
    numbers.push_back(x);
    rest.remove_prefix(static_cast<std::size_t>(ptr - first));
    if (rest.empty()) return fail("expected '}' to close P{i,v,d,w}");
    const char sep = rest.front();
    rest.remove_prefix(1);
    if (sep == '}') break;
    if (sep != ',') return fail(std::string("expected ',' or '}' after a number, not '") + sep + "'");
    if (numbers.size() == 5) return fail("too many numbers: P{i,v,d,w} or P{i,v,d,w,b}");
  }
  if (numbers.size() < 4) return fail("too few numbers: P{i,v,d,w} or P{i,v,d,w,b}");
  SpaceParams p;
  p.literals = numbers[0];
  p.variables = numbers[1];
  p.depth = numbers[2];
  p.width = numbers[3];
  if (numbers.size() == 5) p.ifs = numbers[4];
  if (!rest.empty()) {
    if (rest.front() != ':') return fail("expected ':' and a form list after '}'");
    rest.remove_prefix(1);
    p.forms = 0;
    while (true) {
      const std::size_t comma = rest.find(',');
      const std::string_view word = rest.substr(0, comma);
      if (word == "all") {
        p.forms = all_forms;
      } else {
        const auto it = std::find(form_names.begin(), form_names.end(), word);
        if (it == form_names.end()) {
          std::string known = "all";
          for (std::string_view n : form_names) known += ", " + std::string(n);
          return fail("unknown form '" + std::string(word) + "' (known: " + known + ")");
        }
        p.forms |= FormSet{1} << static_cast<unsigned>(it - form_names.begin());
      }
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  }
  if (auto why = out_of_bounds(p)) return fail(*why);
  return SpaceParse{p, {}};
}

ShardParse parse_shard(std::string_view text) {
  const auto fail = [&](const std::string& why) {
    return ShardParse{std::nullopt, "bad shard '" + std::string(text) + "': " + why};
  };
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) return fail("expected K/N");
  const auto number = [](std::string_view s, std::uint64_t& out) {
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return !s.empty() && ec == std::errc{} && ptr == s.data() + s.size();
  };
  Shard shard;
  if (!number(text.substr(0, slash), shard.k) || !number(text.substr(slash + 1), shard.n))
    return fail("K and N must be decimal numbers below 2^64");
  if (shard.n == 0) return fail("N must be at least 1");
  if (shard.k >= shard.n) return fail("K must be below N (shards are numbered 0 to N-1)");
  return ShardParse{shard, {}};
}

std::pair<BigInt, BigInt> shard_range(const BigInt& cardinality, const Shard& shard) {
  if (shard.n == 0 || shard.k >= shard.n) throw std::invalid_argument("shard_range: need 0 <= K < N");
  const BigInt n = shard.n;
  return {cardinality * shard.k / n, cardinality * (shard.k + 1) / n};
}

/* --- Counting ------------------------------------------------------------- */
//
// State of a statement position: e = if-nesting depth still allowed, s =
// variables in scope, and a mark m = (declarations so far, ifs so far); the
// next fresh name is v<declarations>. Declarations go out of scope at the end
// of their block but still use up names (and ifs the if budget b), so counts
// are split by the mark at the end (me): the else-branch of an `if` starts at
// the mark where its then-branch ended. Without a bound b the ifs are not
// counted (the mark is the number of declarations alone).
//
//   seq(e,s,m,n,me)    sequences of exactly n statements
//   blk(e,s,m,me)      = Σ_{n=1..w} seq(e,s,m,n,me)
//   ifelse(e,s,m,me)   = Σ_{m1} blk(e-1,s,m',m1) · blk(e-1,s,m1,me)   m' = m after one more if
//   ifonly(e,s,m,me)   = blk(e-1,s,m',me)
//   seq(e,s,m,0,me)    = [m = me]
//   seq(e,s,m,n,me)    = plain(s)·seq(e,s,m,n-1,me)
//                      + [declarations(m) < v]·decl(s)·seq(e,s+1,m+decl,n-1,me)
//                      + [e > 0, ifs(m) < b]·Σ_{m2} (ifelse + ifonly)(e,s,m,m2)·seq(e,s,m2,n-1,me)

namespace {

/// Marks: (declarations, ifs) packed as declarations·(b+1) + ifs.
struct Marks {
  int v = 0;
  int b = 0;  // 0 when ifs are not bounded (then ifs(m) is always 0)
  bool bounded = false;
  int count() const { return (v + 1) * (b + 1); }
  int decls(int m) const { return m / (b + 1); }
  int ifs(int m) const { return m % (b + 1); }
  bool can_decl(int m) const { return decls(m) < v; }
  int after_decl(int m) const { return m + (b + 1); }
  bool can_if(int m) const { return !bounded || ifs(m) < b; }
  int after_if(int m) const { return bounded ? m + 1 : m; }
  bool le(int m, int m2) const { return decls(m) <= decls(m2) && ifs(m) <= ifs(m2); }
};

Marks marks_of(const SpaceParams& p) {
  return Marks{p.variables, p.ifs.value_or(0), p.ifs.has_value()};
}

/// The tables for one integer type; N is BigInt (exact) or uint64_t (fast,
/// saturating on conversion: only used when the total fits, and then every
/// entry met on a decoding path is at most the total).
template <class N>
struct CountTables {
  Marks mk;
  int v = 0, d = 0, w = 0, M = 1;
  std::vector<N> seq_, blk_, ifelse_, ifonly_;
  std::size_t sc(int e, int s, int m, int me) const {
    return ((static_cast<std::size_t>(e) * (v + 1) + s) * M + m) * M + me;
  }
  const N& seq(int e, int s, int m, int n, int me) const { return seq_[sc(e, s, m, me) * (w + 1) + n]; }
  N& seq(int e, int s, int m, int n, int me) { return seq_[sc(e, s, m, me) * (w + 1) + n]; }
  const N& blk(int e, int s, int m, int me) const { return blk_[sc(e, s, m, me)]; }
  const N& ifelse(int e, int s, int m, int me) const { return ifelse_[sc(e, s, m, me)]; }
  const N& ifonly(int e, int s, int m, int me) const { return ifonly_[sc(e, s, m, me)]; }
  void resize(const SpaceParams& p) {
    mk = marks_of(p);
    v = p.variables, d = p.depth, w = p.width, M = mk.count();
    const std::size_t states = static_cast<std::size_t>(d + 1) * (v + 1) * M * M;
    seq_.assign(states * (w + 1), N{0});
    blk_.assign(states, N{0});
    ifelse_.assign(states, N{0});
    ifonly_.assign(states, N{0});
  }
};

/// How many table entries a space needs (bounded, so a spec cannot ask for
/// gigabytes; the cost of building the tables grows with the same number).
std::uint64_t table_entries(const SpaceParams& p) {
  const std::uint64_t M = static_cast<std::uint64_t>(marks_of(p).count());
  return static_cast<std::uint64_t>(p.depth + 1) * static_cast<std::uint64_t>(p.variables + 1) * M * M *
         static_cast<std::uint64_t>(p.width + 4);
}

/// The simple statements of a position with s variables in scope, in
/// enumeration order: plain ones (no declaration) first, then declarations.
struct Alternatives {
  int i = 1;
  FormSet forms = all_forms;
  bool has(Form f) const { return (forms & bit(f)) != 0; }
  /// How many choices one form offers with s variables in scope.
  std::uint64_t of(Form f, int s) const {
    if (!has(f)) return 0;
    switch (f) {
      case Form::Decl: return static_cast<std::uint64_t>(i);
      case Form::Assign:
      case Form::SetField: return static_cast<std::uint64_t>(s) * static_cast<std::uint64_t>(i);
      case Form::IfElse:
      case Form::If: return 0;  // compound: counted by the tables
      default: return static_cast<std::uint64_t>(s);
    }
  }
  static bool declares(Form f) { return f == Form::Decl || f == Form::Move || f == Form::Copy || f == Form::Ref; }
  std::uint64_t plain(int s) const {
    std::uint64_t n = 0;
    for (int f = 0; f < form_count; ++f)
      if (!declares(static_cast<Form>(f))) n += of(static_cast<Form>(f), s);
    return n;
  }
  std::uint64_t decl(int s) const {
    std::uint64_t n = 0;
    for (int f = 0; f < form_count; ++f)
      if (declares(static_cast<Form>(f))) n += of(static_cast<Form>(f), s);
    return n;
  }
};

template <class N>
void fill(CountTables<N>& t, const SpaceParams& p, const Alternatives& alt) {
  t.resize(p);
  const Marks& mk = t.mk;
  const int v = t.v, d = t.d, w = t.w, M = t.M;
  // Only states a program can reach: no more variables in scope than declared.
  const auto each_state = [&](auto&& body) {
    for (int s = 0; s <= v; ++s)
      for (int m = 0; m < M; ++m) {
        if (s > mk.decls(m)) continue;
        for (int me = 0; me < M; ++me)
          if (mk.le(m, me)) body(s, m, me);
      }
  };
  for (int e = 0; e <= d; ++e) {
    if (e > 0) {
      each_state([&](int s, int m, int me) {
        if (!mk.can_if(m)) return;
        const int inner = mk.after_if(m);
        if (!mk.le(inner, me)) return;
        const std::size_t k = t.sc(e, s, m, me);
        if (alt.has(Form::IfElse)) {
          N both{0};
          for (int m1 = 0; m1 < M; ++m1)
            if (mk.le(inner, m1) && mk.le(m1, me)) both += t.blk(e - 1, s, inner, m1) * t.blk(e - 1, s, m1, me);
          t.ifelse_[k] = both;
        }
        if (alt.has(Form::If)) t.ifonly_[k] = t.blk(e - 1, s, inner, me);
      });
    }
    for (int n = 0; n <= w; ++n)
      each_state([&](int s, int m, int me) {
        N& out = t.seq(e, s, m, n, me);
        if (n == 0) {
          out = N(m == me ? 1 : 0);
          return;
        }
        out = N{alt.plain(s)} * t.seq(e, s, m, n - 1, me);
        if (mk.can_decl(m) && mk.le(mk.after_decl(m), me))
          out += N{alt.decl(s)} * t.seq(e, s + 1, mk.after_decl(m), n - 1, me);
        if (e > 0)
          for (int m2 = 0; m2 < M; ++m2)
            if (mk.le(m, m2) && mk.le(m2, me))
              out += (t.ifelse(e, s, m, m2) + t.ifonly(e, s, m, m2)) * t.seq(e, s, m2, n - 1, me);
      });
    each_state([&](int s, int m, int me) {
      N sum{0};
      for (int n = 1; n <= w; ++n) sum += t.seq(e, s, m, n, me);
      t.blk_[t.sc(e, s, m, me)] = sum;
    });
  }
}

std::uint64_t saturate(const BigInt& x) {
  static const BigInt max = std::numeric_limits<std::uint64_t>::max();
  return x >= max ? std::numeric_limits<std::uint64_t>::max() : static_cast<std::uint64_t>(x);
}

/* --- Building the trees --------------------------------------------------- */

ast::Expr make(ast::Expr::Node node) { return ast::Expr{std::move(node), {}}; }
ast::Stmt make_stmt(ast::Stmt::Node node) { return ast::Stmt{std::move(node), {}}; }
std::string var_name(int k) { return "v" + std::to_string(k); }
ast::Expr name(int k) { return make(ast::Name{var_name(k)}); }
ast::Expr name(std::string id) { return make(ast::Name{std::move(id)}); }
ast::Expr literal(std::uint64_t l) { return make(ast::IntLit{static_cast<std::int64_t>(l) + 1}); }
ast::Expr call(std::string callee, std::optional<ast::Expr> arg) {
  ast::Call c{name(std::move(callee)), {}};
  if (arg) c.args.push_back(ast::Arg{std::nullopt, std::move(*arg)});
  return make(std::move(c));
}
ast::Expr field(int k) { return make(ast::Field{name(k), "n"}); }
ast::Stmt expr_stmt(ast::Expr e) { return make_stmt(ast::ExprStmt{std::move(e)}); }
ast::Stmt var_decl(int k, ast::Expr init) {
  ast::VarDecl d;
  d.name = var_name(k);
  d.init = std::move(init);
  return make_stmt(std::move(d));
}

/// The simple statement number `x` (in enumeration order) of form `f`; `j` is
/// read from x for forms that use a variable, then the literal.
ast::Stmt simple(Form f, std::uint64_t x, const std::vector<int>& scope, int fresh, int literals) {
  const auto var = [&](std::uint64_t j) { return scope[static_cast<std::size_t>(j)]; };
  const auto lits = static_cast<std::uint64_t>(literals);
  switch (f) {
    case Form::Decl: return var_decl(fresh, call("Obj", literal(x)));
    case Form::Assign: return make_stmt(ast::Assign{name(var(x / lits)), call("Obj", literal(x % lits))});
    case Form::Move: return var_decl(fresh, make(ast::Transfer{name(var(x))}));
    case Form::Consume: return expr_stmt(call("consume", make(ast::Transfer{name(var(x))})));
    case Form::Show: return expr_stmt(call("show", name(var(x))));
    case Form::Bump: return expr_stmt(call("bump", name(var(x))));
    case Form::Copy: return var_decl(fresh, make(ast::Call{make(ast::Field{name(var(x)), "copy"}), {}}));
    case Form::Print: return expr_stmt(call("print", field(var(x))));
    case Form::SetField: return make_stmt(ast::Assign{field(var(x / lits)), literal(x % lits)});
    case Form::Ref: return make_stmt(ast::RefDecl{var_name(fresh), name(var(x))});
    case Form::IfElse:
    case Form::If: break;
  }
  throw std::logic_error("enumerate: not a simple form");
}

/// Unranking: the inverse of the counting above, term by term in the same order.
template <class N>
struct Decoder {
  const CountTables<N>& t;
  const Alternatives& alt;
  std::vector<int> scope;  // the names (declaration numbers) of the variables in scope

  static std::uint64_t small(const N& x) { return static_cast<std::uint64_t>(x); }

  /// The statement among the plain (or declaring) ones numbered x.
  ast::Stmt pick_simple(bool declaring, std::uint64_t x, int m) {
    const int s = static_cast<int>(scope.size());
    for (int f = 0; f < form_count; ++f) {
      const Form form = static_cast<Form>(f);
      if (Alternatives::declares(form) != declaring) continue;
      const std::uint64_t k = alt.of(form, s);
      if (x < k) return simple(form, x, scope, t.mk.decls(m), alt.i);
      x -= k;
    }
    throw std::logic_error("enumerate: simple statement index out of range");
  }

  void block(int e, int m, int me, N x, ast::Block& out) {
    const int s = static_cast<int>(scope.size());
    for (int n = 1; n <= t.w; ++n) {
      const N& k = t.seq(e, s, m, n, me);
      if (x < k) {
        seq(e, m, n, me, std::move(x), out);
        scope.resize(static_cast<std::size_t>(s));  // the block's declarations go out of scope
        return;
      }
      x -= k;
    }
    throw std::logic_error("enumerate: block index out of range");
  }

  void seq(int e, int m, int n, int me, N x, ast::Block& out) {
    const Marks& mk = t.mk;
    for (; n > 0; --n) {
      const int s = static_cast<int>(scope.size());
      {
        const N& rest = t.seq(e, s, m, n - 1, me);
        const N here = N{alt.plain(s)} * rest;
        if (x < here) {
          out.push_back(pick_simple(false, small(x / rest), m));
          x %= rest;
          continue;
        }
        x -= here;
      }
      if (mk.can_decl(m) && mk.le(mk.after_decl(m), me)) {
        const N& rest = t.seq(e, s + 1, mk.after_decl(m), n - 1, me);
        const N here = N{alt.decl(s)} * rest;
        if (x < here) {
          out.push_back(pick_simple(true, small(x / rest), m));
          x %= rest;
          scope.push_back(mk.decls(m));
          m = mk.after_decl(m);
          continue;
        }
        x -= here;
      }
      if (e == 0 || !compound(e, m, n, me, x, out))
        throw std::logic_error("enumerate: statement index out of range");
    }
    if (m != me || x != 0) throw std::logic_error("enumerate: sequence decoding did not end on its state");
  }

  /// The `if` statements at this position; on success m is the mark after it.
  bool compound(int e, int& m, int n, int me, N& x, ast::Block& out) {
    const Marks& mk = t.mk;
    const int s = static_cast<int>(scope.size());
    const int inner = mk.after_if(m);
    for (int m2 = 0; m2 < t.M; ++m2) {
      if (!mk.le(m, m2) || !mk.le(m2, me)) continue;
      const N& rest = t.seq(e, s, m2, n - 1, me);
      for (const Form form : {Form::IfElse, Form::If}) {
        const N here = (form == Form::IfElse ? t.ifelse(e, s, m, m2) : t.ifonly(e, s, m, m2)) * rest;
        if (!(x < here)) {
          x -= here;
          continue;
        }
        N within = x / rest;
        x %= rest;
        ast::If stmt;
        stmt.branches.push_back(ast::If::Branch{name(std::string(Space::input_name)), {}});
        if (form == Form::IfElse) {
          bool found = false;
          for (int m1 = 0; m1 < t.M && !found; ++m1) {
            if (!mk.le(inner, m1) || !mk.le(m1, m2)) continue;
            const N& after = t.blk(e - 1, s, m1, m2);
            const N pair = t.blk(e - 1, s, inner, m1) * after;
            if (within < pair) {
              block(e - 1, inner, m1, within / after, stmt.branches[0].body);
              stmt.orelse.emplace();
              block(e - 1, m1, m2, within % after, *stmt.orelse);
              found = true;
            } else {
              within -= pair;
            }
          }
          if (!found) throw std::logic_error("enumerate: if-else index out of range");
        } else {
          block(e - 1, inner, m2, std::move(within), stmt.branches[0].body);
        }
        out.push_back(make_stmt(std::move(stmt)));
        m = m2;
        return true;
      }
    }
    return false;
  }

  void top(N x, ast::Block& out) {
    for (int me = 0; me < t.M; ++me) {
      const N& k = t.blk(t.d, 0, 0, me);
      if (x < k) {
        block(t.d, 0, me, std::move(x), out);
        return;
      }
      x -= k;
    }
    throw std::out_of_range("enumerate: index out of range");
  }
};

constexpr std::string_view prelude_source =
    "@fieldwise_init\n"
    "struct Obj(Copyable):\n"
    "    var n: Int\n"
    "\n"
    "    def __deinit__(deinit self):\n"
    "        print(\"del\", self.n)\n"
    "\n"
    "\n"
    "def show(x: Obj):\n"
    "    print(\"show\", x.n)\n"
    "\n"
    "\n"
    "def bump(mut x: Obj):\n"
    "    x.n += 1\n"
    "\n"
    "\n"
    "def consume(var x: Obj):\n"
    "    print(\"consume\", x.n)\n";

std::vector<ast::Item> parse_prelude() {
  ParseResult r = parse(SourceFile("prelude.mojo", std::string(prelude_source)));
  if (!r.module) throw std::logic_error("enumerate: the prelude does not parse");
  return std::move(r.module->items);
}

ast::Function main_of(ast::Block body) {
  ast::Function f;
  f.name = "main";
  ast::Param a;
  a.name = std::string(Space::input_name);
  a.type = ast::Type{"Bool", {}, {}};
  f.params.push_back(std::move(a));
  f.body = std::move(body);
  return f;
}

}  // namespace

struct Tables {
  Alternatives alt;
  CountTables<BigInt> big;
  CountTables<std::uint64_t> fast;  // filled only when the total fits
  BigInt total;
  bool fits = false;
  std::vector<ast::Item> prelude;
};

/* --- Space ---------------------------------------------------------------- */

Space::Space(const SpaceParams& params) : params_(params), tables_(std::make_unique<Tables>()) {
  if (auto why = out_of_bounds(params)) throw std::invalid_argument("enumerate: " + *why);
  Tables& t = *tables_;
  t.alt = Alternatives{params.literals, params.forms};
  fill(t.big, params, t.alt);
  for (int me = 0; me < t.big.M; ++me) t.total += t.big.blk(params.depth, 0, 0, me);
  t.fits = t.total < BigInt(std::numeric_limits<std::uint64_t>::max());
  if (t.fits) {
    t.fast.resize(params);
    const auto copy = [](const std::vector<BigInt>& from, std::vector<std::uint64_t>& to) {
      std::transform(from.begin(), from.end(), to.begin(), saturate);
    };
    copy(t.big.seq_, t.fast.seq_);
    copy(t.big.blk_, t.fast.blk_);
    copy(t.big.ifelse_, t.fast.ifelse_);
    copy(t.big.ifonly_, t.fast.ifonly_);
  }
  t.prelude = parse_prelude();
}

Space::~Space() = default;
Space::Space(Space&&) noexcept = default;
Space& Space::operator=(Space&&) noexcept = default;

const BigInt& Space::cardinality() const { return tables_->total; }
bool Space::fits_u64() const { return tables_->fits; }
const std::vector<ast::Item>& Space::prelude() const { return tables_->prelude; }

ast::Block Space::body(const BigInt& index) const {
  if (index < 0 || index >= tables_->total) throw std::out_of_range("enumerate: index out of range");
  ast::Block out;
  if (tables_->fits) {
    body(static_cast<std::uint64_t>(index), out);
  } else {
    Decoder<BigInt> d{tables_->big, tables_->alt, {}};
    d.top(index, out);
  }
  return out;
}

void Space::body(std::uint64_t index, ast::Block& out) const {
  if (!tables_->fits) throw std::logic_error("enumerate: the space does not fit 64-bit indices");
  if (index >= static_cast<std::uint64_t>(tables_->total)) throw std::out_of_range("enumerate: index out of range");
  out.clear();
  Decoder<std::uint64_t> d{tables_->fast, tables_->alt, {}};
  d.scope.reserve(static_cast<std::size_t>(params_.variables));
  d.top(index, out);
}

ast::Module Space::program(const BigInt& index) const {
  ast::Module m;
  m.items = tables_->prelude;
  m.items.push_back(ast::Item{main_of(body(index))});
  return m;
}

/* --- Cursor --------------------------------------------------------------- */

Cursor::Cursor(const Space& space, BigInt begin, BigInt end)
    : space_(&space), index_(std::move(begin)), end_(std::min(std::move(end), space.cardinality())) {
  if (index_ < 0) throw std::out_of_range("enumerate: negative cursor start");
  fast_ = space.fits_u64();
  module_.items = space.prelude();
  module_.items.push_back(ast::Item{main_of({})});
  if (fast_ && !done()) index64_ = static_cast<std::uint64_t>(index_);
  load();
}

Cursor::Cursor(const Space& space) : Cursor(space, 0, space.cardinality()) {}

void Cursor::load() {
  if (done()) return;
  ast::Block& body = std::get<ast::Function>(module_.items.back().node).body;
  if (fast_) {
    space_->body(index64_, body);
  } else {
    body = space_->body(index_);
  }
}

void Cursor::next() {
  ++index_;
  ++index64_;
  load();
}

}  // namespace ownmodel::enumerate
