# Documented example: a `var` in an inner block shadows the outer variable until the block ends.
# source: Mojo Manual, "Variables" (mojo/docs/manual/variables.mdx) § "Variable scopes"; reference/mojo-rules.md appendix E.6
# adapted: `main` calls the page's `lexical_scopes()`
# expect: accepted
# expect-output:
#   num: 1
#   num: 2
#   num: 1
#   dig: 2


def lexical_scopes():
    var num = 1
    var dig = 1
    if num == 1:
        print("num:", num)  # Reads the outer-scope "num"
        var num = 2         # Creates new inner-scope "num"
        print("num:", num)  # Reads the inner-scope "num"
        dig = 2             # Updates the outer-scope "dig"
    print("num:", num)      # Reads the outer-scope "num"
    print("dig:", dig)      # Reads the outer-scope "dig"


def main():
    lexical_scopes()
