# S5a: `return xs` of a local List without `^` (Q6: the model requires the sigil).
# model-choice: Q6: `return x` demands an owned value like any other site (docs/semantics.md §10)
# expect: rejected
# expect-error: 9:12: value of type 'List[Int]' cannot be implicitly copied, it does not conform to 'ImplicitlyCopyable' [S5a]

def make() -> List[Int]:
    var xs: List[Int] = [1, 2]
    xs.append(3)
    return xs


def main():
    print(make())
