# S4d: the fix of reject_1: the value is initialized again as a whole before its field is assigned.
# fixes: reject_1.mojo
# expect: accepted

@fieldwise_init
struct Pt(Movable):
    var x: Int
    var y: Int


def take(var p: Pt):
    print(p.x, p.y)


def main():
    var l = Pt(1, 2)
    take(l^)
    l = Pt(3, 4)
    l.x = 5
    take(l^)
