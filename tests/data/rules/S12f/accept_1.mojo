# S12f: the fix of reject_1: the field's type is movable (the default in mojo-1.0).
# fixes: reject_1.mojo
# expect: accepted

struct Alpha:
    var a: Int

    def __init__(out self, a: Int):
        self.a = a


@fieldwise_init
struct Color:
    var r: Int
    var alpha: Alpha


def main():
    var a = Alpha(2)
    print(a.a)
