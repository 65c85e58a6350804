# S1: a variable initialized on one branch of an `if` only is read after it.
# expect: rejected
# expect-error: 9:11: use of uninitialized value 'x' [S1]

def pick(c: Bool):
    var x: String
    if c:
        x = "a"
    print(x)


def main():
    pick(True)
    pick(False)
