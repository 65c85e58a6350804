# S7b: the fix of reject_1: the result is set before the early `return`.
# fixes: reject_1.mojo
# expect: accepted

@fieldwise_init
struct Pt:
    var x: Int
    var y: Int


def make(c: Bool, out result: Pt):
    if c:
        result = Pt(0, 0)
        return
    result = Pt(1, 2)


def main():
    var p = make(False)
    print(p.x, p.y)
