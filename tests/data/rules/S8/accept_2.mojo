# S8: the fix of reject_2: the error is caught, the value closed, and the error raised again.
# fixes: reject_2.mojo
# expect: accepted

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
    try:
        may_fail(flag)
    except e:
        t^.close()
        raise e
    t^.close()


def main():
    try:
        work(True)
    except:
        print("caught")
