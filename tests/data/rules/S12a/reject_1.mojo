# S12a: a default value on a `mut` parameter (appendix A.12).
# source: reference/mojo-rules.md appendix A.12
# expect: rejected
# expect-error: 6:11: 'mut' arguments may not have defaults [S12a]

def wrong(mut x: Int = 0):
    x += 1


def main():
    var n = 1
    wrong(n)
    print(n)
