# References and pointers keep their referent alive until their own last use; `_ = x` ends a life on purpose.
# expect: accepted
# expect-output:
#   created a
#   through ref: a
#   release a
#   after ref
#   pointer made
#   through pointer: b
#   release b
#   after pointer
#   c is idle
#   release c
#   end

from std.memory import UnsafePointer


@fieldwise_init
struct Resource(Movable):
    var name: String

    def __deinit__(deinit self):
        print("release", self.name)


def main():
    var a = Resource("a")
    ref alias_a = a
    print("created a")
    # `a` itself is never named again, but the reference keeps it alive until here.
    print("through ref:", alias_a.name)
    print("after ref")
    var b = Resource("b")
    var ptr = UnsafePointer(to=b)
    print("pointer made")
    print("through pointer:", ptr[].name)
    print("after pointer")
    var c = Resource("c")
    print("c is idle")
    _ = c
    print("end")
