# Documented example: moving a Copyable struct with `^` ends the life of the source variable.
# source: Mojo Manual, "Life of a value" (mojo/docs/manual/lifecycle/life.mdx) § "Move constructor"; reference/mojo-rules.md appendix B.4
# adapted: `main` calls the page's `moves()`; the commented-out use of `a` (a compile error) is described in words
# expect: accepted
# expect-output:
#   Bobo
#   Bobo


@fieldwise_init
struct MyPet(Copyable):
    var name: String
    var age: Int


def moves():
    var a = MyPet("Bobo", 2)

    print(a.name)

    var b = a^  # the lifetime of `a` ends here

    print(b.name)
    # Reading `a.name` here would be "use of uninitialized value 'a'".


def main():
    moves()
