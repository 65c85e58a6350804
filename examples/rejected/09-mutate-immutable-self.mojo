# Rejected: a method with an immutable `self` updates a field in place.
# source: Mojo Manual, "Structs" (mojo/docs/manual/structs/index.mdx) § "Mutating a struct"; reference/mojo-rules.md appendix A.17
# adapted: an initializer and a `main` are added; the page's comment says "expression must be mutable in assignment", but for an in-place operator the compiler's message is the one below (reference/mojo-rules.md §7.3)
# expect: rejected
# expect-error: 15:9: expression must be mutable for in-place operator destination [S6a]


struct MyStruct:
    var value: Int

    def __init__(out self, value: Int):
        self.value = value

    def increment(self):
        self.value += 1


def main():
    var s = MyStruct(1)
    s.increment()
    print(s.value)
