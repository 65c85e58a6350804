#include "generators/program_gen.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <stdexcept>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "model/diagnostics/source.h"
#include "model/syntax/parser.h"

namespace ownmodel::gen {
namespace {

namespace g = rc::gen;

/* --- The declarations a program may use ------------------------------------ */

/// One catalogue entry: a top-level declaration (in emission order) and what
/// it needs. Keys "OwnedPointer" and "alloc" stand for the import line.
struct Decl {
  std::string_view key;
  std::string_view text;
  std::vector<std::string_view> deps;
};

// R prints in every lifecycle method, so runs show each init, copy, move and
// destruction. L is linear: it has only named destructors.
const std::vector<Decl>& catalogue() {
  static const std::vector<Decl> decls = {
      {"OwnedPointer", "", {}},
      {"alloc", "", {}},
      {"R", R"mojo(struct R(Copyable):
    var n: Int
    var s: String

    def __init__(out self, n: Int, s: String):
        self.n = n
        self.s = s
        print("init", self.s)

    def __init__(out self, *, copy: Self):
        self.n = copy.n
        self.s = copy.s
        self.s += "c"
        print("copy", self.s)

    def __init__(out self, *, deinit move: Self):
        self.n = move.n
        self.s = move.s^
        print("move", self.s)

    def __deinit__(deinit self):
        print("del", self.s)

    def show(self):
        print("R", self.n, self.s)

    def bump(mut self):
        self.n += 1
)mojo", {}},
      {"L", R"mojo(@explicit_destroy("call close() or discard()")
struct L(Deinitable where False, Movable):
    var n: Int

    def __init__(out self, n: Int):
        self.n = n
        print("open", self.n)

    def peek(self):
        print("peek", self.n)

    def touch(mut self):
        self.n += 1

    def close(deinit self):
        print("close", self.n)

    def discard(deinit self):
        print("discard", self.n)
)mojo", {}},
      {"show_r", "def show_r(x: R):\n    print(\"show\", x.n, x.s)\n", {"R"}},
      {"bump_r", "def bump_r(mut x: R):\n    x.n += 1\n", {"R"}},
      {"take_r", "def take_r(var x: R):\n    print(\"take\", x.s)\n", {"R"}},
      {"make_r", "def make_r(n: Int, out res: R):\n    res = R(n, \"made\")\n", {"R"}},
      {"finish", "def finish(var x: L):\n    x^.close()\n", {"L"}},
      {"inc", "def inc(mut x: Int):\n    x += 1\n", {}},
      {"twice", "def twice(x: Int) -> Int:\n    return x * 2\n", {}},
      {"shout", "def shout(var s: String) -> String:\n    s += \"!\"\n    return s^\n", {}},
      {"add_to", "def add_to(mut s: String, t: String):\n    s += t\n", {}},
      {"make_s", "def make_s(out res: String):\n    res = \"made\"\n", {}},
      {"peek_ref", "def peek_ref(ref x: Int) -> Int:\n    return x + 1\n", {}},
      {"total",
       "def total(xs: List[Int]) -> Int:\n    var acc = 0\n    for x in xs:\n        acc += x\n"
       "    return acc\n",
       {}},
      {"push", "def push(mut xs: List[Int], v: Int):\n    xs.append(v)\n", {}},
      {"sink", "def sink(var xs: List[Int]):\n    print(\"sink\", len(xs))\n", {}},
      {"first", "def first(ref xs: List[Int]) -> ref[xs] Int:\n    return xs[0]\n", {}},
      {"check",
       "def check(n: Int) raises -> Int:\n    if n > 3:\n        raise Error(\"too big\")\n"
       "    return n + 1\n",
       {}},
      {"fail_if", "def fail_if(c: Bool) raises:\n    if c:\n        raise Error(\"failed\")\n", {}},
  };
  return decls;
}

/* --- The ownership state the builder tracks ------------------------------- */

enum class Ty : std::uint8_t { Int, Str, R, Lin, BoxInt, BoxR, ListInt, ListStr, PtrInt, PtrStr, Error };

enum class Kind : std::uint8_t { Main, Branch, LoopBody, TryBody, Handler };

enum class Pointee : std::uint8_t { Empty, Full, Freed };

struct Var {
  std::string name;
  Ty ty = Ty::Int;
  int depth = 1;          ///< block depth of the declaration (main's body is 1)
  bool init = true;       ///< initialized on every path (plain variables)
  bool is_mut = true;     ///< false: for-loop variables and error names
  bool locked = false;    ///< a while counter: only the loop changes it
  // A ref binding or a for-over-List element: uses go to `target`.
  bool is_ref = false;
  int target = -1;
  bool interior = false;  ///< into a List buffer: invalidated by mutating the List (S11)
  bool ref_mut = false;   ///< writes through it are allowed
  bool dead = false;      ///< never usable again: referent consumed or reassigned, or invalidated
  int min_len = 0;        ///< Lists: length on every path
  Pointee pointee = Pointee::Empty;  ///< unsafe pointers
  int frozen = 0;         ///< Lists iterated by an enclosing `for`: no mutation
};

bool is_list(Ty t) { return t == Ty::ListInt || t == Ty::ListStr; }
bool is_ptr(Ty t) { return t == Ty::PtrInt || t == Ty::PtrStr; }
bool is_box(Ty t) { return t == Ty::BoxInt || t == Ty::BoxR; }

using State = std::vector<Var>;

constexpr int kMaxDepth = 3;      // main's body plus two nested blocks
constexpr std::size_t kTapeLength = 40;
constexpr std::uint32_t kChoiceRange = 1u << 16;

/* --- The builder ------------------------------------------------------------ */

class Builder final : public Emitter {
 public:
  Builder(const Features& f, const Plan& p) : f_(f), plan_(p), inputs_(std::clamp(p.inputs, 0, 3)) {}

  std::string build(const InjectionPoint* injection);

  // Emitter
  std::string fresh() override { return fmt::format("v{}", next_name_++); }
  void line(const std::string& text) override { emit(text); }
  void open(const std::string& header) override {
    emit(header);
    push(Kind::Branch);
  }
  void close() override { pop(); }
  void need(const std::string& name) override;
  void declare(const std::string& key, const std::string& text) override {
    if (std::none_of(extra_.begin(), extra_.end(), [&](const auto& e) { return e.first == key; }))
      extra_.emplace_back(key, text);
  }
  std::string bool_input() override {
    if (inputs_ == 0) inputs_ = 1;
    return "a";
  }

 private:
  using Option = std::pair<int, std::function<void()>>;

  /* Choices. A tape that runs out reads 0: the first, simplest option. */
  std::uint32_t choose(std::uint32_t n) {
    if (n <= 1) return 0;
    const std::uint32_t v = tape_ != nullptr && pos_ < tape_->size() ? (*tape_)[pos_++] : 0;
    return v % n;
  }
  bool maybe(int percent) { return static_cast<int>(choose(100)) >= 100 - percent; }
  void run_one(std::vector<Option>& options) {
    int total = 0;
    for (const Option& o : options) total += o.first;
    int k = static_cast<int>(choose(static_cast<std::uint32_t>(total)));
    for (Option& o : options) {
      if (k < o.first) return o.second();
      k -= o.first;
    }
  }
  template <class Pred>
  std::vector<int> find(Pred pred) const {
    std::vector<int> out;
    for (int i = 0; i < static_cast<int>(vars_.size()); ++i)
      if (pred(vars_[i])) out.push_back(i);
    return out;
  }
  int pick(const std::vector<int>& candidates) { return candidates[choose(candidates.size())]; }

  /* Text and blocks. */
  int depth() const { return static_cast<int>(ctx_.size()); }
  void emit(const std::string& text) {
    lines_.push_back(std::string(4 * depth(), ' ') + text);
    if (!emitted_.empty()) ++emitted_.back();
  }
  void push(Kind k) {
    ctx_.push_back(k);
    emitted_.push_back(0);
  }
  /// Ends a block: `pass` if it is empty, and its variables go out of scope.
  void pop() {
    if (emitted_.back() == 0) emit("pass");
    const int d = depth();
    while (!vars_.empty() && vars_.back().depth >= d) vars_.pop_back();
    ctx_.pop_back();
    emitted_.pop_back();
  }
  /// The depth of the innermost loop or try body: variables declared outside
  /// it may be read and mutated there, never consumed (the body may run again,
  /// or jump to the handler from any point).
  int floor() const {
    for (int d = depth(); d >= 1; --d)
      if (ctx_[d - 1] == Kind::LoopBody || ctx_[d - 1] == Kind::TryBody) return d;
    return 1;
  }
  int loop_floor() const {
    for (int d = depth(); d >= 1; --d)
      if (ctx_[d - 1] == Kind::LoopBody) return d;
    return 0;
  }
  /// The depth of the innermost loop or try body, where a jump goes; 0: none.
  int special() const {
    for (int d = depth(); d >= 1; --d)
      if (ctx_[d - 1] == Kind::LoopBody || ctx_[d - 1] == Kind::TryBody) return d;
    return 0;
  }
  int try_depth() const {
    for (int d = depth(); d >= 1; --d)
      if (ctx_[d - 1] == Kind::TryBody) return d;
    return 0;
  }
  /// Leaving the blocks from `to` outwards (break, continue, raise) abandons
  /// nothing: no linear value or unsafe memory declared there is still open.
  bool escape_ok(int to) const {
    return std::none_of(vars_.begin(), vars_.end(), [&](const Var& v) { return v.depth >= to && obligation(v); });
  }
  static bool obligation(const Var& v) {
    return (v.ty == Ty::Lin && v.init) || (is_ptr(v.ty) && v.pointee != Pointee::Freed);
  }

  /* The state. */
  /// Readable now: initialized, or a live reference to something readable.
  bool readable(const Var& v) const {
    if (!v.is_ref) return v.init && !is_ptr(v.ty);
    if (v.dead) return false;
    // A reference into a List declared outside a loop may have been
    // invalidated by a later statement of the loop's previous iteration.
    if (v.interior && v.depth < loop_floor()) return false;
    return readable(vars_[v.target]);
  }
  bool writable(const Var& v) const {
    if (!readable(v)) return false;
    if (v.is_ref) return v.ref_mut && vars_[v.target].frozen == 0;
    return v.is_mut && !v.locked && v.frozen == 0;
  }
  /// May be ended here (`^`, a `var` argument).
  bool consumable(const Var& v) const {
    if (v.is_ref || !v.init || !v.is_mut || v.locked || v.frozen > 0) return false;
    if (v.ty == Ty::Lin) return v.depth == depth();
    return v.depth >= floor();
  }
  int root(int i) const { return vars_[i].is_ref ? vars_[i].target : i; }
  /// References to `i` (or into it) are never used again.
  void kill_refs(int i, int except = -1) {
    for (int k = 0; k < static_cast<int>(vars_.size()); ++k)
      if (k != except && vars_[k].is_ref && vars_[k].target == i) vars_[k].dead = true;
  }
  void consume(int i) {
    vars_[i].init = false;
    kill_refs(i);
  }
  /// A mutating access to a List invalidates every interior reference into it (S11).
  void mutate_list(int i, int through = -1) { kill_refs(i, through); }
  /// A mutation through `i`: through an element reference it is a mutation of the List.
  void mutated(int i) {
    if (vars_[i].is_ref && vars_[i].interior) mutate_list(vars_[i].target, i);
  }
  int declare_var(Ty t) {
    Var v;
    v.name = fresh();
    v.ty = t;
    v.depth = depth();
    vars_.push_back(v);
    return static_cast<int>(vars_.size()) - 1;
  }
  /// The state after control flow merges: initialized on every path, the
  /// shortest length, dead on some path. `states` are the paths that reach
  /// the merge; each is truncated to the variables that outlive it.
  static State join(const std::vector<State>& states, std::size_t n) {
    State out(states.front().begin(), states.front().begin() + n);
    for (const State& s : states) {
      for (std::size_t i = 0; i < n; ++i) {
        out[i].init = out[i].init && s[i].init;
        out[i].dead = out[i].dead || s[i].dead;
        out[i].min_len = std::min(out[i].min_len, s[i].min_len);
      }
    }
    return out;
  }

  /* Expressions. `avoid` is a root that must not appear (exclusivity, S9). */
  std::string int_expr(int avoid = -1);
  std::string str_expr(int avoid = -1);
  std::string cond();
  std::string int_atom(int avoid);
  std::string str_atom(int avoid);

  /* Statements. */
  void step();
  void block(Kind k, int steps, const std::function<void()>& prologue = {});
  void finalize();
  void add_basic(std::vector<Option>& o);
  void add_structs(std::vector<Option>& o);
  void add_fields(std::vector<Option>& o);
  void add_linear(std::vector<Option>& o);
  void add_conventions(std::vector<Option>& o);
  void add_transfers(std::vector<Option>& o);
  void add_refs(std::vector<Option>& o);
  void add_boxes(std::vector<Option>& o);
  void add_lists(std::vector<Option>& o);
  void add_pointers(std::vector<Option>& o);
  void add_control(std::vector<Option>& o);
  void add_errors(std::vector<Option>& o);
  void if_statement();
  void late_init();
  void loop_statement();
  void try_statement();
  void raising_call();
  void guarded_escape();
  void bare_jump();
  void add_jumps(std::vector<Option>& o);
  std::string jump_for(int to);

  const Features f_;
  const Plan& plan_;
  int inputs_;
  const std::vector<std::uint32_t>* tape_ = nullptr;
  std::size_t pos_ = 0;
  int next_name_ = 0;
  int next_label_ = 0;
  std::vector<std::string> lines_;
  std::vector<Kind> ctx_;
  std::vector<int> emitted_;
  State vars_;
  std::set<std::string> needed_;
  std::vector<std::pair<std::string, std::string>> extra_;
  bool terminated_ = false;  ///< the current block ended with break / continue / raise
};

void Builder::need(const std::string& name) {
  if (!needed_.insert(name).second) return;
  for (const Decl& d : catalogue())
    if (d.key == name)
      for (std::string_view dep : d.deps) need(std::string(dep));
}

std::string Builder::build(const InjectionPoint* injection) {
  push(Kind::Main);
  const int steps = static_cast<int>(plan_.steps.size());
  for (int k = 0; k <= steps; ++k) {
    if (injection != nullptr && injection->position == k) {
      tape_ = nullptr;
      injection->inject(*this);
    }
    if (k == steps) break;
    tape_ = &plan_.steps[k];
    pos_ = 0;
    step();
  }
  tape_ = nullptr;
  finalize();
  pop();
  std::vector<std::string> main_lines = std::move(lines_);

  std::string out;
  if (needed_.count("OwnedPointer") != 0 || needed_.count("alloc") != 0) {
    std::vector<std::string> names;
    if (needed_.count("OwnedPointer") != 0) names.emplace_back("OwnedPointer");
    if (needed_.count("alloc") != 0) {
      names.emplace_back("UnsafePointer");
      names.emplace_back("alloc");
    }
    out += fmt::format("from std.memory import {}\n\n\n", fmt::join(names, ", "));
  }
  for (const Decl& d : catalogue())
    if (!d.text.empty() && needed_.count(std::string(d.key)) != 0) out += std::string(d.text) + "\n\n";
  for (const auto& [key, text] : extra_) out += text + "\n\n";
  std::vector<std::string> params;
  for (int i = 0; i < inputs_; ++i) params.push_back(fmt::format("{}: Bool", static_cast<char>('a' + i)));
  out += fmt::format("def main({}):\n", fmt::join(params, ", "));
  for (const std::string& l : main_lines) out += l + "\n";
  return out;
}

/* --- Expressions ------------------------------------------------------------- */

std::string Builder::int_atom(int avoid) {
  std::vector<std::string> atoms;
  for (int i = 0; i < static_cast<int>(vars_.size()); ++i) {
    const Var& v = vars_[i];
    if (!readable(v) || root(i) == avoid) continue;
    if (v.ty == Ty::Int) atoms.push_back(v.name);
    if (v.ty == Ty::R && f_.fields) atoms.push_back(v.name + ".n");
    if (v.ty == Ty::ListInt || v.ty == Ty::ListStr) atoms.push_back("len(" + v.name + ")");
    if (v.ty == Ty::ListInt && v.min_len > 0) atoms.push_back(fmt::format("{}[{}]", v.name, choose(v.min_len)));
    if (v.ty == Ty::BoxInt) atoms.push_back(v.name + "[]");
    if (v.ty == Ty::BoxR && f_.fields) atoms.push_back(v.name + "[].n");
  }
  for (int i = 0; i < static_cast<int>(vars_.size()); ++i) {
    const Var& v = vars_[i];
    if (v.ty == Ty::PtrInt && v.pointee == Pointee::Full && i != avoid) atoms.push_back(v.name + "[]");
  }
  if (atoms.empty() || !maybe(70)) return std::to_string(choose(10));
  return atoms[choose(atoms.size())];
}

std::string Builder::int_expr(int avoid) {
  std::string e = int_atom(avoid);
  switch (choose(6)) {
    case 4: return e + " + " + std::to_string(1 + choose(3));
    case 5: return e + " * 2";
    default: return e;
  }
}

std::string Builder::str_atom(int avoid) {
  std::vector<std::string> atoms;
  for (int i = 0; i < static_cast<int>(vars_.size()); ++i) {
    const Var& v = vars_[i];
    if (v.ty == Ty::PtrStr && v.pointee == Pointee::Full && i != avoid) atoms.push_back(v.name + "[]");
    if (!readable(v) || root(i) == avoid) continue;
    if (v.ty == Ty::Str) atoms.push_back(v.name);
    if (v.ty == Ty::R && f_.fields) atoms.push_back(v.name + ".s");
    if (v.ty == Ty::ListStr && v.min_len > 0) atoms.push_back(fmt::format("{}[{}]", v.name, choose(v.min_len)));
    if (v.ty == Ty::BoxR && f_.fields) atoms.push_back(v.name + "[].s");
  }
  if (atoms.empty() || !maybe(60)) return fmt::format("\"s{}\"", next_label_++);
  return atoms[choose(atoms.size())];
}

std::string Builder::str_expr(int avoid) { return str_atom(avoid); }

std::string Builder::cond() {
  std::vector<std::string> conds;
  for (int i = 0; i < inputs_; ++i) conds.emplace_back(1, static_cast<char>('a' + i));
  if (conds.empty() || maybe(30)) return int_atom(-1) + " > " + std::to_string(choose(4));
  std::string c = conds[choose(conds.size())];
  if (maybe(25)) return "not " + c;
  if (conds.size() > 1 && maybe(25)) return c + " and " + conds[choose(conds.size())];
  return c;
}

/* --- Statements -------------------------------------------------------------- */

void Builder::step() {
  std::vector<Option> o;
  add_basic(o);
  if (f_.structs) add_structs(o);
  if (f_.structs && f_.fields) add_fields(o);
  if (f_.linear) add_linear(o);
  if (f_.conventions) add_conventions(o);
  if (f_.transfers) add_transfers(o);
  if (f_.refs) add_refs(o);
  if (f_.owned_pointer) add_boxes(o);
  if (f_.list) add_lists(o);
  if (f_.unsafe_pointer) add_pointers(o);
  add_control(o);
  if (f_.errors) add_errors(o);
  run_one(o);
}

/// A nested block of `steps` steps (fewer when one ends it with a jump), then
/// the statements that end what it opened.
void Builder::block(Kind k, int steps, const std::function<void()>& prologue) {
  push(k);
  terminated_ = false;
  if (prologue) prologue();
  for (int i = 0; i < steps && !terminated_; ++i) step();
  if (!terminated_) finalize();
  pop();
}

/// Ends the linear values and unsafe memory of the current block, latest first.
void Builder::finalize() {
  const int d = depth();
  for (int i = static_cast<int>(vars_.size()) - 1; i >= 0; --i) {
    Var& v = vars_[i];
    if (v.depth != d) continue;
    if (v.ty == Ty::Lin && v.init) {
      emit(v.name + "^.close()");
      v.init = false;
    }
    if (is_ptr(v.ty) && v.pointee == Pointee::Full) {
      emit(v.name + ".destroy_pointee()");
      v.pointee = Pointee::Empty;
    }
    if (is_ptr(v.ty) && v.pointee == Pointee::Empty) {
      emit(v.name + ".free()");
      v.pointee = Pointee::Freed;
    }
  }
}

void Builder::add_basic(std::vector<Option>& o) {
  // First: the simplest statement, what an exhausted tape gives.
  o.emplace_back(6, [this] {
    std::vector<std::string> args;
    const int n = 1 + static_cast<int>(choose(3));
    for (int i = 0; i < n; ++i) args.push_back(maybe(50) ? str_expr() : int_expr());
    emit("print(" + fmt::format("{}", fmt::join(args, ", ")) + ")");
  });
  o.emplace_back(4, [this] {
    const std::string e = int_expr();
    declare_var(Ty::Int);
    emit(fmt::format("var {} = {}", vars_.back().name, e));
  });
  o.emplace_back(3, [this] {
    const std::string e = str_expr();
    declare_var(Ty::Str);
    emit(fmt::format("var {} = {}", vars_.back().name, e));
  });
  const std::vector<int> ints = find([this](const Var& v) { return v.ty == Ty::Int && writable(v); });
  if (!ints.empty()) {
    o.emplace_back(4, [this, ints] {
      const int t = pick(ints);
      const std::string e = int_expr(root(t));
      if (!vars_[t].is_ref && maybe(30)) {
        emit(fmt::format("{} = {}", vars_[t].name, e));
        kill_refs(t);
      } else {
        emit(fmt::format("{} += {}", vars_[t].name, e));
      }
      mutated(t);
    });
  }
  const std::vector<int> strs = find([this](const Var& v) { return v.ty == Ty::Str && writable(v); });
  if (!strs.empty()) {
    o.emplace_back(3, [this, strs] {
      const int t = pick(strs);
      emit(fmt::format("{} += {}", vars_[t].name, str_expr(root(t))));
      mutated(t);
    });
  }
  // Pointees of unsafe pointers are read and written at any depth.
  const std::vector<int> full = find([](const Var& v) { return is_ptr(v.ty) && v.pointee == Pointee::Full; });
  if (!full.empty()) {
    o.emplace_back(2, [this, full] {
      const int p = pick(full);
      emit(fmt::format("{}[] += {}", vars_[p].name, vars_[p].ty == Ty::PtrInt ? int_expr(p) : str_expr(p)));
    });
  }
}

void Builder::add_structs(std::vector<Option>& o) {
  o.emplace_back(4, [this] {
    need("R");
    const std::string n = int_expr();
    const int v = declare_var(Ty::R);
    emit(fmt::format("var {} = R({}, \"r{}\")", vars_[v].name, n, v));
  });
  const std::vector<int> rs = find([this](const Var& v) { return v.ty == Ty::R && readable(v); });
  if (!rs.empty()) {
    o.emplace_back(3, [this, rs] {
      const int t = pick(rs);
      if (writable(vars_[t]) && maybe(50)) {
        emit(vars_[t].name + ".bump()");
        mutated(t);
      } else {
        emit(vars_[t].name + ".show()");
      }
    });
  }
  // Re-initialization: also of a moved-from variable (not across a loop's back edge).
  const std::vector<int> re = find([this](const Var& v) {
    return v.ty == Ty::R && !v.is_ref && v.is_mut && v.frozen == 0 && (v.init || v.depth >= floor());
  });
  if (!re.empty()) {
    o.emplace_back(2, [this, re] {
      const int t = pick(re);
      emit(fmt::format("{} = R({}, \"r{}\")", vars_[t].name, int_expr(t), next_label_++));
      vars_[t].init = true;
      kill_refs(t);
    });
  }
}

void Builder::add_fields(std::vector<Option>& o) {
  const std::vector<int> rs = find([this](const Var& v) { return v.ty == Ty::R && readable(v); });
  if (!rs.empty()) {
    o.emplace_back(3, [this, rs] {
      const int t = pick(rs);
      emit(fmt::format("print({0}.n, {0}.s)", vars_[t].name));
    });
  }
  const std::vector<int> ws = find([this](const Var& v) { return v.ty == Ty::R && writable(v); });
  if (!ws.empty()) {
    o.emplace_back(3, [this, ws] {
      const int t = pick(ws);
      switch (choose(4)) {
        case 0: emit(fmt::format("{}.n += {}", vars_[t].name, int_expr(root(t)))); break;
        case 1: emit(fmt::format("{}.n = {}", vars_[t].name, int_expr(root(t)))); break;
        case 2: emit(fmt::format("{}.s += {}", vars_[t].name, str_expr(root(t)))); break;
        default: emit(fmt::format("{}.s = {}", vars_[t].name, str_expr(root(t)))); break;
      }
    });
  }
  if (!f_.transfers) return;
  // Moving a field out and putting one back, as one group: in between the
  // value is partial, and nothing may use it as a whole or leave the block.
  const std::vector<int> movable = find([this](const Var& v) { return v.ty == Ty::R && !v.is_ref && writable(v); });
  if (!movable.empty()) {
    o.emplace_back(2, [this, movable] {
      const int t = pick(movable);
      const std::string owner = vars_[t].name;
      const int m = declare_var(Ty::Str);
      const std::string moved = vars_[m].name;
      emit(fmt::format("var {} = {}.s^", moved, owner));
      if (maybe(50)) emit(fmt::format("print({})", moved));
      if (maybe(50)) {
        emit(fmt::format("{}.s = {}^", owner, moved));
        vars_[m].init = false;
      } else {
        emit(fmt::format("{}.s = \"f{}\"", owner, next_label_++));
      }
      // A use of the whole value after the re-initialization: the checker
      // reports S7c at the move when the value's last use is the field move
      // (see the report on this generator), as in the docs' D.5 example.
      emit(owner + ".show()");
      kill_refs(t);
    });
  }
}

void Builder::add_linear(std::vector<Option>& o) {
  o.emplace_back(2, [this] {
    need("L");
    const std::string n = int_expr();
    const int v = declare_var(Ty::Lin);
    emit(fmt::format("var {} = L({})", vars_[v].name, n));
  });
  const std::vector<int> ls = find([this](const Var& v) { return v.ty == Ty::Lin && readable(v); });
  if (!ls.empty()) {
    o.emplace_back(3, [this, ls] {
      const int t = pick(ls);
      emit(vars_[t].name + (writable(vars_[t]) && maybe(50) ? ".touch()" : ".peek()"));
    });
  }
  const std::vector<int> ends = find([this](const Var& v) { return v.ty == Ty::Lin && consumable(v); });
  if (!ends.empty()) {
    o.emplace_back(2, [this, ends] {
      const int t = pick(ends);
      if (f_.conventions && f_.transfers && maybe(30)) {
        need("finish");
        emit(fmt::format("finish({}^)", vars_[t].name));
      } else {
        emit(vars_[t].name + (maybe(50) ? "^.discard()" : "^.close()"));
      }
      consume(t);
    });
  }
}

void Builder::add_conventions(std::vector<Option>& o) {
  // Int and String helpers: mut, var, out, default.
  const std::vector<int> ints = find([this](const Var& v) { return v.ty == Ty::Int && writable(v); });
  if (!ints.empty()) {
    o.emplace_back(2, [this, ints] {
      need("inc");
      const int t = pick(ints);
      emit(fmt::format("inc({})", vars_[t].name));
      mutated(t);
    });
  }
  o.emplace_back(1, [this] {
    need("twice");
    const std::string e = int_expr();
    const int v = declare_var(Ty::Int);
    emit(fmt::format("var {} = twice({})", vars_[v].name, e));
  });
  const std::vector<int> strs = find([this](const Var& v) { return v.ty == Ty::Str && writable(v); });
  if (!strs.empty()) {
    o.emplace_back(2, [this, strs] {
      need("add_to");
      const int t = pick(strs);
      emit(fmt::format("add_to({}, {})", vars_[t].name, str_expr(root(t))));
      mutated(t);
    });
  }
  o.emplace_back(2, [this] {
    const bool out = maybe(40);
    need(out ? "make_s" : "shout");
    const std::string e = out ? "" : str_expr();  // an implicit copy into the var argument
    const int v = declare_var(Ty::Str);
    emit(fmt::format("var {} = {}", vars_[v].name, out ? "make_s()" : "shout(" + e + ")"));
  });
  if (!f_.structs) return;
  const std::vector<int> rs = find([this](const Var& v) { return v.ty == Ty::R && readable(v); });
  if (!rs.empty()) {
    o.emplace_back(3, [this, rs] {
      const int t = pick(rs);
      if (writable(vars_[t]) && maybe(50)) {
        need("bump_r");
        emit(fmt::format("bump_r({})", vars_[t].name));
        mutated(t);
      } else {
        need("show_r");
        emit(fmt::format("show_r({})", vars_[t].name));
      }
    });
  }
  o.emplace_back(2, [this] {
    const std::string n = int_expr();
    if (maybe(50)) {
      need("make_r");
      const int v = declare_var(Ty::R);
      emit(fmt::format("var {} = make_r({})", vars_[v].name, n));
    } else {
      need("take_r");
      emit(fmt::format("take_r(R({}, \"t{}\"))", n, next_label_++));
    }
  });
}

void Builder::add_transfers(std::vector<Option>& o) {
  const std::vector<int> src = find([this](const Var& v) {
    return consumable(v) && v.ty != Ty::Int && !is_ptr(v.ty) && v.ty != Ty::Error &&
           (v.ty != Ty::Lin || f_.linear);
  });
  if (!src.empty()) {
    o.emplace_back(3, [this, src] {
      const int t = pick(src);
      const Var moved = vars_[t];
      // Into a helper's var argument when there is one for the type, else into a new variable.
      if (f_.conventions && moved.ty == Ty::R && maybe(40)) {
        need("take_r");
        emit(fmt::format("take_r({}^)", moved.name));
      } else if (f_.conventions && moved.ty == Ty::Str && maybe(40)) {
        need("shout");
        const int v = declare_var(Ty::Str);
        emit(fmt::format("var {} = shout({}^)", vars_[v].name, moved.name));
      } else if (f_.conventions && f_.list && moved.ty == Ty::ListInt && maybe(40)) {
        need("sink");
        emit(fmt::format("sink({}^)", moved.name));
      } else {
        const int v = declare_var(moved.ty);
        vars_[v].min_len = moved.min_len;
        emit(fmt::format("var {} = {}^", vars_[v].name, moved.name));
      }
      consume(t);
    });
  }
  const std::vector<int> copyable = find([this](const Var& v) {
    return readable(v) && !v.is_ref && (v.ty == Ty::R || is_list(v.ty));
  });
  if (!copyable.empty()) {
    o.emplace_back(2, [this, copyable] {
      const int t = pick(copyable);
      const Var copied = vars_[t];
      if (f_.conventions && copied.ty == Ty::R && maybe(40)) {
        need("take_r");
        emit(fmt::format("take_r({}.copy())", copied.name));
      } else if (f_.conventions && copied.ty == Ty::ListInt && maybe(40)) {
        need("sink");
        emit(fmt::format("sink({}.copy())", copied.name));
      } else {
        const int v = declare_var(copied.ty);
        vars_[v].min_len = copied.min_len;
        emit(fmt::format("var {} = {}.copy()", vars_[v].name, copied.name));
      }
    });
  }
}

void Builder::add_refs(std::vector<Option>& o) {
  const std::vector<int> targets = find([this](const Var& v) {
    return !v.is_ref && v.init && (v.ty == Ty::Int || v.ty == Ty::Str || v.ty == Ty::R);
  });
  if (!targets.empty()) {
    o.emplace_back(3, [this, targets] {
      const int t = pick(targets);
      const bool field = vars_[t].ty == Ty::R && f_.fields && maybe(40);
      const std::string place = field ? vars_[t].name + ".n" : vars_[t].name;
      const int r = declare_var(field ? Ty::Int : vars_[t].ty);
      Var& ref = vars_[r];
      ref.is_ref = true;
      ref.target = t;
      ref.ref_mut = vars_[t].is_mut && !vars_[t].locked;
      emit(fmt::format("ref {} = {}", ref.name, place));
    });
  }
  o.emplace_back(1, [this] {
    need("peek_ref");
    const std::vector<int> ints = find([this](const Var& v) { return v.ty == Ty::Int && !v.is_ref && readable(v); });
    const std::string arg = ints.empty() ? std::to_string(choose(10)) : vars_[pick(ints)].name;
    const int v = declare_var(Ty::Int);
    emit(fmt::format("var {} = peek_ref({})", vars_[v].name, arg));
  });
  if (!f_.list) return;
  // Element references: forming one is a mutating access to the List (S11).
  const std::vector<int> lists = find([this](const Var& v) {
    return is_list(v.ty) && !v.is_ref && writable(v) && v.min_len > 0;
  });
  if (!lists.empty()) {
    o.emplace_back(3, [this, lists] {
      const int l = pick(lists);
      const bool via_first = vars_[l].ty == Ty::ListInt && maybe(40);
      if (via_first) need("first");
      const std::string place =
          via_first ? fmt::format("first({})", vars_[l].name) : fmt::format("{}[{}]", vars_[l].name, choose(vars_[l].min_len));
      mutate_list(l);
      const int r = declare_var(vars_[l].ty == Ty::ListInt ? Ty::Int : Ty::Str);
      Var& ref = vars_[r];
      ref.is_ref = true;
      ref.target = l;
      ref.interior = true;
      ref.ref_mut = true;
      emit(fmt::format("ref {} = {}", ref.name, place));
    });
  }
}

void Builder::add_boxes(std::vector<Option>& o) {
  o.emplace_back(2, [this] {
    need("OwnedPointer");
    const bool r = f_.structs && maybe(50);
    if (r) need("R");
    const std::string n = int_expr();
    const int v = declare_var(r ? Ty::BoxR : Ty::BoxInt);
    emit(r ? fmt::format("var {} = OwnedPointer(R({}, \"b{}\"))", vars_[v].name, n, v)
           : fmt::format("var {} = OwnedPointer({})", vars_[v].name, n));
  });
  const std::vector<int> boxes = find([this](const Var& v) { return is_box(v.ty) && readable(v); });
  if (!boxes.empty()) {
    o.emplace_back(3, [this, boxes] {
      const int b = pick(boxes);
      const std::string& name = vars_[b].name;
      const bool w = writable(vars_[b]);
      const std::uint32_t k = choose(w ? 3 : 1);
      if (vars_[b].ty == Ty::BoxInt) {
        if (k == 0) emit(fmt::format("print({}[])", name));
        if (k == 1) emit(fmt::format("{}[] += {}", name, int_expr(b)));
        if (k == 2) emit(fmt::format("{}[] = {}", name, int_expr(b)));
      } else {
        if (k == 0) emit(fmt::format("{}[].show()", name));
        if (k == 1) emit(fmt::format("{}[].bump()", name));
        if (k == 2) emit(fmt::format("{}[] = R({}, \"b{}\")", name, int_expr(b), next_label_++));
      }
    });
  }
}

void Builder::add_lists(std::vector<Option>& o) {
  o.emplace_back(3, [this] {
    const bool strings = maybe(40);
    const int n = static_cast<int>(choose(4));
    std::vector<std::string> elems;
    for (int i = 0; i < n; ++i)
      elems.push_back(strings ? fmt::format("\"e{}\"", next_label_++) : std::to_string(choose(10)));
    const int v = declare_var(strings ? Ty::ListStr : Ty::ListInt);
    vars_[v].min_len = n;
    const char* t = strings ? "String" : "Int";
    if (n == 0 && maybe(50))
      emit(fmt::format("var {} = List[{}]()", vars_[v].name, t));
    else
      emit(fmt::format("var {}: List[{}] = [{}]", vars_[v].name, t, fmt::join(elems, ", ")));
  });
  const std::vector<int> ws = find([this](const Var& v) { return is_list(v.ty) && !v.is_ref && writable(v); });
  if (!ws.empty()) {
    o.emplace_back(4, [this, ws] {
      const int l = pick(ws);
      Var& list = vars_[l];
      const bool strings = list.ty == Ty::ListStr;
      const std::uint32_t k = choose(list.min_len > 0 ? 4 : 2);
      if (k == 2 || k == 3) {
        const int i = static_cast<int>(choose(list.min_len));
        const std::string e = strings ? str_expr(l) : int_expr(l);
        emit(fmt::format("{}[{}] {}= {}", list.name, i, k == 2 ? "" : "+", e));
      } else if (k == 1 && f_.conventions && !strings) {
        need("push");
        emit(fmt::format("push({}, {})", list.name, int_expr(l)));
        ++list.min_len;
      } else {
        // A String variable may be moved into the List.
        std::string e;
        if (strings && f_.transfers) {
          const std::vector<int> s = find([this](const Var& v) { return v.ty == Ty::Str && consumable(v); });
          if (!s.empty() && maybe(40)) {
            const int t = s[choose(s.size())];
            e = vars_[t].name + "^";
            consume(t);
          }
        }
        if (e.empty()) e = strings ? str_expr(l) : int_expr(l);
        emit(fmt::format("{}.append({})", vars_[l].name, e));
        ++vars_[l].min_len;
      }
      mutate_list(l);
    });
  }
  const std::vector<int> ints = find([this](const Var& v) { return v.ty == Ty::ListInt && readable(v); });
  if (!ints.empty()) {
    o.emplace_back(1, [this, ints] {
      need("total");
      emit(fmt::format("print(total({}))", vars_[pick(ints)].name));
    });
  }
}

void Builder::add_pointers(std::vector<Option>& o) {
  o.emplace_back(2, [this] {
    need("alloc");
    const bool strings = maybe(50);
    const int v = declare_var(strings ? Ty::PtrStr : Ty::PtrInt);
    vars_[v].pointee = Pointee::Empty;
    emit(fmt::format("var {} = alloc[{}](1)", vars_[v].name, strings ? "String" : "Int"));
  });
  // The pointee's state changes only in the block that allocated it, so every
  // path through nested blocks agrees on it.
  const std::vector<int> mine = find([this](const Var& v) { return is_ptr(v.ty) && v.depth == depth(); });
  if (mine.empty()) return;
  o.emplace_back(4, [this, mine] {
    const int p = pick(mine);
    Var& ptr = vars_[p];
    const std::string name = ptr.name;
    if (ptr.pointee == Pointee::Freed) {
      emit(fmt::format("print(\"freed {}\")", name));
      return;
    }
    if (ptr.pointee == Pointee::Empty) {
      if (maybe(25)) {
        emit(name + ".free()");
        vars_[p].pointee = Pointee::Freed;
        return;
      }
      std::string how = "init_pointee_copy";
      std::string e;
      if (ptr.ty == Ty::PtrStr && f_.transfers) {
        const std::vector<int> s = find([this](const Var& v) { return v.ty == Ty::Str && consumable(v); });
        if (!s.empty() && maybe(50)) {
          const int t = s[choose(s.size())];
          how = "init_pointee_move";
          e = vars_[t].name + "^";
          consume(t);
        }
      }
      if (e.empty()) e = vars_[p].ty == Ty::PtrStr ? str_expr(p) : int_expr(p);
      emit(fmt::format("{}.{}({})", name, how, e));
      vars_[p].pointee = Pointee::Full;
      return;
    }
    if (maybe(50)) {
      const int v = declare_var(vars_[p].ty == Ty::PtrStr ? Ty::Str : Ty::Int);
      emit(fmt::format("var {} = {}.take_pointee()", vars_[v].name, name));
    } else {
      emit(name + ".destroy_pointee()");
    }
    vars_[p].pointee = Pointee::Empty;
  });
}

void Builder::add_control(std::vector<Option>& o) {
  const bool room = depth() < kMaxDepth;
  if (f_.branches && room) {
    o.emplace_back(3, [this] { if_statement(); });
    o.emplace_back(1, [this] { late_init(); });
  }
  if (f_.loops && room) o.emplace_back(3, [this] { loop_statement(); });
  add_jumps(o);
}

void Builder::add_jumps(std::vector<Option>& o) {
  const int to = special();
  if (to == 0 || !escape_ok(to)) return;
  if (f_.branches && depth() < kMaxDepth + 1)
    o.emplace_back(1, [this] { guarded_escape(); });
  else if (depth() == to)
    o.emplace_back(1, [this] { bare_jump(); });
}

void Builder::add_errors(std::vector<Option>& o) {
  if (depth() < kMaxDepth) o.emplace_back(3, [this] { try_statement(); });
  if (try_depth() > 0 && escape_ok(try_depth())) o.emplace_back(2, [this] { raising_call(); });
}

void Builder::if_statement() {
  const std::size_t n = vars_.size();
  const State before = vars_;
  std::vector<State> ends;
  const int branches = 1 + static_cast<int>(choose(3));
  for (int k = 0; k < branches; ++k) {
    vars_ = before;
    const std::string c = cond();
    emit(fmt::format("{} {}:", k == 0 ? "if" : "elif", c));
    block(Kind::Branch, 1 + static_cast<int>(choose(2)));
    ends.push_back(vars_);
  }
  vars_ = before;
  if (maybe(50)) {
    emit("else:");
    block(Kind::Branch, 1 + static_cast<int>(choose(2)));
    ends.push_back(vars_);
  } else {
    ends.push_back(before);
  }
  vars_ = join(ends, n);
  terminated_ = false;
}

/// `var x: T` initialized on both branches of an `if` (late initialization).
void Builder::late_init() {
  const bool strings = maybe(50);
  const std::string c = cond();  // before the declaration: it may not read the new variable
  const int v = declare_var(strings ? Ty::Str : Ty::Int);
  const std::string name = vars_[v].name;
  emit(fmt::format("var {}: {}", name, strings ? "String" : "Int"));
  emit(fmt::format("if {}:", c));
  push(Kind::Branch);
  emit(fmt::format("{} = {}", name, strings ? str_expr(v) : int_expr(v)));
  pop();
  emit("else:");
  push(Kind::Branch);
  emit(fmt::format("{} = {}", name, strings ? str_expr(v) : int_expr(v)));
  pop();
}

void Builder::loop_statement() {
  const std::size_t n = vars_.size();
  const std::vector<int> lists = find([this](const Var& v) {
    return f_.list && is_list(v.ty) && !v.is_ref && readable(v) && v.frozen == 0;
  });
  const std::uint32_t kind = choose(lists.empty() ? 2 : 3);
  const int steps = 1 + static_cast<int>(choose(3));
  if (kind == 0) {
    const std::string bound = std::to_string(1 + choose(3));
    const State before = vars_;
    const std::string name = fresh();
    emit(fmt::format("for {} in range({}):", name, bound));
    block(Kind::LoopBody, steps, [&] {
      Var v;
      v.name = name;
      v.depth = depth();
      v.is_mut = false;
      vars_.push_back(v);
    });
    vars_ = join({before, vars_}, n);
  } else if (kind == 1) {
    const int c = declare_var(Ty::Int);
    vars_[c].locked = true;
    const std::string name = vars_[c].name;
    emit(fmt::format("var {} = 0", name));
    const State before = vars_;
    emit(fmt::format("while {} < {}:", name, 1 + choose(3)));
    // The counter moves first, so `continue` cannot skip it.
    block(Kind::LoopBody, steps, [&] { emit(name + " += 1"); });
    vars_ = join({before, vars_}, n + 1);
  } else {
    const int l = pick(lists);
    mutate_list(l);  // iterating forms element references
    const State before = vars_;
    const std::string name = fresh();
    emit(fmt::format("for {} in {}:", name, vars_[l].name));
    ++vars_[l].frozen;
    block(Kind::LoopBody, steps, [&] {
      Var v;
      v.name = name;
      v.ty = vars_[l].ty == Ty::ListInt ? Ty::Int : Ty::Str;
      v.depth = depth();
      v.is_mut = false;
      v.is_ref = true;
      v.interior = true;
      v.target = l;
      vars_.push_back(v);
    });
    --vars_[l].frozen;
    vars_ = join({before, vars_}, n);
  }
  terminated_ = false;
}

void Builder::try_statement() {
  const std::size_t n = vars_.size();
  const State before = vars_;
  emit("try:");
  const int steps = static_cast<int>(choose(3));
  // The body starts with a raising call, so the handler is reachable.
  block(Kind::TryBody, steps, [this] { raising_call(); });
  const bool body_falls_through = !terminated_;
  State body_end = vars_;
  // The handler runs from any raising point of the body: what the body
  // killed may be dead there, the rest is as before the `try`.
  vars_ = before;
  for (std::size_t i = 0; i < n; ++i) vars_[i].dead = vars_[i].dead || body_end[i].dead;
  std::string error;
  if (maybe(60)) error = fresh();
  emit(error.empty() ? "except:" : "except " + error + ":");
  block(Kind::Handler, 1 + static_cast<int>(choose(2)), [&] {
    if (error.empty()) return;
    Var e;
    e.name = error;
    e.ty = Ty::Error;
    e.depth = depth();
    e.is_mut = false;
    vars_.push_back(e);
    emit(fmt::format("print(\"caught\", {})", error));
  });
  std::vector<State> ends{vars_};
  if (body_falls_through) ends.push_back(body_end);
  vars_ = join(ends, n);
  terminated_ = false;
}

void Builder::raising_call() {
  std::vector<std::string> bools;
  for (int i = 0; i < inputs_; ++i) bools.emplace_back(1, static_cast<char>('a' + i));
  if (maybe(50)) {
    need("check");
    const std::string e = int_expr();
    const int v = declare_var(Ty::Int);
    emit(fmt::format("var {} = check({})", vars_[v].name, e));
  } else {
    need("fail_if");
    emit(fmt::format("fail_if({})", bools.empty() ? int_atom(-1) + " > 1" : cond()));
  }
}

/// `if c:` … then break or continue (innermost is a loop body) or raise
/// (innermost is a try body): the jump ends the branch, and nothing open is
/// abandoned (add_jumps checked the enclosing blocks; the branch ends its own).
void Builder::guarded_escape() {
  const int to = special();
  const std::string jump = jump_for(to);
  const std::size_t n = vars_.size();
  const State before = vars_;
  emit(fmt::format("if {}:", cond()));
  push(Kind::Branch);
  if (maybe(40)) {
    step();
    terminated_ = false;
    finalize();
  }
  const bool jumps = escape_ok(to);
  if (jumps) emit(jump);
  State end = vars_;
  pop();
  vars_ = before;
  if (jumps) {
    // Only what the branch killed matters after the `if`: its path leaves.
    for (std::size_t i = 0; i < n; ++i) vars_[i].dead = vars_[i].dead || end[i].dead;
  } else {
    vars_ = join({before, end}, n);
  }
}

/// Without `if`: the jump is the last statement of the loop or try body itself.
void Builder::bare_jump() {
  const int to = special();
  finalize();
  emit(jump_for(to));
  terminated_ = true;
}

std::string Builder::jump_for(int to) {
  if (ctx_[to - 1] == Kind::TryBody) return "raise Error(\"stop\")";
  return maybe(50) ? "continue" : "break";
}

}  // namespace

/* --- Public API ------------------------------------------------------------ */

Features Features::none() {
  Features f;
  f.structs = f.fields = f.linear = f.conventions = f.transfers = f.refs = f.owned_pointer = f.list =
      f.unsafe_pointer = f.branches = f.loops = f.errors = false;
  return f;
}

rc::Gen<Features> swarm_features() {
  return g::map(g::container<std::vector<bool>>(12, g::arbitrary<bool>()), [](const std::vector<bool>& b) {
    Features f;
    f.structs = b[0];
    f.fields = b[1];
    f.linear = b[2];
    f.conventions = b[3];
    f.transfers = b[4];
    f.refs = b[5];
    f.owned_pointer = b[6];
    f.list = b[7];
    f.unsafe_pointer = b[8];
    f.branches = b[9];
    f.loops = b[10];
    f.errors = b[11];
    return f;
  });
}

rc::Gen<Plan> plan(int statements) {
  const auto tape = g::container<std::vector<std::uint32_t>>(kTapeLength, g::inRange<std::uint32_t>(0, kChoiceRange));
  const auto plans = g::apply(
      [](int inputs, std::vector<std::vector<std::uint32_t>> steps) { return Plan{inputs, std::move(steps)}; },
      g::inRange(0, 4), g::container<std::vector<std::vector<std::uint32_t>>>(static_cast<std::size_t>(std::max(statements, 0)), tape));
  // Beyond RapidCheck's own shrinks (choices towards 0): drop one step.
  return g::shrink(plans, [](const Plan& p) {
    std::vector<Plan> smaller;
    for (std::size_t i = 0; i < p.steps.size(); ++i) {
      Plan q = p;
      q.steps.erase(q.steps.begin() + static_cast<std::ptrdiff_t>(i));
      smaller.push_back(std::move(q));
    }
    return rc::seq::fromContainer(std::move(smaller));
  });
}

std::string build_source(const Features& features, const Plan& plan, const InjectionPoint* injection) {
  return Builder(features, plan).build(injection);
}

ast::Module build_program(const Features& features, const Plan& plan, const InjectionPoint* injection) {
  const std::string text = build_source(features, plan, injection);
  ParseResult parsed = parse(SourceFile("generated.mojo", text));
  if (!parsed.module) {
    throw std::logic_error("the program generator wrote a program that does not parse: " +
                           (parsed.diagnostics.empty() ? std::string("?") : parsed.diagnostics.front().message) +
                           "\n" + text);
  }
  return std::move(*parsed.module);
}

rc::Gen<ast::Module> accepted_program(const Features& features, int statements) {
  return g::map(plan(statements), [features](const Plan& p) { return build_program(features, p); });
}

rc::Gen<ast::Module> accepted_program() {
  return g::withSize([](int size) {
    const int statements = std::max(1, size / 10);
    return g::mapcat(swarm_features(),
                     [statements](const Features& f) { return accepted_program(f, statements); });
  });
}

}  // namespace ownmodel::gen
