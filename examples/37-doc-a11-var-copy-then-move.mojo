# Documented example: the same `var` parameter fed first by a copy, then by a transfer.
# source: Mojo reference, "Function declarations" (mojo/docs/reference/function-declarations.mdx) § "`var`"; reference/mojo-rules.md appendix A.11
# adapted: the page's commented-out use after the move (a compile error) is described in words instead
# expect: accepted
# expect-output:
#   Hello!
#   Hello
#   Hello!


def consume(var s: String):
    s += "!"
    print(s)


def main():
    var greeting = "Hello"
    consume(greeting)   # Hello! (copied)
    print(greeting)     # Hello

    consume(greeting^)  # Hello! (moved)
    # `greeting` is uninitialized from here on; printing it would not compile.
