# Rejected: a List (Copyable, not ImplicitlyCopyable) assigned to a new variable without `^` or `.copy()`.
# source: Mojo Manual, "Variables" (mojo/docs/manual/variables.mdx) § "Copying and moving values"; reference/mojo-rules.md appendix B.1
# adapted: wrapped in `main` with `var` declarations; the page words the error as "'List[Int]' is not implicitly copyable because it does not conform to 'ImplicitlyCopyable'", the message below is the compiler's (reference/mojo-rules.md §7.2)
# expect: rejected
# expect-error: 10:18: value of type 'List[Int]' cannot be implicitly copied, it does not conform to 'ImplicitlyCopyable' [S5a]


def main():
    var first = [1, 2, 3]
    var second = first
    print(len(first), len(second))
