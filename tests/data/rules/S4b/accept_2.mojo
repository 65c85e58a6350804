# S4b: the fix of reject_2: the result is built in the return slot, no move needed.
# fixes: reject_2.mojo
# expect: accepted

struct Pinned(Movable where False):
    var n: Int

    def __init__(out self, n: Int):
        self.n = n


def consume(var p: Pinned):
    print(p.n)


def make(n: Int) -> Pinned:
    return Pinned(n)


def main():
    consume(make(1))
