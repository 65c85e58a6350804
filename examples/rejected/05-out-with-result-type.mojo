# Rejected: an `out` parameter together with a `->` result type.
# source: Mojo reference, "Function declarations" (mojo/docs/reference/function-declarations.mdx) § "`out`"; reference/mojo-rules.md appendix A.13
# adapted: a `main` that calls `wrong` is added
# expect: rejected
# expect-error: 8:11: function cannot have both an 'out' argument and an explicit result type [S12b]


def wrong(out result: Int) -> Int:
    result = 0


def main():
    var n = wrong()
    print(n)
