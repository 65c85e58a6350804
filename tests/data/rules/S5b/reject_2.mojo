# S5b: `.copy()` of a List whose element type is not Copyable.
# expect: rejected
# expect-error: 12:14: 'List[Token]' value has no attribute 'copy' [S5b]

@fieldwise_init
struct Token:
    var id: Int


def main():
    var xs: List[Token] = [Token(1), Token(2)]
    var ys = xs.copy()
    print(len(xs), len(ys))
