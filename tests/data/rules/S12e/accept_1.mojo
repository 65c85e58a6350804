# S12e: the fix of reject_1: a user copy initializer, so nothing is synthesized.
# fixes: reject_1.mojo
# expect: accepted

struct MoveOnly:
    var n: Int

    def __init__(out self, n: Int):
        self.n = n


struct Unsound(Copyable):
    var item: MoveOnly

    def __init__(out self, n: Int):
        self.item = MoveOnly(n)

    def __init__(out self, *, copy: Self):
        self.item = MoveOnly(copy.item.n)


def main():
    var u = Unsound(1)
    print(u.item.n)
