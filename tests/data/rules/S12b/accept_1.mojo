# S12b: the fix of reject_1: no `->` result type.
# fixes: reject_1.mojo
# expect: accepted

def wrong(out result: Int):
    result = 0


def main():
    var n = wrong()
    print(n)
