# S4d: the fix of reject_2: the whole value is assigned instead of one field.
# fixes: reject_2.mojo
# expect: accepted

@fieldwise_init
struct Pt(Movable):
    var x: Int
    var y: Int


def take(var p: Pt):
    print(p.x, p.y)


def main():
    var l = Pt(1, 2)
    var m = l^
    l = Pt(1, 7)
    take(m^)
    take(l^)
