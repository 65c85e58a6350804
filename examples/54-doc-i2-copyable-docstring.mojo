# Documented example: an explicit `.copy()` runs the copy initializer once.
# source: Mojo standard library, docstring of `Copyable` (mojo/stdlib/std/builtin/value.mojo); reference/mojo-rules.md appendix I.2
# adapted: the generic `copy_return[T: Copyable]` is written for `Foo` (generics are outside the subset); the statements are wrapped in `main`
# expect: accepted
# expect-output:
#   copying value


struct Foo(Copyable):
    var s: String

    def __init__(out self, s: String):
        self.s = s

    def __init__(out self, *, copy: Self):
        print("copying value")
        self.s = copy.s


def copy_return(foo: Foo) -> Foo:
    var copy = foo.copy()
    return copy^


def main():
    var foo = Foo("test")
    var res = copy_return(foo)
