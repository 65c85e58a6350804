# S6b: the fix of reject_1: the argument is taken `var`, so it is a mutable place.
# fixes: reject_1.mojo
# expect: accepted

def add(mut x: Int, y: Int):
    x += y


def f(var a: Int):
    add(a, 2)
    print(a)


def main():
    f(1)
