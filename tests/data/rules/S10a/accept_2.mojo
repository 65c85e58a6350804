# S10a: the fix of reject_2: `ref[a, b]`.
# fixes: reject_2.mojo
# expect: accepted

def pick(ref a: String, ref b: String, c: Bool) -> ref[a, b] String:
    if c:
        return a
    return b


def main():
    var x = "x"
    var y = "y"
    print(pick(x, y, True))
