# An ImplicitlyCopyable struct: the compiler inserts a copy wherever an owned value is needed.
# expect: accepted
# expect-output:
#   copy t
#   keep t+
#   del t+
#   copy t
#   t is t
#   del t
#   u is t+
#   del t+


struct Tag(ImplicitlyCopyable):
    var label: String

    def __init__(out self, label: String):
        self.label = label

    def __init__(out self, *, copy: Self):
        self.label = copy.label
        self.label += "+"
        print("copy", copy.label)

    def __deinit__(deinit self):
        print("del", self.label)


def keep(var tag: Tag):
    print("keep", tag.label)


def main():
    var t = Tag("t")
    # No `^`, and `t` is used again below: the argument is an implicit copy.
    keep(t)
    var u = t
    print("t is", t.label)
    print("u is", u.label)
