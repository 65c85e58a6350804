# Documented example: assigning an Int copies it; the two variables are independent.
# source: Mojo Manual, "Value semantics" (mojo/docs/manual/values/value-semantics.mdx) § "Intro to value semantics"; reference/mojo-rules.md appendix A.9
# expect: accepted
# expect-output:
#   x: 1
#   y: 2


def main():
    var x = 1
    var y = x
    y += 1

    print("x:", x)
    print("y:", y)
