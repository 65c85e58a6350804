# S4b: a non-movable local is returned with `^`.
# expect: rejected
# expect-error: 18:12: cannot transfer value into destination, because 'Pinned' doesn't conform to 'Movable' [S4b]

struct Pinned(Movable where False):
    var n: Int

    def __init__(out self, n: Int):
        self.n = n


def consume(var p: Pinned):
    print(p.n)


def make(n: Int) -> Pinned:
    var p = Pinned(n)
    return p^


def main():
    consume(make(1))
