# S12g: a destructor declared `raises`.
# model-choice: model text; position: the `def` of the method
# expect: rejected
# expect-error: 12:5: '__deinit__' cannot raise [S12g]

struct Res:
    var n: Int

    def __init__(out self, n: Int):
        self.n = n

    def __deinit__(deinit self) raises:
        print("closing", self.n)


def main():
    var r = Res(1)
    print(r.n)
