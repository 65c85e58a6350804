# S8: a linear value reaches the end of its life without a named destructor.
# model-choice: position: the variable's name where it is declared (as examples/rejected/06)
# expect: rejected
# expect-error: 18:9: 't' abandoned without being explicitly destroyed: Must call close() [S8]

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
