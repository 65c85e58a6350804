# S8: the fix of reject_1: the value is consumed by its `deinit` method.
# fixes: reject_1.mojo
# expect: accepted

@explicit_destroy("Must call close()")
struct Tok(Deinitable where False):
    var n: Int

    def __init__(out self, n: Int):
        self.n = n

    def close(deinit self):
        pass


def main():
    var t = Tok(1)
    print(t.n)
    t^.close()
