# S9: a field passed `mut` and its whole struct passed immutably overlap (a prefix).
# expect: rejected
# expect-error: 17:5: argument of 'both' call allows reading a memory location previously writable through another aliased argument [S9]

@fieldwise_init
struct Pair:
    var a: String
    var b: String


def both(mut x: String, y: Pair):
    x += y.b


def main():
    var p = Pair("x", "y")
    both(p.a, p)
    print(p.a)
