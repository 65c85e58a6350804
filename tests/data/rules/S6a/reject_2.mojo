# S6a: `=` to an immutable (default-convention) argument.
# expect: rejected
# expect-error: 6:5: expression must be mutable in assignment [S6a]

def bump(x: Int):
    x = x + 1
    print(x)


def main():
    bump(1)
