# S12d: `return result` in a function whose result is the `out` parameter `result`.
# expect: rejected
# expect-error: 13:5: 'out' argument cannot be returned by name; remove the return statement entirely or change it to just 'return' [S12d]

@fieldwise_init
struct Pt:
    var x: Int
    var y: Int


def make(out result: Pt):
    result = Pt(1, 2)
    return result


def main():
    var p = make()
    print(p.x, p.y)
