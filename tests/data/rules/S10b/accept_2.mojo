# S10b: the fix of reject_2: the origin names both parameters.
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
