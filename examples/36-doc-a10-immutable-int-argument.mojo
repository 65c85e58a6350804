# Documented example: an immutable Int argument, copied into a local to change it.
# source: Mojo Manual, "Value semantics" (mojo/docs/manual/values/value-semantics.mdx) § "Value semantics in Mojo functions"; reference/mojo-rules.md appendix A.10
# adapted: the page's commented-out `y += 2` (a compile error) is described in words instead
# expect: accepted
# expect-output:
#   z: 3
#   x: 1


def add_two(y: Int):
    # Writing `y += 2` here would not compile: `y` is immutable.
    var z = y
    z += 2
    print("z:", z)


def main():
    var x = 1
    add_two(x)
    print("x:", x)
