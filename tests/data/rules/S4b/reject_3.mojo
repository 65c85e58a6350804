# S4b under mojo-24.5: a struct that lists no trait is not movable, so `var d = a^` is rejected (preset difference).
# rules: mojo-24.5
# source: reference/mojo-rules.md appendix B.2 (the `var d = a^` line)
# expect: rejected
# expect-error: 18:13: cannot transfer value into destination, because 'MyPair' doesn't conform to 'Movable' [S4b]

struct MyPair:
    var a: Int
    var b: Int

    def __init__(out self, a: Int, b: Int):
        self.a = a
        self.b = b


def main():
    var a = MyPair(1, 2)
    var d = a^
    print(d.a, d.b)
