# S5a and S5b: implicit and explicit copy of a struct with no traits; its move is fine in mojo-1.0 (appendix B.2).
# source: reference/mojo-rules.md appendix B.2
# adapted: MyPair with two Int fields and an initializer; one `print` uses b, c and d
# model-choice: the manual's text for `a.copy()` is the implicit-copy one, which Q19 marks as wrong; the model reports S5b
# expect: rejected
# expect-error: 20:13: value of type 'MyPair' cannot be implicitly copied, it does not conform to 'ImplicitlyCopyable' [S5a]
# expect-error: 21:13: 'MyPair' value has no attribute 'copy' [S5b]

struct MyPair:
    var a: Int
    var b: Int

    def __init__(out self, a: Int, b: Int):
        self.a = a
        self.b = b


def main():
    var a = MyPair(1, 2)
    var b = a
    var c = a.copy()
    var d = a^
    print(b.a, c.a, d.b)
