# S7b: the fix of reject_2: both branches set the result.
# fixes: reject_2.mojo
# expect: accepted

@fieldwise_init
struct Pt:
    var x: Int
    var y: Int


def make(c: Bool, out result: Pt):
    if c:
        result = Pt(1, 2)
    else:
        result = Pt(0, 0)


def main():
    var p = make(False)
    print(p.x, p.y)
