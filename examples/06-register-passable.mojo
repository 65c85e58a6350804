# Register-passable structs: a trivial one copied freely, and a move-only one with a destructor.
# expect: accepted
# expect-output:
#   1 2 10 2
#   shifted 11 4
#   n doubled: 8
#   moved by one: 12 5
#   using fd 3
#   moved handle
#   using fd 3
#   close fd 3
#   end


@fieldwise_init
struct Point(TrivialRegisterPassable):
    var x: Int
    var y: Int

    def moved_by(self, dx: Int, dy: Int) -> Point:
        return Point(self.x + dx, self.y + dy)


@fieldwise_init
struct Handle(RegisterPassable):
    var fd: Int

    def __deinit__(deinit self):
        print("close fd", self.fd)


def shift(mut p: Point, q: Point):
    p.x += q.x
    p.y += q.y


def add_into(mut total: Int, amount: Int):
    total += amount


def use_handle(h: Handle):
    print("using fd", h.fd)


def main():
    var p = Point(1, 2)
    # A trivial type is copied bit for bit; `p` and `q` are independent.
    var q = p
    q.x = 10
    print(p.x, p.y, q.x, q.y)
    shift(p, q)
    print("shifted", p.x, p.y)
    var n = 4
    # Exclusivity is not enforced for trivial register-passable values such as Int:
    # the immutable argument is a copy.
    add_into(n, n)
    print("n doubled:", n)
    var r = p.moved_by(1, 1)
    print("moved by one:", r.x, r.y)
    var h = Handle(3)
    use_handle(h)
    var h2 = h^
    print("moved handle")
    use_handle(h2)
    _ = h2
    print("end")
