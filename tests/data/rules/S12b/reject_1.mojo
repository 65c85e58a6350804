# S12b: an `out` parameter and a `->` result type together (appendix A.13).
# source: reference/mojo-rules.md appendix A.13
# expect: rejected
# expect-error: 6:11: function cannot have both an 'out' argument and an explicit result type [S12b]

def wrong(out result: Int) -> Int:
    result = 0


def main():
    var n = wrong()
    print(n)
