# S12g: the fix of reject_1: the destructor does not raise.
# fixes: reject_1.mojo
# expect: accepted

struct Res:
    var n: Int

    def __init__(out self, n: Int):
        self.n = n

    def __deinit__(deinit self):
        print("closing", self.n)


def main():
    var r = Res(1)
    print(r.n)
