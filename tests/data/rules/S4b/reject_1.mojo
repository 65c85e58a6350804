# S4b: a non-movable value is transferred into a new variable.
# expect: rejected
# expect-error: 18:13: cannot transfer value into destination, because 'Pinned' doesn't conform to 'Movable' [S4b]

struct Pinned(Movable where False):
    var n: Int

    def __init__(out self, n: Int):
        self.n = n


def consume(var p: Pinned):
    print(p.n)


def main():
    var p = Pinned(1)
    var q = p^
    consume(q^)
