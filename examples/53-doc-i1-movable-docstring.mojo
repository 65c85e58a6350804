# Documented example: a transfer into a `var` argument and back out runs the move initializer once.
# source: Mojo standard library, docstring of `Movable` (mojo/stdlib/std/builtin/value.mojo); reference/mojo-rules.md appendix I.1
# adapted: the generic `return_foo[T: Movable]` is written for `Foo` (generics are outside the subset); the statements are wrapped in `main`
# model-choice: Q2 (a `var` argument passed with `^` is consumed in place; `return foo^` runs the move initializer once)
# expect: accepted
# expect-output:
#   moving


struct Foo(Movable):
    def __init__(out self):
        pass

    def __init__(out self, *, deinit move: Self):
        print("moving")


def return_foo(var foo: Foo) -> Foo:
    return foo^


def main():
    var foo = Foo()
    var res = return_foo(foo^)
