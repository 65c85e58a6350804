# S6a: an immutable `self` mutated in a method that returns a value (appendix A.16).
# source: reference/mojo-rules.md appendix A.16
# adapted: the struct's field and initializer (`continuing from above`) and a `main`; the doc's comment is `Error: self is immutable`
# expect: rejected
# expect-error: 14:9: expression must be mutable for in-place operator destination [S6a]

struct CountingTool:
    var value: Int

    def __init__(out self):
        self.value = 0

    def get(self) -> Int:
        self.value += 1
        return self.value


def main():
    var tool = CountingTool()
    print(tool.get())
