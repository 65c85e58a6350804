# S6a: `+=` on a field of an immutable `self` (appendix A.17).
# source: reference/mojo-rules.md appendix A.17
# model-choice: the compiler tests' text for in-place operators; the manual writes `expression must be mutable in assignment` (docs/semantics.md §12.5)
# expect: rejected
# expect-error: 14:9: expression must be mutable for in-place operator destination [S6a]

struct Counter:
    var value: Int

    def __init__(out self):
        self.value = 0

    def increment(self):
        self.value += 1


def main():
    var c = Counter()
    c.increment()
    print(c.value)
