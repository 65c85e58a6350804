# S8: a linear value is abandoned on the error edge of a raising call.
# model-choice: position: the declaration; the note `value was not consumed when an error is thrown` is at the call
# expect: rejected
# expect-error: 22:9: 't' abandoned without being explicitly destroyed: Must call close() [S8]

@explicit_destroy("Must call close()")
struct Tok(Deinitable where False):
    var n: Int

    def __init__(out self, n: Int):
        self.n = n

    def close(deinit self):
        pass

def may_fail(flag: Bool) raises:
    if flag:
        raise Error("boom")


def work(flag: Bool) raises:
    var t = Tok(1)
    may_fail(flag)
    t^.close()


def main():
    try:
        work(True)
    except:
        print("caught")
