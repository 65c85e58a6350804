# S6a: the fix of reject_2: the argument is taken `var`.
# fixes: reject_2.mojo
# expect: accepted

def bump(var x: Int):
    x = x + 1
    print(x)


def main():
    bump(1)
