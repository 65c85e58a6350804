# S6b: an immutable argument is passed on to a `mut` parameter.
# expect: rejected
# expect-error: 10:9: value passed to mutable argument 'x' must be mutable [S6b]

def add(mut x: Int, y: Int):
    x += y


def f(a: Int):
    add(a, 2)
    print(a)


def main():
    f(1)
