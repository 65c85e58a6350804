# S6c: `append` on an immutable List argument (appendix A.4's mistake).
# expect: rejected
# expect-error: 6:5: invalid use of mutating method on rvalue of type 'List[Int]' [S6c]

def mutate_copy(l: List[Int]):
    l.append(5)
    print(len(l))


def main():
    var values: List[Int] = [1, 2, 3]
    mutate_copy(values)
