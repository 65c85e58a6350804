# S12a: the fix of reject_1: no default.
# fixes: reject_1.mojo
# expect: accepted

def wrong(mut x: Int):
    x += 1


def main():
    var n = 1
    wrong(n)
    print(n)
