# S1: the fix of reject_2: late initialization on both branches.
# fixes: reject_2.mojo
# expect: accepted

def pick(c: Bool):
    var x: String
    if c:
        x = "a"
    else:
        x = "b"
    print(x)


def main():
    pick(True)
    pick(False)
