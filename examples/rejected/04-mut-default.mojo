# Rejected: a `mut` parameter with a default value.
# source: Mojo reference, "Function declarations" (mojo/docs/reference/function-declarations.mdx) § "`mut`"; reference/mojo-rules.md appendix A.12
# adapted: a `main` that calls `wrong` is added
# expect: rejected
# expect-error: 8:11: 'mut' arguments may not have defaults [S12a]


def wrong(mut x: Int = 0):
    pass


def main():
    var n = 1
    wrong(n)
    print(n)
