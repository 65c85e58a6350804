# S3b: `self` is passed to a function while one field is still unset.
# expect: rejected
# expect-error: 11:14: use of uninitialized value 'self.y' [S3b]

struct Point:
    var x: Int
    var y: Int

    def __init__(out self, x: Int, y: Int):
        self.x = x
        show(self)
        self.y = y


def show(p: Point):
    print(p.x, p.y)


def main():
    var p = Point(1, 2)
    show(p)
