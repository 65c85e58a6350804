# S10a: a `ref` result names the caller's variables instead of the parameters.
# expect: rejected
# expect-error: 5:62: 'ref' result type must specify an origin [S10a]

def pick(ref a: String, ref b: String, c: Bool) -> ref[x, y] String:
    if c:
        return a
    return b


def main():
    var x = "x"
    var y = "y"
    print(pick(x, y, True))
