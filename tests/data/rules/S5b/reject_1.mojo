# S5b: `.copy()` of a struct that is not Copyable.
# model-choice: model text; position: the start of the copied expression
# expect: rejected
# expect-error: 13:13: 'Pair' value has no attribute 'copy' [S5b]

@fieldwise_init
struct Pair:
    var a: Int


def main():
    var p = Pair(1)
    var q = p.copy()
    print(p.a, q.a)
