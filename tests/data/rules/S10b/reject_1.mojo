# S10b: a reference to a local is returned.
# expect: rejected
# expect-error: 9:16: cannot return reference with incompatible origin: 'origin_of(s)' vs 'origin_of(a, b)' [S10b]

def pick(ref a: String, ref b: String, c: Bool) -> ref[a, b] String:
    var s = a
    print(s)
    if c:
        return s
    return b


def main():
    var x = "x"
    var y = "y"
    print(pick(x, y, True))
