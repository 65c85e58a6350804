# S7a: a `mut` argument moved out of is not restored before a `raise` (error exit).
# model-choice: at an error exit the message is the S1 form, reported at the `raise`
# expect: rejected
# expect-error: 13:9: use of uninitialized value 's' [S7a]

def consume(var s: String):
    print(s)


def process(mut s: String, fail: Bool) raises:
    consume(s^)
    if fail:
        raise Error("failed")
    s = "done"


def main():
    var text = "start"
    try:
        process(text, True)
    except e:
        print(e)
    print(text)
