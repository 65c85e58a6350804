# Documented example: a `mut` argument next to a default (immutable) one.
# source: Mojo Manual, "Ownership" (mojo/docs/manual/values/ownership.mdx) § "Argument passing conventions"; reference/mojo-rules.md appendix A.1
# expect: accepted
# expect-output:
#   3


def add(mut x: Int, y: Int):
    x += y


def main():
    var a = 1
    var b = 2
    add(a, b)
    print(a)  # 3
