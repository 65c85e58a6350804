# W1: the fix of reject_3: the name starts with `_`, which W1 exempts.
# fixes: reject_3.mojo
# expect: accepted

def main():
    var _total: Int
    print("done")
