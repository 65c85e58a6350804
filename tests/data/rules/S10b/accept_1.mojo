# S10b: the fix of reject_1: the parameter itself is returned.
# fixes: reject_1.mojo
# expect: accepted

def pick(ref a: String, ref b: String, c: Bool) -> ref[a, b] String:
    var s = a
    print(s)
    if c:
        return a
    return b


def main():
    var x = "x"
    var y = "y"
    print(pick(x, y, True))
