# S4c: the fix of reject_1: the element is copied.
# fixes: reject_1.mojo
# expect: accepted

def main():
    var xs: List[String] = ["a"]
    var s = xs[0]
    print(s)
