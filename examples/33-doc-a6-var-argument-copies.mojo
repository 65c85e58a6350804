# Documented example: a `var` argument without `^` receives a copy of an ImplicitlyCopyable String.
# source: Mojo Manual, "Ownership" (mojo/docs/manual/values/ownership.mdx) § "Transferring with `var`"; reference/mojo-rules.md appendix A.6
# expect: accepted
# expect-output:
#   Hello!
#   Hello


def take_text(var text: String):
    text += "!"
    print(text)


def main():
    var message = "Hello"  # Create a run-time String value
    take_text(message)
    print(message)
