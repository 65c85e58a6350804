# S7b: an early `return` leaves the `out` result uninitialized.
# expect: rejected
# expect-error: 13:9: 'result' is uninitialized at return from this function [S7b]

@fieldwise_init
struct Pt:
    var x: Int
    var y: Int


def make(c: Bool, out result: Pt):
    if c:
        return
    result = Pt(1, 2)


def main():
    var p = make(False)
    print(p.x, p.y)
