# S11: the fix of reject_1: the reference is used before the list is mutated.
# fixes: reject_1.mojo
# expect: accepted

def main():
    var list: List[Int] = [1, 2, 3]
    ref elem = list[0]
    print(elem)
    list.append(4)
