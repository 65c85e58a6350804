# S12d: the fix of reject_1: a bare `return`.
# fixes: reject_1.mojo
# expect: accepted

@fieldwise_init
struct Pt:
    var x: Int
    var y: Int


def make(out result: Pt):
    result = Pt(1, 2)
    return


def main():
    var p = make()
    print(p.x, p.y)
