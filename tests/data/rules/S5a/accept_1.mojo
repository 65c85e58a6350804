# S5a: the fix of reject_1: an explicit `.copy()`.
# fixes: reject_1.mojo
# expect: accepted

def main():
    var first: List[Int] = [1, 2, 3]
    var second = first.copy()
    print(first, second)
