#pragma once
// The per-function flow analysis shared by check_flow and elaborate
// (docs/semantics.md §3.1, §5). Internal to model/flow/.
//
// Tracked paths are the nodes of a *shape* per tracked root: one node per
// root, and for struct types one child per field, numbered in preorder so a
// subtree is a contiguous range. A struct node's state is its logical bit, a
// leaf's state its value. Roots are the Value slots of the function plus the
// `mut` parameters (whose places are `*x.f…`).
//
// Every instruction and terminator is a *point* whose accesses are lowered to
// effects on nodes (uses, writes) and on references (uses, bindings; D8 turns
// a reference use into uses of its origins). The forward state Δ/Ω and the
// backward liveness L are computed per block over the Boost.Graph CFG, and a
// final walk replays every point with the fixed point states, reporting the
// rules and handing each edge's destructions to the caller.

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <boost/dynamic_bitset.hpp>

#include "model/flow/cfg.h"
#include "model/ir/core_ir.h"
#include "model/rules/report.h"
#include "model/rules/rule_set.h"

namespace ownmodel::flow {

using NodeId = std::uint32_t;
using Bits = boost::dynamic_bitset<>;

/* --- Shapes --------------------------------------------------------------- */

struct Node {
  ir::SlotId slot = ir::none;
  NodeId root = ir::none;
  NodeId parent = ir::none;    ///< none for a root
  std::uint32_t field = 0;     ///< index in the parent's fields
  ir::TypeId type = ir::none;
  std::uint32_t size = 1;      ///< preorder subtree size, self included
  bool expanded = false;       ///< a struct node with one child per field
  bool trivial = false;        ///< no destroy (§2.1)
  bool linear = false;         ///< not Deinitable (S8)
};

/* --- Effects -------------------------------------------------------------- */

enum class EffKind : std::uint8_t { Use, Write, RefUse, RefBind };
enum class UseKind : std::uint8_t { Read, Mutate, Consume };

struct Effect {
  EffKind kind = EffKind::Use;
  UseKind use = UseKind::Read;
  NodeId node = ir::none;
  /// Use: the reference this is an origin use through (D8), or none.
  /// RefUse/RefBind: the reference slot.
  ir::SlotId ref = ir::none;
  Span span;
  bool exit = false;        ///< the caller's use of a mut/out/result slot at an exit
  bool whole_self = false;  ///< `self` of __init__ used as a whole (S3b)
  bool inplace = false;     ///< write by an in-place operator (no W1)
};

enum class ExitKind : std::uint8_t { None, Normal, Error };

/// One instruction (index < block size) or the terminator (index == size).
struct Point {
  std::vector<Effect> pre;          ///< in evaluation order
  std::vector<Effect> post;         ///< normal edge only: `out` arguments of a call
  std::vector<Effect> unwind_post;  ///< unwind edge only: the error lands in $err
  ir::BlockId unwind = ir::none;
  ExitKind exit = ExitKind::None;
  bool implicit_return = false;
  Span span;
};

/* --- Forward state -------------------------------------------------------- */

enum class Init3 : std::uint8_t { I, U, M };

enum class ProvKind : std::uint8_t { Declared, Transferred, Destroyed };
struct Prov {
  Span span;
  ProvKind kind = ProvKind::Declared;
};
/// Why a node is U or M: at most two source positions, the earliest kept.
struct NodeProv {
  std::array<Prov, 2> e{};
  std::uint8_t n = 0;
};
/// Where an interior reference was invalidated (empty: valid on every path).
struct InvSet {
  std::array<Span, 2> e{};
  std::uint8_t n = 0;
};

struct State {
  bool reached = false;
  std::vector<Init3> v;
  std::vector<NodeProv> prov;
  std::vector<InvSet> inv;   ///< per interior reference
};

/* --- Destruction placement -------------------------------------------------- */

/// One `destroy` of a node.
struct Piece {
  NodeId node = ir::none;
  Rule rule = Rule::D1;
};

/// Where an edge's destructions go.
struct EdgeRef {
  enum class Where : std::uint8_t {
    Entry,    ///< function entry → first point of the entry block
    Intra,    ///< instruction `index` → the next point of block `from`
    Block,    ///< terminator of `from` → block `to`; `index` is the successor index
    Unwind,   ///< raising call `index` of `from` → its unwind block `to`
  };
  Where where = Where::Intra;
  ir::BlockId from = ir::none;
  std::uint32_t index = 0;
  ir::BlockId to = ir::none;
};

using DeathSink = std::function<void(const EdgeRef&, const std::vector<Piece>&, Span)>;

/* --- The analysis ----------------------------------------------------------- */

/// Receives what the final walk finds (flow_rules.cpp); the fixed point runs
/// without one. Called before the state update the finding is about.
class Reporter {
 public:
  virtual ~Reporter() = default;
  /// The walk is at point k of block b.
  virtual void at(ir::BlockId b, std::uint32_t k) = 0;
  /// A use whose place is not initialized (S1, S2, S3b).
  virtual void uninit(const State& s, const Effect& e) = 0;
  /// An exit where a mut/out slot is not initialized (S3a, S7a, S7b).
  virtual void exit_uninit(const State& s, const Effect& e) = 0;
  /// The whole-value consume `list[i]` (S4d).
  virtual void consume(const State& s, const std::vector<Effect>& list, std::size_t i) = 0;
  /// A write (W1).
  virtual void written(const State& s, const Effect& e) = 0;
  /// A use of an invalidated interior reference (S11).
  virtual void invalidated(const State& s, const Effect& e, std::uint32_t index) = 0;
  /// Paths dying on an edge (S7c, S8).
  virtual void dying(const State& s, const std::vector<NodeId>& dead,
                     const std::vector<Piece>& pieces, Span where, bool error_edge) = 0;
};

class FunctionAnalysis {
 public:
  FunctionAnalysis(const ir::Module& m, const ir::Function& f, const RuleSet& rules);

  /// Liveness (both passes) and the forward fixed point.
  void run();

  /// Replays every reached point with the fixed point states: reports rules to
  /// `sink` (when not null) and gives every edge's destructions to `deaths`
  /// (when set).
  void walk(DiagnosticSink* sink, const DeathSink& deaths) const;

  // Queries used by the elaborator (after run()).
  [[nodiscard]] const std::vector<Node>& nodes() const { return nodes_; }
  [[nodiscard]] const std::vector<std::vector<Point>>& points() const { return points_; }
  [[nodiscard]] const Bits& live_at(ir::BlockId b, std::uint32_t k) const { return pt_live_[b][k]; }
  /// The node a place designates when it is a tracked path exactly, else none.
  [[nodiscard]] NodeId direct_node(const ir::Place& p) const;
  /// An owned slot: the function ends its value (locals, temporaries, var/deinit parameters).
  [[nodiscard]] bool owned_slot(ir::SlotId s) const;
  [[nodiscard]] ir::Place place_of(NodeId n) const;
  [[nodiscard]] const Cfg& cfg() const { return cfg_; }

  // Internals, shared by the files of model/flow/.
  // shape.cpp
  void build_shape();
  void build_points();
  struct Resolved {
    NodeId node = ir::none;
    bool direct = false;
    bool owning_container = false;  ///< past the node: a List element / OwnedPointer pointee
    ir::SlotId ref = ir::none;
  };
  [[nodiscard]] Resolved resolve(const ir::Place& p) const;
  void add_access(std::vector<Effect>& out, const ir::Place& p, UseKind use, bool write, Span span,
                  int depth = 0) const;
  void add_origin_uses(std::vector<Effect>& out, ir::SlotId ref, UseKind use, Span span,
                       int depth) const;

  // liveness.cpp
  void run_liveness();
  [[nodiscard]] Bits scan_block(ir::BlockId b, int pass, std::vector<Bits>* per_point) const;
  [[nodiscard]] Bits edge_live(const Bits& target, bool into_exit, int pass) const;
  void back(Bits& live, const std::vector<Effect>& effects) const;
  [[nodiscard]] bool exit_point(ir::BlockId b, std::uint32_t k) const;

  // init_state.cpp
  void run_init();
  [[nodiscard]] State entry_state() const;
  bool join_into(State& into, const State& from) const;
  [[nodiscard]] bool all_init(const State& s, NodeId q) const;
  [[nodiscard]] bool any_alive(const State& s, NodeId q) const;
  void set_range(State& s, NodeId q, Init3 v, Prov why) const;
  [[nodiscard]] NodeId missing(const State& s, NodeId q) const;
  [[nodiscard]] bool fieldwise(const State& s, NodeId n) const;
  void deaths(const State& s, const Bits& live, std::vector<NodeId>& dead) const;
  void pieces(const State& s, NodeId n, Rule tag, std::vector<Piece>& out) const;
  void apply(State& s, const std::vector<Effect>& list, Reporter* rep) const;
  void invalidate(State& s, NodeId q, ir::SlotId through, Span span) const;
  void edge(State& s, const Bits& live_target, const EdgeRef& where, Span span, Reporter* rep,
            const DeathSink* sink) const;
  void step_block(ir::BlockId b, State s, Reporter* rep, const DeathSink* sink,
                  const std::function<void(ir::BlockId, const State&)>& to_block) const;

  const ir::Module& m;
  const ir::Function& f;
  const RuleSet& rules;

  std::vector<Node> nodes_;
  std::vector<NodeId> slot_root_;     ///< per slot: its root node, or none
  std::vector<bool> via_deref_;       ///< per slot: a tracked mut parameter
  std::vector<NodeId> roots_d6_;      ///< root nodes in D6 order
  std::vector<std::uint32_t> interior_index_;  ///< per slot: index into State::inv, or none
  std::vector<ir::SlotId> interior_refs_;
  std::vector<std::vector<NodeId>> interior_origins_;  ///< per interior ref: tracked origin nodes
  NodeId self_root_ = ir::none;       ///< `self` of __init__
  std::vector<std::uint32_t> slot_uses_;  ///< per slot: effects naming it (W1)

  Cfg cfg_;
  std::vector<std::vector<Point>> points_;
  Bits root_mask_, deinit_extra_;
  std::vector<Bits> live_in_;                  ///< per block, pass 2
  std::vector<std::vector<Bits>> pt_live_;     ///< per block and point
  std::vector<State> in_;                      ///< per block
  State entry_;                                ///< after the entry deaths
};

/// Node spelling for messages (`a.color`, `self.name`, "(expression temporary)").
[[nodiscard]] std::string spell(const FunctionAnalysis& a, NodeId n);

}  // namespace ownmodel::flow
