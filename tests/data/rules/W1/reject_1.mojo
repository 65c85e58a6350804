# W1: a String stored in a variable that is never read (appendix H.5).
# source: reference/mojo-rules.md appendix H.5 (without the pointer)
# model-choice: position: the start of the statement, where H.5's caret is
# expect: accepted
# expect-warning: 8:18: assignment to 'unused' was never used; assign to '_' instead? [W1]

def main():
    var unused = "I'm an unused string!"
    var n = 42
    print(n)
