# S7a: the fix of reject_2: the argument is restored before the `raise`.
# fixes: reject_2.mojo
# expect: accepted

def consume(var s: String):
    print(s)


def process(mut s: String, fail: Bool) raises:
    consume(s^)
    if fail:
        s = "restored"
        raise Error("failed")
    s = "done"


def main():
    var text = "start"
    try:
        process(text, True)
    except e:
        print(e)
    print(text)
