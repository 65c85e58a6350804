# S4d: a value is moved into a new variable and one of its fields is assigned afterwards.
# expect: rejected
# expect-error: 17:13: value 'l' cannot be consumed, because 'l.y' is used later [S4d]

@fieldwise_init
struct Pt(Movable):
    var x: Int
    var y: Int


def take(var p: Pt):
    print(p.x, p.y)


def main():
    var l = Pt(1, 2)
    var m = l^
    l.y = 7
    take(m^)
