# Documented example: a `var` argument given its value with `^`.
# source: Mojo Manual, "Ownership" (mojo/docs/manual/values/ownership.mdx) § "Transferring with `var`"; reference/mojo-rules.md appendix A.8
# expect: accepted
# expect-output:
#   Hello!


def take_text(var text: String):
    text += "!"
    print(text)


def main():
    var message = "Hello"  # Create a run-time String value
    take_text(message^)
