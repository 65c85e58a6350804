# S10b: a parameter not named in the result's origin is returned.
# expect: rejected
# expect-error: 8:12: cannot return reference with incompatible origin: 'origin_of(b)' vs 'origin_of(a)' [S10b]

def pick(ref a: String, ref b: String, c: Bool) -> ref[a] String:
    if c:
        return a
    return b


def main():
    var x = "x"
    var y = "y"
    print(pick(x, y, True))
