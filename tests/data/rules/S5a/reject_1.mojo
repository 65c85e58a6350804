# S5a: a List is assigned to a new variable without `^` (appendix B.1).
# source: reference/mojo-rules.md appendix B.1
# adapted: `var` and a `List[Int]` annotation; a `print` that uses both; the compiler's wording, not the manual's
# expect: rejected
# expect-error: 9:18: value of type 'List[Int]' cannot be implicitly copied, it does not conform to 'ImplicitlyCopyable' [S5a]

def main():
    var first: List[Int] = [1, 2, 3]
    var second = first
    print(first, second)
