# S12f: `@fieldwise_init` on a struct with a non-movable field.
# model-choice: position: the field's declaration
# expect: rejected
# expect-error: 16:5: cannot synthesize fieldwise init because field 'alpha' has non-copyable and non-movable type 'Alpha' [S12f]

struct Alpha(Movable where False):
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
