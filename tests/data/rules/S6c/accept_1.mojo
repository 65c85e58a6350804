# S6c: the fix of reject_1: a `mut` argument.
# fixes: reject_1.mojo
# expect: accepted

def mutate_copy(mut l: List[Int]):
    l.append(5)
    print(len(l))


def main():
    var values: List[Int] = [1, 2, 3]
    mutate_copy(values)
