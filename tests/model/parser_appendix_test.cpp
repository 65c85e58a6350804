// Programs from the appendix of the Mojo reference notes (shared/reference/
// mojo-rules.md, "Documented examples"), verbatim: those inside the subset
// parse (older spellings with their warnings); those outside it give one
// `unsupported` error at the construct.

#include <gtest/gtest.h>

#include "parse_helpers.h"

namespace ownmodel {
namespace {

using parse_test::first_error;
using parse_test::parse_text;
using parse_test::rejects;

::testing::AssertionResult parses(std::string_view text) {
  ParseResult result = parse_text(text);
  if (result.module) return ::testing::AssertionSuccess();
  const Diagnostic* e = first_error(result);
  return ::testing::AssertionFailure()
         << fmt::format("{}:{} [{}] {}", e->span.line, e->span.col, e->code, e->message);
}

TEST(ParseAppendix, A1MutAndDefaultArguments) {
  EXPECT_TRUE(parses(R"mojo(def add(mut x: Int, y: Int):
    x += y

def main():
    var a = 1
    var b = 2
    add(a, b)
    print(a)  # 3
)mojo"));
}

TEST(ParseAppendix, A5ExclusivityWithOddIndentation) {
  EXPECT_TRUE(parses(R"mojo(def append_twice(mut s: String, other: String):
   # Mojo knows 's' and 'other' can't be the same string.
   s += other
   s += other

def invalid_access():
  var my_string = "o"  # Create a run-time String value

  # error: passing `my_string` mut is invalid since it's also passed
  # as an immutable reference
  append_twice(my_string, my_string)
  print(my_string)
)mojo"));
}

TEST(ParseAppendix, A11VarConventionCopyThenMove) {
  EXPECT_TRUE(parses(R"mojo(def consume(var s: String):
    s += "!"
    print(s)

def main():
    var greeting = "Hello"
    consume(greeting)   # Hello! (copied)
    print(greeting)     # Hello

    consume(greeting^)  # Hello! (moved)
    # print(greeting)   # Error because uninitialized after move
)mojo"));
}

TEST(ParseAppendix, A15WhereClauseIsUnsupported) {
  EXPECT_TRUE(rejects(R"mojo(@fieldwise_init
struct Counter(Copyable):
    var n: Int

    def which(ref self) -> Int:
        return 1

    def which(var self) -> Int where not conforms_to(
        Self, TrivialRegisterPassable
    ):
        return 2

def main():
    var c1 = Counter(0)
    print(c1.which())     # 1: default call uses an immutable self reference
    var c2 = Counter(0)
    print((c2^).which())  # 2: caller transfers self
)mojo",
                      "unsupported", 8, 32, "'where' clauses"));
}

TEST(ParseAppendix, B3HeapArrayWithDel) {
  const char* text = R"mojo(struct HeapArray(Copyable):
    var data: UnsafePointer[Int, MutUntrackedOrigin]
    var size: Int
    var cap: Int

    def __init__(out self, size: Int, val: Int):
        self.size = size
        self.cap = size * 2
        self.data = alloc[Int](self.cap)
        for i in range(self.size):
            (self.data + i).init_pointee_copy(val)

    def __init__(out self, *, copy: Self):
        # Deep-copy the existing value
        self.size = copy.size
        self.cap = copy.cap
        self.data = alloc[Int](self.cap)
        for i in range(self.size):
            (self.data + i).init_pointee_copy(copy.data[i])
        # The lifetime of `copy` continues unchanged

    def __del__(deinit self):
        # We must free the heap-allocated data, but
        # Mojo knows how to destroy the other fields
        for i in range(self.size):
            (self.data + i).destroy_pointee()
        self.data.free()

    def append(mut self, val: Int):
        # Update the array for demo purposes
        if self.size < self.cap:
            (self.data + self.size).init_pointee_copy(val)
            self.size += 1
        else:
            print("Out of bounds")

    def dump(self):
        # Print the array contents for demo purposes
        print("[", end="")
        for i in range(self.size):
            if i > 0:
                print(", ", end="")
            print(self.data[i], end="")
        print("]")

def copies():
    var a = HeapArray(2, 1)
    var b = a.copy()  # Calls the copy method
    a.dump()  # Prints [1, 1]
    b.dump()  # Prints [1, 1]

    b.append(2)  # Changes the copied data
    b.dump()  # Prints [1, 1, 2]
    a.dump()  # Prints [1, 1] (the original did not change)
)mojo";
  EXPECT_TRUE(parses(text));
  EXPECT_EQ(parse_test::warnings(text),
            std::vector<std::string>{"22:9 '__del__' is the pre-1.0 name of '__deinit__'"});
}

TEST(ParseAppendix, C6MoveFieldOfMutSelf) {
  EXPECT_TRUE(parses(R"mojo(@fieldwise_init
struct MyStruct:
    var name: String

    def move_field(mut self, var new_name: String):
        var name = self.name^ # Error
        # error: 'self.name' is uninitialized at the implicit return
        #        from this function
        print("Name:", name)

def main():
    var instance = MyStruct("Ken")
    instance.move_field("Scott")
    print("Name:", instance.name) # Prints: "Name: Scott"
)mojo"));
}

TEST(ParseAppendix, D1BalloonAsap) {
  EXPECT_TRUE(parses(R"mojo(@fieldwise_init
struct Balloon(Writable):
    var color: String

    def write_to(self, mut writer: Some[Writer]):
        writer.write(String("a ", self.color, " balloon"))

    def __del__(deinit self):
        print("Destroyed", String(self))


def main():
    var a = Balloon("red")
    var b = Balloon("blue")
    print(a)
    # a.__del__() runs here for "red" Balloon

    a = Balloon("green")
    # a.__del__() runs immediately because "green" Balloon is never used

    print(b)
    # b.__del__() runs here
)mojo"));
}

TEST(ParseAppendix, D5PartialMove) {
  EXPECT_TRUE(parses(R"mojo(@fieldwise_init
struct Balloons:
    var color: String
    var count: Int

def consume(var arg: String):
    pass

def use(arg: Balloons):
    print(arg.count, arg.color, "balloons.")

def consume_and_use():
    var balloons = Balloons("blue", 8)
    consume(balloons.color^)
    # String(take=) runs here, which invalidates balloons.color
    # Now balloons is only partially initialized

    # use(balloons)  # This fails because balloons.color is uninitialized

    balloons.color = String("orange")  # All together now
    use(balloons)  # This is ok
    # balloons.__del__() runs here (and only if the object is whole)
)mojo"));
}

TEST(ParseAppendix, D7ExplicitDestroyGetsTheLinearTrait) {
  const char* text = R"mojo(@explicit_destroy("Must call save_and_close() or discard()")
struct FileBuffer:
    var path: String
    var data: String

    def __init__(out self, path: String):
        self.path = path
        self.data = ""

    def write(mut self, content: String):
        self.data += content

    # Choose one cleanup path from these two options
    def save_and_close(deinit self) raises:
        write_to_disk(self.path, self.data)

    def discard(deinit self):
        # Abandon buffered data without writing
        pass

def broken_write(path: String, message: String):
    var buffer = FileBuffer(path)
    buffer.write(message)
)mojo";
  ParseResult result = parse_text(text);
  ASSERT_TRUE(result.module.has_value());
  const auto& s = std::get<ast::Struct>(result.module->items[0].node);
  ASSERT_EQ(s.traits.size(), 1u);
  EXPECT_EQ(s.traits[0].name, "Deinitable");
  EXPECT_TRUE(s.traits[0].where_false);
  EXPECT_EQ(s.decorators.at(0).argument, "Must call save_and_close() or discard()");
}

TEST(ParseAppendix, E2VariadicInitIsUnsupported) {
  EXPECT_TRUE(rejects(R"mojo(struct NameList:
    var names: List[String]

    def __init__(out self, *names: String):
        self.names = []
        for name in names:
            self.names.append(name)

    def __getitem__(ref self, index: Int) raises -> ref[self.names] String:
        if (index >=0 and index < len(self.names)):
            return self.names[index]
        else:
            raise Error("index out of bounds")
)mojo",
                      "unsupported", 4, 28, "variadic parameters"));
}

TEST(ParseAppendix, E2RefResultWithoutTheVariadic) {
  EXPECT_TRUE(parses(R"mojo(struct NameList:
    var names: List[String]

    def __getitem__(ref self, index: Int) raises -> ref[self.names] String:
        if (index >=0 and index < len(self.names)):
            return self.names[index]
        else:
            raise Error("index out of bounds")

def main() raises:
    list = NameList()
    ref name = list[2]
    print(name)
    name += "?"
    print(list[2])
)mojo"));
}

TEST(ParseAppendix, E6LexicalScopes) {
  EXPECT_TRUE(parses(R"mojo(def lexical_scopes():
    var num = 1
    var dig = 1
    if num == 1:
        print("num:", num)  # Reads the outer-scope "num"
        var num = 2         # Creates new inner-scope "num"
        print("num:", num)  # Reads the inner-scope "num"
        dig = 2             # Updates the outer-scope "dig"
    print("num:", num)      # Reads the outer-scope "num"
    print("dig:", dig)      # Reads the outer-scope "dig"
)mojo"));
}

TEST(ParseAppendix, F1ClosureIsUnsupported) {
  EXPECT_TRUE(rejects(R"mojo(def main():
    var multiplier = 3

    def scale(x: Int) {read multiplier} -> Int:
        return x * multiplier

    print(scale(5))  # 15
)mojo",
                      "unsupported", 4, 23, "closures with capture lists"));
}

TEST(ParseAppendix, F8ComptimeInsideAClosure) {
  // The capture list comes first, so it is what is reported.
  EXPECT_TRUE(rejects(R"mojo(def show_mutability(ref items: List[Int]):
    def report() {ref items}:
        comptime if origin_of(items).mut:
            print("mut")
        else:
            print("immut")
    report()
)mojo",
                      "unsupported", 2, 18, "closures with capture lists"));
}

TEST(ParseAppendix, G1TopLevelStatementsAreUnsupported) {
  EXPECT_TRUE(rejects(R"mojo(# Allocate memory to hold a value
var ptr = alloc[Int](1)
)mojo",
                      "unsupported", 2, 1, "statements at the top level"));
}

TEST(ParseAppendix, H1TStringIsUnsupported) {
  EXPECT_TRUE(rejects(R"mojo(@fieldwise_init
struct Loud(Writable):
    var s: String

    def __del__(deinit self):
        print(t"{self}.__del__")
)mojo",
                      "unsupported", 6, 15, "string literals with a prefix"));
}

TEST(ParseAppendix, I1GenericFunctionIsUnsupported) {
  EXPECT_TRUE(rejects(R"mojo(struct Foo(Movable):
    def __init__(out self):
        pass

    def __init__(out self, *, deinit move: Self):
        print("moving")

def return_foo[T: Movable](var foo: T) -> T:
    return foo^
)mojo",
                      "unsupported", 8, 15, "generic parameters"));
}

TEST(ParseAppendix, J2TwoSpaceIndentation) {
  EXPECT_TRUE(parses(R"mojo(struct Example:
  # error: cannot use UnsafeAnyOrigin in a struct field.
  var ptr: UnsafePointer[Int, MutUnsafeAnyOrigin]
)mojo"));
}

}  // namespace
}  // namespace ownmodel
