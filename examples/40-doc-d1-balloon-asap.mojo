# Documented example: ASAP destruction of balloons, including one that is never used.
# source: Mojo Manual, "Death of a value" (mojo/docs/manual/lifecycle/death.mdx) § page introduction; reference/mojo-rules.md appendix D.1
# adapted: `Writable`/`write_to` are outside the subset, so the balloon is printed from its field with the same text
# expect: accepted
# expect-output:
#   a red balloon
#   Destroyed a red balloon
#   Destroyed a green balloon
#   a blue balloon
#   Destroyed a blue balloon


@fieldwise_init
struct Balloon:
    var color: String

    def __deinit__(deinit self):
        print("Destroyed a", self.color, "balloon")


def main():
    var a = Balloon("red")
    var b = Balloon("blue")
    print("a", a.color, "balloon")
    # a.__deinit__() runs here for "red" Balloon

    a = Balloon("green")
    # a.__deinit__() runs immediately because "green" Balloon is never used

    print("a", b.color, "balloon")
    # b.__deinit__() runs here
