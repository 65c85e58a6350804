# S1: a String is printed after it was transferred into a `var` argument (appendix A.7).
# source: reference/mojo-rules.md appendix A.7 (take_text from A.6)
# expect: rejected
# expect-error: 13:11: use of uninitialized value 'message' [S1]

def take_text(var text: String):
    print(text)


def main():
    var message = "Hello"
    take_text(message^)
    print(message)
