# S4c: `^` on a `ref` binding, which stands for a place it does not own.
# expect: rejected
# expect-error: 8:17: expression does not designate a value with an origin [S4c]

def main():
    var name = "Ann"
    ref r = name
    var moved = r^
    print(moved)
