# S4b: the fix of reject_1: the value is consumed in place by a `var` parameter, which needs no move.
# fixes: reject_1.mojo
# expect: accepted

struct Pinned(Movable where False):
    var n: Int

    def __init__(out self, n: Int):
        self.n = n


def consume(var p: Pinned):
    print(p.n)


def main():
    var p = Pinned(1)
    consume(p^)
