# S5b: the fix of reject_1: the struct conforms to Copyable.
# fixes: reject_1.mojo
# expect: accepted

@fieldwise_init
struct Pair(Copyable):
    var a: Int


def main():
    var p = Pair(1)
    var q = p.copy()
    print(p.a, q.a)
