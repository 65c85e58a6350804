# S6c and S5a: the stale "optimized replacement" example mutates and returns an immutable List (appendix A.4).
# source: reference/mojo-rules.md appendix A.4 (stale, Q19)
# adapted: `print(list)` for `print(list.__str__())`, a `List[Int]` annotation, the comment dropped
# model-choice: the documented output is not reproduced: the example is rejected (docs/semantics.md §11)
# expect: rejected
# expect-error: 14:5: invalid use of mutating method on rvalue of type 'List[Int]' [S6c]
# expect-error: 15:12: value of type 'List[Int]' cannot be implicitly copied, it does not conform to 'ImplicitlyCopyable' [S5a]

def print_list(list: List[Int]):
    print(list)


def mutate_copy(l: List[Int]) -> List[Int]:
    l.append(5)
    return l


def main():
    var values: List[Int] = [1, 2, 3, 4]
    values = mutate_copy(values)
    print_list(values)
