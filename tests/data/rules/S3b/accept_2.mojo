# S3b: the fix of reject_2: `self` is passed after all fields are set.
# fixes: reject_2.mojo
# expect: accepted

struct Point:
    var x: Int
    var y: Int

    def __init__(out self, x: Int, y: Int):
        self.x = x
        self.y = y
        show(self)


def show(p: Point):
    print(p.x, p.y)


def main():
    var p = Point(1, 2)
    show(p)
