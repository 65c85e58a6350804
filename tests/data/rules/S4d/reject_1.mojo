# S4d: a field of a value is assigned after the whole value was consumed.
# expect: rejected
# expect-error: 17:10: value 'l' cannot be consumed, because 'l.x' is used later [S4d]

@fieldwise_init
struct Pt(Movable):
    var x: Int
    var y: Int


def take(var p: Pt):
    print(p.x, p.y)


def main():
    var l = Pt(1, 2)
    take(l^)
    l.x = 5
