# Documented example: a variable declared by assignment is visible in the whole function.
# source: Mojo Manual, "Variables" (mojo/docs/manual/variables.mdx) § "Variable scopes"; reference/mojo-rules.md appendix E.7
# adapted: `main` calls the page's `function_scopes()`
# expect: accepted
# expect-output:
#   1
#   2
#   2


def function_scopes():
    num = 1
    if num == 1:
        print(num)   # Reads the function-scope "num"
        num = 2      # Updates the function-scope variable
        print(num)   # Reads the function-scope "num"
    print(num)       # Reads the function-scope "num"


def main():
    function_scopes()
