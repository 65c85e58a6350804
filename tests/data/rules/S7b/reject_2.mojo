# S7b: the `out` result is set on one branch only and the function falls off its end.
# model-choice: position: an implicit return is reported at the `def` of the function
# expect: rejected
# expect-error: 12:1: 'result' is uninitialized at the implicit return from this function [S7b]

@fieldwise_init
struct Pt:
    var x: Int
    var y: Int


def make(c: Bool, out result: Pt):
    if c:
        result = Pt(1, 2)


def main():
    var p = make(False)
    print(p.x, p.y)
