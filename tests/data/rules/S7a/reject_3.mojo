# S7a: a `mut` argument moved out of is not restored before an early `return`.
# expect: rejected
# expect-error: 12:9: 's' is uninitialized at return from this function [S7a]

def consume(var s: String):
    print(s)


def process(mut s: String, early: Bool):
    consume(s^)
    if early:
        return
    s = "done"


def main():
    var text = "start"
    process(text, True)
    print(text)
