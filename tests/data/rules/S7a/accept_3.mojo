# S7a: the fix of reject_3: the argument is restored before the `return`.
# fixes: reject_3.mojo
# expect: accepted

def consume(var s: String):
    print(s)


def process(mut s: String, early: Bool):
    consume(s^)
    if early:
        s = "early"
        return
    s = "done"


def main():
    var text = "start"
    process(text, True)
    print(text)
