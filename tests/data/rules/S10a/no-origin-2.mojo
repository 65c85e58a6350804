# S10a: `-> ref String` on a free function, refused by the parser as no-origin-1.
# model-choice: as no-origin-1: the parser requires the origins
# expect: rejected
# expect-error: 6:56: expected '[' and the origins after 'ref' in the result type [syntax]

def pick(ref a: String, ref b: String, c: Bool) -> ref String:
    if c:
        return a
    return b


def main():
    var x = "x"
    var y = "y"
    print(pick(x, y, True))
