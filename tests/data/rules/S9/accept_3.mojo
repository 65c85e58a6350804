# S9: the fix of reject_3: two different fields do not overlap (field-sensitivity).
# fixes: reject_3.mojo
# expect: accepted

@fieldwise_init
struct Pair:
    var a: String
    var b: String


def both(mut x: String, y: String):
    x += y


def main():
    var p = Pair("x", "y")
    both(p.a, p.b)
    print(p.a)
