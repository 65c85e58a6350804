// The flow rules on hand-built Core IR (docs/semantics.md §3): for each rule,
// rejected programs with the rule id, position and message, and near-identical
// accepted ones. Line numbers are those of the Mojo program in each comment.

#include <gtest/gtest.h>

#include "flow_builder.h"

namespace ownmodel::flowtest {
namespace {

struct Fx {
  ModuleBuilder mb;
  TypeId Pt, Person, Balloons, Tok, Tok2, Named, Greeter, PStruct, Contact, ListInt;
  FunctionId take, take_text, show, consume, use, may_fail, greet, close, close2;
  FunctionId init_pt, init_person, init_balloons, init_tok, init_tok2, init_contact;

  Fx() {
    Pt = mb.structure("Pt", {{"x", mb.Int}, {"y", mb.Int}});
    Person = mb.structure("Person", {{"age", mb.Int}, {"height", mb.Int}});
    Balloons = mb.structure("Balloons", {{"color", mb.Str}, {"count", mb.Int}});
    Tok = mb.structure("Tok", {{"n", mb.Int}}, false, "Must call close()");
    Tok2 = mb.structure("Tok2", {{"n", mb.Int}}, false);
    Named = mb.structure("Named", {{"name", mb.Str}});
    Greeter = mb.structure("Greeter", {{"name", mb.Str}});
    PStruct = mb.structure("P", {{"name", mb.Str}, {"age", mb.Int}});
    Contact = mb.structure("Contact", {{"name", mb.Str}, {"email", mb.Str}});
    ListInt = mb.list_of(mb.Int);
    take = mb.stub("take", {{Pt, Convention::Var}});
    take_text = mb.stub("take_text", {{mb.Str, Convention::Var}});
    show = mb.stub("show", {{Person, Convention::Default}});
    consume = mb.stub("consume", {{mb.Str, Convention::Var}});
    use = mb.stub("use", {{Balloons, Convention::Default}});
    may_fail = mb.stub("may_fail", {}, true);
    greet = mb.stub("Greeter.greet", {{Greeter, Convention::Default}});
    close = mb.stub("Tok.close", {{Tok, Convention::Deinit}});
    close2 = mb.stub("Tok2.close", {{Tok2, Convention::Deinit}});
    init_pt = mb.stub("Pt.__init__", {{mb.Int, Convention::Default}, {mb.Int, Convention::Default}});
    init_person = mb.stub("Person.__init__", {{mb.Int, Convention::Default}, {mb.Int, Convention::Default}});
    init_balloons = mb.stub("Balloons.__init__", {{mb.Str, Convention::Var}, {mb.Int, Convention::Default}});
    init_tok = mb.stub("Tok.__init__", {{mb.Int, Convention::Default}});
    init_tok2 = mb.stub("Tok2.__init__", {{mb.Int, Convention::Default}});
    init_contact = mb.stub("Contact.__init__", {{mb.Str, Convention::Var}, {mb.Str, Convention::Var}});
  }

  std::string run(FunctionBuilder fb, const RuleSet& rules = RuleSet()) {
    mb.add(std::move(fb));
    return describe(check(mb.m, rules));
  }

  /// `dst = Pt(1, 2)` at `line`.
  Instr::Node new_pt(Place dst, std::uint32_t line) {
    return Call{init_pt, {CallArg{ArgMode::Val, C(1), at(line)}, CallArg{ArgMode::Val, C(2), at(line)},
                          A(ArgMode::Out, std::move(dst), line)}};
  }
};

/* --- S1 Definite initialization ---------------------------------------------- */

// def main():
//     var message = "Hello"          # 2
//     take_text(message^)            # 3
//     print(message)                 # 4
TEST(FlowS1, UseAfterTransferIsRejected) {
  Fx x;
  FunctionBuilder fb("main");
  const SlotId msg = fb.local("message", x.mb.Str, 2);
  const BlockId b = fb.block("entry");
  fb.add(b, AssignConst{P(msg, {}, 2), K("Hello")}, 2);
  fb.add(b, Call{x.take_text, {A(ArgMode::Own, P(msg, {}, 3), 3)}}, 3);
  fb.add(b, print_node({O(P(msg, {}, 4))}), 4);
  fb.ret(b, 1);
  EXPECT_EQ(x.run(std::move(fb)),
            "S1@4 use of uninitialized value 'message' [note@3 value transferred here]\n");
}

// Same, re-initialized before the print: accepted.
TEST(FlowS1, ReinitializedAfterTransferIsAccepted) {
  Fx x;
  FunctionBuilder fb("main");
  const SlotId msg = fb.local("message", x.mb.Str, 2);
  const BlockId b = fb.block("entry");
  fb.add(b, AssignConst{P(msg, {}, 2), K("Hello")}, 2);
  fb.add(b, Call{x.take_text, {A(ArgMode::Own, P(msg, {}, 3), 3)}}, 3);
  fb.add(b, AssignConst{P(msg, {}, 4), K("World")}, 4);
  fb.add(b, print_node({O(P(msg, {}, 5))}), 5);
  fb.ret(b, 1);
  EXPECT_EQ(x.run(std::move(fb)), "");
}

// def main(c: Bool):
//     var x: String                  # 2
//     if c:                          # 3
//         x = "a"                    # 4
//     print(x)                       # 5
FunctionBuilder late_init(Fx& x, bool both) {
  FunctionBuilder fb("main");
  const SlotId c = fb.param("c", x.mb.Bool, Convention::Default, 1, true);
  const SlotId v = fb.local("x", x.mb.Str, 2);
  const BlockId entry = fb.block("entry"), then = fb.block("then"), els = fb.block("else"),
                join = fb.block("join");
  fb.branch(entry, P(c, {}, 3), then, els, 3);
  fb.add(then, AssignConst{P(v, {}, 4), K("a")}, 4);
  fb.go(then, join);
  if (both) fb.add(els, AssignConst{P(v, {}, 6), K("b")}, 6);
  fb.go(els, join);
  fb.add(join, print_node({O(P(v, {}, 7))}), 7);
  fb.ret(join, 1);
  return fb;
}

TEST(FlowS1, MaybeUninitializedAfterBranchIsRejected) {
  Fx x;
  EXPECT_EQ(x.run(late_init(x, false)),
            "S1@7 use of uninitialized value 'x' [note@2 'x' declared here]\n");
}

TEST(FlowS1, InitializedOnBothBranchesIsAccepted) {
  Fx x;
  EXPECT_EQ(x.run(late_init(x, true)), "");
}

// A use through a reference is a use of its origin (D8): `r` after `s^`.
TEST(FlowS1, UseThroughReferenceAfterTransferIsRejected) {
  Fx x;
  FunctionBuilder fb("main");
  const SlotId s = fb.local("s", x.mb.Str, 2);
  const SlotId r = fb.ref("r", x.mb.Str, {P(s)}, false, 3);
  const BlockId b = fb.block("entry");
  fb.add(b, AssignConst{P(s, {}, 2), K("a")}, 2);
  fb.add(b, Borrow{P(r, {}, 3), P(s, {}, 3), BorrowKind::Imm}, 3);
  fb.add(b, Call{x.take_text, {A(ArgMode::Own, P(s, {}, 4), 4)}}, 4);
  fb.add(b, print_node({O(D(r, {}, 5))}), 5);
  fb.ret(b, 1);
  EXPECT_EQ(x.run(std::move(fb)), "S1@5 use of uninitialized value 's' [note@4 value transferred here]\n");
}

/* --- S2 Logical initialization ---------------------------------------------------- */

// def main():
//     var me: Person                 # 2
//     me.age = 25                    # 3
//     me.height = 6                  # 4
//     show(me)      /  var other = me ; print(other.age)      # 5
FunctionBuilder fieldwise_person(Fx& x, bool by_copy) {
  FunctionBuilder fb("main");
  const SlotId me = fb.local("me", x.Person, 2);
  const BlockId b = fb.block("entry");
  fb.add(b, AssignConst{P(me, {0}, 3), K(25)}, 3);
  fb.add(b, AssignConst{P(me, {1}, 4), K(6)}, 4);
  if (by_copy) {
    const SlotId other = fb.local("other", x.Person, 5);
    fb.add(b, Copy{P(other, {}, 5), P(me, {}, 5), CopyOrigin::Implicit}, 5);
    fb.add(b, print_node({O(P(other, {0}, 6))}), 6);
  } else {
    fb.add(b, Call{x.show, {A(ArgMode::Ref, P(me, {}, 5), 5)}}, 5);
  }
  fb.ret(b, 1);
  return fb;
}

TEST(FlowS2, FieldwiseValuePassedWholeIsRejected) {
  Fx x;
  EXPECT_EQ(x.run(fieldwise_person(x, false)),
            "S2@5 'me' used with all fields manually initialized but without calling an "
            "'__init__' method\n");
}

TEST(FlowS2, FieldwiseValueCopiedIsRejected) {
  Fx x;
  EXPECT_EQ(x.run(fieldwise_person(x, true)),
            "S2@5 'me' used with all fields manually initialized but without calling an "
            "'__init__' method\n");
}

// var me: Person; me.age = 25; print(me.age)
TEST(FlowS2, FieldOfFieldwiseValueIsAccepted) {
  Fx x;
  FunctionBuilder fb("main");
  const SlotId me = fb.local("me", x.Person, 2);
  const BlockId b = fb.block("entry");
  fb.add(b, AssignConst{P(me, {0}, 3), K(25)}, 3);
  fb.add(b, print_node({O(P(me, {0}, 4))}), 4);
  fb.ret(b, 1);
  EXPECT_EQ(x.run(std::move(fb)), "");
}

// var me = Person(25, 6); show(me)
TEST(FlowS2, ConstructedValueIsAccepted) {
  Fx x;
  FunctionBuilder fb("main");
  const SlotId me = fb.local("me", x.Person, 2);
  const BlockId b = fb.block("entry");
  fb.add(b, Call{x.init_person, {CallArg{ArgMode::Val, C(25), at(2)}, CallArg{ArgMode::Val, C(6), at(2)},
                                 A(ArgMode::Out, P(me, {}, 2), 2)}},
         2);
  fb.add(b, Call{x.show, {A(ArgMode::Ref, P(me, {}, 5), 5)}}, 5);
  fb.ret(b, 1);
  EXPECT_EQ(x.run(std::move(fb)), "");
}

/* --- S3a Constructor initializes every field ------------------------------------- */

// struct P:
//     var name: String
//     var age: Int
//     def __init__(out self, name: String, age: Int, c: Bool):   # 4
//         self.name = name                                       # 5
//         if c:                                                  # 6
//             <then>                                             # 7
//         <rest>                                                 # 8
enum class InitShape { OnlyName, EarlyReturn, Both, AgeOnBothBranches };
FunctionBuilder init_p(Fx& x, InitShape shape) {
  FunctionBuilder fb("P.__init__", FunctionKind::Init);
  const SlotId self = fb.param("self", x.PStruct, Convention::Out, 4);
  const SlotId name = fb.param("name", x.mb.Str, Convention::Default, 4);
  const SlotId age = fb.param("age", x.mb.Int, Convention::Default, 4, true);
  const SlotId c = fb.param("c", x.mb.Bool, Convention::Default, 4, true);
  fb.f.self_type = x.PStruct;
  const BlockId entry = fb.block("entry");
  fb.add(entry, Copy{P(self, {0}, 5), D(name, {}, 5), CopyOrigin::Implicit}, 5);
  if (shape == InitShape::OnlyName || shape == InitShape::Both) {
    if (shape == InitShape::Both) fb.add(entry, Copy{P(self, {1}, 8), P(age, {}, 8), CopyOrigin::Implicit}, 8);
    fb.ret(entry, 4);
    return fb;
  }
  const BlockId then = fb.block("then"), rest = fb.block("rest");
  fb.branch(entry, P(c, {}, 6), then, rest, 6);
  if (shape == InitShape::EarlyReturn) {
    fb.ret(then, 7, false);
  } else {
    fb.add(then, AssignConst{P(self, {1}, 7), K(1)}, 7);
    fb.ret(then, 7, false);
  }
  fb.add(rest, Copy{P(self, {1}, 8), P(age, {}, 8), CopyOrigin::Implicit}, 8);
  fb.ret(rest, 4);
  return fb;
}

TEST(FlowS3a, MissingFieldAtImplicitReturnIsRejected) {
  Fx x;
  EXPECT_EQ(x.run(init_p(x, InitShape::OnlyName)),
            "S3a@4 'self.age' is uninitialized at the implicit return from this function\n");
}

TEST(FlowS3a, MissingFieldAtEarlyReturnIsRejected) {
  Fx x;
  EXPECT_EQ(x.run(init_p(x, InitShape::EarlyReturn)),
            "S3a@7 'self.age' is uninitialized at return from this function\n");
}

TEST(FlowS3a, AllFieldsSetIsAccepted) {
  Fx x;
  EXPECT_EQ(x.run(init_p(x, InitShape::Both)), "");
}

TEST(FlowS3a, FieldSetOnEveryPathIsAccepted) {
  Fx x;
  EXPECT_EQ(x.run(init_p(x, InitShape::AgeOnBothBranches)), "");
}

/* --- S3b No use of self before full initialization ------------------------------ */

// def __init__(out self, name: String, c: Bool):      # 3
//     [if c: self.name = name]                        # 4
//     self.greet()                                    # 5
//     self.name = name                                # 6
enum class GreeterShape { GreetFirst, GreetAfterMaybe, NameFirst, NameOnBothBranches };
FunctionBuilder init_greeter(Fx& x, GreeterShape shape) {
  FunctionBuilder fb("Greeter.__init__", FunctionKind::Init);
  const SlotId self = fb.param("self", x.Greeter, Convention::Out, 3);
  const SlotId name = fb.param("name", x.mb.Str, Convention::Default, 3);
  const SlotId c = fb.param("c", x.mb.Bool, Convention::Default, 3, true);
  const BlockId entry = fb.block("entry");
  auto set_name = [&](BlockId b, std::uint32_t line) {
    fb.add(b, Copy{P(self, {0}, line), D(name, {}, line), CopyOrigin::Implicit}, line);
  };
  auto greet = [&](BlockId b) { fb.add(b, Call{x.greet, {A(ArgMode::Ref, P(self, {}, 5), 5)}}, 5); };
  switch (shape) {
    case GreeterShape::GreetFirst:
      greet(entry);
      set_name(entry, 6);
      fb.ret(entry, 3);
      break;
    case GreeterShape::NameFirst:
      set_name(entry, 4);
      greet(entry);
      fb.ret(entry, 3);
      break;
    case GreeterShape::GreetAfterMaybe:
    case GreeterShape::NameOnBothBranches: {
      const BlockId then = fb.block("then"), els = fb.block("else"), join = fb.block("join");
      fb.branch(entry, P(c, {}, 4), then, els, 4);
      set_name(then, 4);
      fb.go(then, join);
      if (shape == GreeterShape::NameOnBothBranches) set_name(els, 4);
      fb.go(els, join);
      greet(join);
      if (shape == GreeterShape::GreetAfterMaybe) set_name(join, 6);
      fb.ret(join, 3);
      break;
    }
  }
  return fb;
}

TEST(FlowS3b, SelfUsedBeforeFieldsAreSetIsRejected) {
  Fx x;
  EXPECT_EQ(x.run(init_greeter(x, GreeterShape::GreetFirst)),
            "S3b@5 use of uninitialized value 'self.name'\n");
}

TEST(FlowS3b, SelfUsedWhenFieldSetOnOnePathIsRejected) {
  Fx x;
  EXPECT_EQ(x.run(init_greeter(x, GreeterShape::GreetAfterMaybe)),
            "S3b@5 use of uninitialized value 'self.name'\n");
}

TEST(FlowS3b, SelfUsedAfterFieldsAreSetIsAccepted) {
  Fx x;
  EXPECT_EQ(x.run(init_greeter(x, GreeterShape::NameFirst)), "");
}

TEST(FlowS3b, SelfUsedAfterFieldSetOnEveryPathIsAccepted) {
  Fx x;
  EXPECT_EQ(x.run(init_greeter(x, GreeterShape::NameOnBothBranches)), "");
}

/* --- S4d Consumed value used later -------------------------------------------------- */

// def main(c: Bool):
//     var l = Pt(1, 2)                # 2
//     take(l^)                        # 3
//     <rest>
enum class ConsumeShape { FieldWrite, FieldWriteInBranch, Rebuilt, RebuiltInBranch };
FunctionBuilder consume_pt(Fx& x, ConsumeShape shape) {
  FunctionBuilder fb("main");
  const SlotId c = fb.param("c", x.mb.Bool, Convention::Default, 1, true);
  const SlotId l = fb.local("l", x.Pt, 2);
  const BlockId entry = fb.block("entry");
  fb.add(entry, x.new_pt(P(l, {}, 2), 2), 2);
  fb.add(entry, Call{x.take, {A(ArgMode::Own, P(l, {}, 3), 3)}}, 3);
  switch (shape) {
    case ConsumeShape::FieldWrite:  //     l.x = 5                  # 4
      fb.add(entry, AssignConst{P(l, {0}, 4), K(5)}, 4);
      fb.ret(entry, 1);
      break;
    case ConsumeShape::Rebuilt:  //     l = Pt(3, 4); l.x = 5; print(l.x)   # 4-6
      fb.add(entry, x.new_pt(P(l, {}, 4), 4), 4);
      fb.add(entry, AssignConst{P(l, {0}, 5), K(5)}, 5);
      fb.add(entry, print_node({O(P(l, {0}, 6))}), 6);
      fb.ret(entry, 1);
      break;
    case ConsumeShape::FieldWriteInBranch:  // if c: l.y = 7        # 4-5
    case ConsumeShape::RebuiltInBranch: {   // if c: l = Pt(3, 4); l.y = 7; print(l.y)   # 4-7
      const BlockId then = fb.block("then"), join = fb.block("join");
      fb.branch(entry, P(c, {}, 4), then, join, 4);
      if (shape == ConsumeShape::RebuiltInBranch) fb.add(then, x.new_pt(P(l, {}, 5), 5), 5);
      fb.add(then, AssignConst{P(l, {1}, 6), K(7)}, 6);
      if (shape == ConsumeShape::RebuiltInBranch) fb.add(then, print_node({O(P(l, {1}, 7))}), 7);
      fb.go(then, join);
      fb.ret(join, 1);
      break;
    }
  }
  return fb;
}

TEST(FlowS4d, FieldWrittenAfterWholeTransferIsRejected) {
  Fx x;
  EXPECT_EQ(x.run(consume_pt(x, ConsumeShape::FieldWrite)),
            "S4d@3 value 'l' cannot be consumed, because 'l.x' is used later\n");
}

TEST(FlowS4d, FieldWrittenOnOnePathAfterTransferIsRejected) {
  Fx x;
  EXPECT_EQ(x.run(consume_pt(x, ConsumeShape::FieldWriteInBranch)),
            "S4d@3 value 'l' cannot be consumed, because 'l.y' is used later\n");
}

TEST(FlowS4d, FieldWrittenAfterRebuildIsAccepted) {
  Fx x;
  EXPECT_EQ(x.run(consume_pt(x, ConsumeShape::Rebuilt)), "");
}

TEST(FlowS4d, FieldWrittenAfterRebuildInBranchIsAccepted) {
  Fx x;
  EXPECT_EQ(x.run(consume_pt(x, ConsumeShape::RebuiltInBranch)), "");
}

/* --- S7a mut argument not restored ---------------------------------------------------- */

// def move_field(mut self: Named, var new_name: String) [raises]:    # 1
//     var name = self.name^                                         # 2
//     [may_fail()]                                                  # 3
//     print(name)                                                   # 4
//     [self.name = new_name^]                                       # 5
enum class MutShape { NoRestore, Restore, RaiseBeforeRestore, RestoreBeforeRaise };
FunctionBuilder move_field(Fx& x, MutShape shape) {
  FunctionBuilder fb("Named.move_field");
  const SlotId self = fb.param("self", x.Named, Convention::Mut, 1);
  const SlotId new_name = fb.param("new_name", x.mb.Str, Convention::Var, 1);
  const SlotId name = fb.local("name", x.mb.Str, 2);
  const BlockId entry = fb.block("entry");
  fb.add(entry, Move{P(name, {}, 2), D(self, {0}, 2)}, 2);
  BlockId cur = entry;
  auto restore = [&](BlockId b) { fb.add(b, Move{D(self, {0}, 5), P(new_name, {}, 5)}, 5); };
  if (shape == MutShape::RestoreBeforeRaise) restore(cur);
  if (shape == MutShape::RaiseBeforeRestore || shape == MutShape::RestoreBeforeRaise) {
    fb.f.raises = true;
    const SlotId err = fb.error(x.mb.Err);
    const BlockId next = fb.block("next"), fail = fb.block("fail");
    fb.add(cur, Call{x.may_fail, {}, fail}, 3);
    fb.go(cur, next);
    fb.term(fail, Raise{P(err)}, 3);
    cur = next;
  }
  fb.add(cur, print_node({O(P(name, {}, 4))}), 4);
  if (shape == MutShape::Restore || shape == MutShape::RaiseBeforeRestore) restore(cur);
  fb.ret(cur, 1);
  return fb;
}

TEST(FlowS7a, FieldNotRestoredAtImplicitReturnIsRejected) {
  Fx x;
  EXPECT_EQ(x.run(move_field(x, MutShape::NoRestore)),
            "S7a@1 'self.name' is uninitialized at the implicit return from this function "
            "[note@2 value transferred here]\n");
}

TEST(FlowS7a, FieldNotRestoredAtErrorExitIsRejected) {
  Fx x;
  EXPECT_EQ(x.run(move_field(x, MutShape::RaiseBeforeRestore)),
            "S7a@3 use of uninitialized value 'self.name' [note@2 value transferred here]\n");
}

TEST(FlowS7a, FieldRestoredIsAccepted) {
  Fx x;
  EXPECT_EQ(x.run(move_field(x, MutShape::Restore)), "");
}

TEST(FlowS7a, FieldRestoredBeforeRaisingCallIsAccepted) {
  Fx x;
  EXPECT_EQ(x.run(move_field(x, MutShape::RestoreBeforeRaise)), "");
}

/* --- S7b out argument not initialized ------------------------------------------------- */

// def make(c: Bool, out result: Pt):      # 1
//     if c:                               # 2
//         [result = Pt(1, 2)]             # 3
//         return                          # 3
//     result = Pt(1, 2)                   # 4
enum class OutShape { EarlyReturn, Fieldwise, Assigned, AssignedOnBothPaths };
FunctionBuilder make(Fx& x, OutShape shape) {
  FunctionBuilder fb("make");
  const SlotId c = fb.param("c", x.mb.Bool, Convention::Default, 1, true);
  const SlotId result = fb.param("result", x.Pt, Convention::Out, 1);
  const BlockId entry = fb.block("entry");
  if (shape == OutShape::Fieldwise) {  // result.x = 1; result.y = 2
    fb.add(entry, AssignConst{P(result, {0}, 2), K(1)}, 2);
    fb.add(entry, AssignConst{P(result, {1}, 3), K(2)}, 3);
    fb.ret(entry, 1);
    return fb;
  }
  if (shape == OutShape::Assigned) {
    fb.add(entry, x.new_pt(P(result, {}, 4), 4), 4);
    fb.ret(entry, 1);
    return fb;
  }
  const BlockId then = fb.block("then"), rest = fb.block("rest");
  fb.branch(entry, P(c, {}, 2), then, rest, 2);
  if (shape == OutShape::AssignedOnBothPaths) fb.add(then, x.new_pt(P(result, {}, 3), 3), 3);
  fb.ret(then, 3, false);
  fb.add(rest, x.new_pt(P(result, {}, 4), 4), 4);
  fb.ret(rest, 1);
  return fb;
}

TEST(FlowS7b, EarlyReturnBeforeInitializationIsRejected) {
  Fx x;
  EXPECT_EQ(x.run(make(x, OutShape::EarlyReturn)),
            "S7b@3 'result' is uninitialized at return from this function\n");
}

TEST(FlowS7b, FieldwiseOutArgumentIsRejected) {
  Fx x;
  EXPECT_EQ(x.run(make(x, OutShape::Fieldwise)),
            "S7b@1 'result' is uninitialized at the implicit return from this function\n");
}

TEST(FlowS7b, InitializedOutArgumentIsAccepted) {
  Fx x;
  EXPECT_EQ(x.run(make(x, OutShape::Assigned)), "");
}

TEST(FlowS7b, InitializedOnEveryPathIsAccepted) {
  Fx x;
  EXPECT_EQ(x.run(make(x, OutShape::AssignedOnBothPaths)), "");
}

/* --- S7c Partially moved value at end of life --------------------------------------- */

// def consume_and_use():
//     var balloons = Balloons("blue", 8)     # 2
//     consume(balloons.color^)               # 3
//     <rest>
enum class PartialShape { UseCount, Reassign, Reinit };
FunctionBuilder partial(Fx& x, PartialShape shape) {
  FunctionBuilder fb("consume_and_use");
  const SlotId balloons = fb.local("balloons", x.Balloons, 2);
  const SlotId t1 = fb.temp("$t1", x.mb.Str, 2);
  const BlockId b = fb.block("entry");
  auto build = [&](std::uint32_t line) {
    fb.add(b, AssignConst{P(t1, {}, line), K("blue")}, line);
    fb.add(b, Call{x.init_balloons, {A(ArgMode::Own, P(t1, {}, line), line),
                                     CallArg{ArgMode::Val, C(8), at(line)},
                                     A(ArgMode::Out, P(balloons, {}, line), line)}},
           line);
  };
  build(2);
  fb.add(b, Call{x.consume, {A(ArgMode::Own, P(balloons, {0}, 3), 3)}}, 3);
  switch (shape) {
    case PartialShape::UseCount:  // print(balloons.count)        # 4
      fb.add(b, print_node({O(P(balloons, {1}, 4))}), 4);
      break;
    case PartialShape::Reassign:  // balloons = Balloons("blue", 8); print(balloons.count)   # 4-5
      build(4);
      fb.add(b, print_node({O(P(balloons, {1}, 5))}), 5);
      break;
    case PartialShape::Reinit:  // balloons.color = "orange"; use(balloons)   # 4-5
      fb.add(b, AssignConst{P(balloons, {0}, 4), K("orange")}, 4);
      fb.add(b, Call{x.use, {A(ArgMode::Ref, P(balloons, {}, 5), 5)}}, 5);
      break;
  }
  fb.ret(b, 1);
  return fb;
}

TEST(FlowS7c, PartiallyMovedValueAtLastUseIsRejected) {
  Fx x;
  EXPECT_EQ(x.run(partial(x, PartialShape::UseCount)),
            "S7c@4 field 'balloons.color' destroyed out of the middle of a value, preventing the "
            "overall value from being destroyed [note@3 value transferred here]\n");
}

TEST(FlowS7c, PartiallyMovedValueReassignedIsRejected) {
  Fx x;
  EXPECT_EQ(x.run(partial(x, PartialShape::Reassign)),
            "S7c@3 field 'balloons.color' destroyed out of the middle of a value, preventing the "
            "overall value from being destroyed [note@3 value transferred here]\n");
}

TEST(FlowS7c, ReinitializedFieldIsAccepted) {
  Fx x;
  EXPECT_EQ(x.run(partial(x, PartialShape::Reinit)), "");
}

// def __deinit__(deinit self):  consume(self.color^)    — fields of a deinit argument die one by one.
TEST(FlowS7c, FieldMovedOutOfDeinitArgumentIsAccepted) {
  Fx x;
  FunctionBuilder fb("Balloons.__deinit__", FunctionKind::Deinit);
  const SlotId self = fb.param("self", x.Balloons, Convention::Deinit, 1);
  const BlockId b = fb.block("entry");
  fb.add(b, Call{x.consume, {A(ArgMode::Own, P(self, {0}, 2), 2)}}, 2);
  fb.add(b, print_node({O(P(self, {1}, 3))}), 3);
  fb.ret(b, 1);
  EXPECT_EQ(x.run(std::move(fb)), "");
}

/* --- S8 Linear value abandoned ---------------------------------------------------------- */

// def main(c: Bool) [raises]:
//     var t = Tok(1)                    # 9
//     <rest>                            # 10-12
enum class LinearShape { Print, ErrorPath, Close, CloseOnBothBranches, NoMessage };
FunctionBuilder linear(Fx& x, LinearShape shape) {
  FunctionBuilder fb("main");
  const SlotId c = fb.param("c", x.mb.Bool, Convention::Default, 8, true);
  const bool plain = shape != LinearShape::NoMessage;
  const SlotId t = fb.local("t", plain ? x.Tok : x.Tok2, 9);
  const BlockId entry = fb.block("entry");
  fb.add(entry, Call{plain ? x.init_tok : x.init_tok2,
                     {CallArg{ArgMode::Val, C(1), at(9)}, A(ArgMode::Out, P(t, {}, 9), 9)}},
         9);
  auto close = [&](BlockId b, std::uint32_t line) {
    fb.add(b, Call{x.close, {A(ArgMode::Own, P(t, {}, line), line)}}, line);
  };
  switch (shape) {
    case LinearShape::Print:
    case LinearShape::NoMessage:
      fb.add(entry, print_node({O(P(t, {0}, 10))}), 10);
      fb.ret(entry, 8);
      break;
    case LinearShape::Close:
      close(entry, 10);
      fb.ret(entry, 8);
      break;
    case LinearShape::ErrorPath: {
      fb.f.raises = true;
      const SlotId err = fb.error(x.mb.Err);
      const BlockId next = fb.block("next"), fail = fb.block("fail");
      fb.add(entry, Call{x.may_fail, {}, fail}, 10);
      fb.go(entry, next);
      fb.term(fail, Raise{P(err)}, 10);
      close(next, 11);
      fb.ret(next, 8);
      break;
    }
    case LinearShape::CloseOnBothBranches: {
      const BlockId then = fb.block("then"), els = fb.block("else"), join = fb.block("join");
      fb.branch(entry, P(c, {}, 10), then, els, 10);
      close(then, 11);
      fb.go(then, join);
      close(els, 12);
      fb.go(els, join);
      fb.ret(join, 8);
      break;
    }
  }
  return fb;
}

TEST(FlowS8, LinearValueAbandonedIsRejected) {
  Fx x;
  EXPECT_EQ(x.run(linear(x, LinearShape::Print)),
            "S8@9 't' abandoned without being explicitly destroyed: Must call close()\n");
}

TEST(FlowS8, LinearValueAbandonedOnErrorPathIsRejected) {
  Fx x;
  EXPECT_EQ(x.run(linear(x, LinearShape::ErrorPath)),
            "S8@9 't' abandoned without being explicitly destroyed: Must call close() "
            "[note@10 value was not consumed when an error is thrown]\n");
}

TEST(FlowS8, LinearValueWithoutMessageNamesItsType) {
  Fx x;
  EXPECT_EQ(x.run(linear(x, LinearShape::NoMessage)),
            "S8@9 't' abandoned without being explicitly destroyed: Unhandled explicitly destroyed "
            "type Tok2\n");
}

TEST(FlowS8, LinearValueClosedIsAccepted) {
  Fx x;
  EXPECT_EQ(x.run(linear(x, LinearShape::Close)), "");
}

TEST(FlowS8, LinearValueClosedOnEveryBranchIsAccepted) {
  Fx x;
  EXPECT_EQ(x.run(linear(x, LinearShape::CloseOnBothBranches)), "");
}

/* --- S11 Interior reference invalidated -------------------------------------------------- */

// def main():
//     var list: List[Int] = [1, 2, 3]     # 2
//     ref elem = list[0]                  # 3
//     <rest>                              # 4-6
enum class InteriorShape { AppendThenUse, MutBorrowThenUse, WriteThroughRef, UseThenAppend };
FunctionBuilder interior(Fx& x, InteriorShape shape) {
  FunctionBuilder fb("main");
  const SlotId list = fb.local("list", x.ListInt, 2);
  const SlotId t1 = fb.temp("$t1", x.mb.Int, 4);
  const bool mut_ref = shape == InteriorShape::WriteThroughRef;
  const SlotId elem = fb.ref("elem", x.mb.Int, {P(list)}, true, 3,
                             mut_ref ? Holding::MutRef : Holding::ImmRef);
  const BlockId b = fb.block("entry");
  fb.add(b, ListNew{P(list, {}, 2), x.mb.Int, {}}, 2);
  fb.add(b, Borrow{P(elem, {}, 3), E(list, 0, 3), mut_ref ? BorrowKind::Mut : BorrowKind::Imm}, 3);
  auto append = [&](std::uint32_t line) {
    fb.add(b, AssignConst{P(t1, {}, line), K(4)}, line);
    fb.add(b, ListAppend{P(list, {}, line), P(t1, {}, line)}, line);
  };
  switch (shape) {
    case InteriorShape::AppendThenUse:  // list.append(4); print(elem)
      append(4);
      fb.add(b, print_node({O(D(elem, {}, 5))}), 5);
      break;
    case InteriorShape::MutBorrowThenUse: {  // ref other = list[1] (mut); print(elem); print(other)
      const SlotId other = fb.ref("other", x.mb.Int, {P(list)}, true, 4, Holding::MutRef);
      fb.add(b, Borrow{P(other, {}, 4), E(list, 1, 4), BorrowKind::Mut}, 4);
      fb.add(b, print_node({O(D(elem, {}, 5))}), 5);
      fb.add(b, print_node({O(D(other, {}, 6))}), 6);
      break;
    }
    case InteriorShape::WriteThroughRef:  // elem += 1; print(list[0])   (E.4)
      fb.add(b, Store{D(elem, {}, 4), OpApp{OpKind::Add, {O(D(elem, {}, 4)), C(1)}}}, 4);
      fb.add(b, print_node({O(E(list, 0, 5))}), 5);
      break;
    case InteriorShape::UseThenAppend:  // print(elem); list.append(4)
      fb.add(b, print_node({O(D(elem, {}, 4))}), 4);
      append(5);
      break;
  }
  fb.ret(b, 1);
  return fb;
}

TEST(FlowS11, UseAfterAppendIsRejected) {
  Fx x;
  EXPECT_EQ(x.run(interior(x, InteriorShape::AppendThenUse)),
            "S11@5 use of invalidated interior reference 'list[\"element\"]' "
            "[note@4 origin was invalidated here]\n");
}

TEST(FlowS11, UseAfterSecondMutableBorrowIsRejected) {
  Fx x;
  EXPECT_EQ(x.run(interior(x, InteriorShape::MutBorrowThenUse)),
            "S11@5 use of invalidated interior reference 'list[\"element\"]' "
            "[note@4 origin was invalidated here]\n");
}

TEST(FlowS11, WriteThroughTheReferenceIsAccepted) {
  Fx x;
  EXPECT_EQ(x.run(interior(x, InteriorShape::WriteThroughRef)), "");
}

TEST(FlowS11, UseBeforeAppendIsAccepted) {
  Fx x;
  EXPECT_EQ(x.run(interior(x, InteriorShape::UseThenAppend)), "");
}

/* --- W1 Unused value ------------------------------------------------------------------ */

// def main():
//     var me = Contact("Alice", "a@b")    # 2     (appendix D.3)
TEST(FlowW1, UnusedAssignmentWarns) {
  Fx x;
  FunctionBuilder fb("main");
  const SlotId me = fb.local("me", x.Contact, 2);
  const SlotId t1 = fb.temp("$t1", x.mb.Str, 2), t2 = fb.temp("$t2", x.mb.Str, 2);
  const BlockId b = fb.block("entry");
  fb.add(b, AssignConst{P(t1, {}, 2), K("Alice")}, 2);
  fb.add(b, AssignConst{P(t2, {}, 2), K("a@b")}, 2);
  fb.add(b, Call{x.init_contact, {A(ArgMode::Own, P(t1, {}, 2), 2), A(ArgMode::Own, P(t2, {}, 2), 2),
                                  A(ArgMode::Out, P(me, {}, 2), 2)}},
         2);
  fb.ret(b, 1);
  EXPECT_EQ(x.run(std::move(fb)),
            "W1@2 assignment to 'me' was never used; assign to '_' instead?\n");
}

// var x = 1 (2); x = 2 (3); print(x) (4): the first store is dead.
TEST(FlowW1, OverwrittenAssignmentWarns) {
  Fx x;
  FunctionBuilder fb("main");
  const SlotId v = fb.local("x", x.mb.Int, 2);
  const BlockId b = fb.block("entry");
  fb.add(b, AssignConst{P(v, {}, 2), K(1)}, 2);
  fb.add(b, AssignConst{P(v, {}, 3), K(2)}, 3);
  fb.add(b, print_node({O(P(v, {}, 4))}), 4);
  fb.ret(b, 1);
  EXPECT_EQ(x.run(std::move(fb)), "W1@2 assignment to 'x' was never used; assign to '_' instead?\n");
}

// var x: Int (2); ref r = s (4) — never used.
TEST(FlowW1, UnusedDeclarationsWarn) {
  Fx x;
  FunctionBuilder fb("main");
  fb.local("x", x.mb.Int, 2);
  const SlotId s = fb.local("s", x.mb.Str, 3);
  const SlotId r = fb.ref("r", x.mb.Str, {P(s)}, false, 4);
  const BlockId b = fb.block("entry");
  fb.add(b, AssignConst{P(s, {}, 3), K("a")}, 3);
  fb.add(b, Borrow{P(r, {}, 4), P(s, {}, 4), BorrowKind::Imm}, 4);
  fb.ret(b, 1);
  EXPECT_EQ(x.run(std::move(fb)),
            "W1@2 variable 'x' was never used, remove it?\n"
            "W1@4 ref 'r' was never used, remove it?\n");
}

// var x = 1; print(x); x += 1    and    var _x = 1: no warning.
TEST(FlowW1, UsedValuesInPlaceOperatorsAndUnderscoreNamesAreAccepted) {
  Fx x;
  FunctionBuilder fb("main");
  const SlotId v = fb.local("x", x.mb.Int, 2);
  const SlotId u = fb.local("_x", x.mb.Int, 5);
  const BlockId b = fb.block("entry");
  fb.add(b, AssignConst{P(v, {}, 2), K(1)}, 2);
  fb.add(b, print_node({O(P(v, {}, 3))}), 3);
  fb.add(b, AssignOp{P(v, {}, 4), OpApp{OpKind::Add, {O(P(v, {}, 4)), C(1)}}}, 4);
  fb.add(b, AssignConst{P(u, {}, 5), K(1)}, 5);
  fb.ret(b, 1);
  EXPECT_EQ(x.run(std::move(fb)), "");
}

// A rule switched off reports nothing; a warning-level S rule reports a warning.
TEST(FlowRuleSet, DisabledRuleIsSilent) {
  Fx x;
  RuleSet rules;
  ASSERT_FALSE(rules.disable("S1").has_value());
  EXPECT_EQ(x.run(late_init(x, false), rules), "");
}

}  // namespace
}  // namespace ownmodel::flowtest
