# Documented example: `_ = t` moves the last use of `t`, and so its destruction, to that line.
# source: Mojo Manual, "Death of a value" (mojo/docs/manual/lifecycle/death.mdx) § "Explicit lifetime extension"; reference/mojo-rules.md appendix D.6
# adapted: the page's statements are wrapped in `main`
# expect: accepted
# expect-output:
#   abc
#   xyz


def main():
    # Without explicit extension: s is last used in the print() call, so it is
    # destroyed immediately afterwards.
    var s = "abc"
    print(s)  # s.__deinit__() runs after this line

    # With explicit extension: push last-use to the discard line.
    var t = "xyz"
    print(t)

    # ... some time later
    _ = t  # t.__deinit__() runs after this line
