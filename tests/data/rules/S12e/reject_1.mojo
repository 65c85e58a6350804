# S12e: a Copyable struct with a field of a move-only type (appendix B.6).
# source: reference/mojo-rules.md appendix B.6
# adapted: `MoveOnly` (no traits) for `SomeMoveOnlyType`; initializers and a `main`
# model-choice: position: the field's declaration
# expect: rejected
# expect-error: 16:5: cannot synthesize copy constructor because field 'item' has non-copyable type MoveOnly [S12e]

struct MoveOnly:
    var n: Int

    def __init__(out self, n: Int):
        self.n = n


struct Unsound(Copyable):
    var item: MoveOnly

    def __init__(out self, n: Int):
        self.item = MoveOnly(n)


def main():
    var u = Unsound(1)
    print(u.item.n)
