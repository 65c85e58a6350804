# Rejected: a String is read after it was transferred into a `var` argument.
# source: Mojo Manual, "Ownership" (mojo/docs/manual/values/ownership.mdx) § "Transferring with `var`"; reference/mojo-rules.md appendix A.7
# adapted: `take_text` comes from appendix A.6
# expect: rejected
# expect-error: 16:11: use of uninitialized value 'message' [S1]


def take_text(var text: String):
    text += "!"
    print(text)


def main():
    var message = "Hello"  # Create a run-time String value
    take_text(message^)
    print(message)
