# S4b under mojo-1.0: the same program as reject_3 is accepted, structs are Movable by default.
# fixes: reject_3.mojo (same text, default preset)
# expect: accepted

struct MyPair:
    var a: Int
    var b: Int

    def __init__(out self, a: Int, b: Int):
        self.a = a
        self.b = b


def main():
    var a = MyPair(1, 2)
    var d = a^
    print(d.a, d.b)
