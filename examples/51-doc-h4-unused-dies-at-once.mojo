# Documented example: with nothing referring to it, an unused value is destroyed right away.
# source: Mojo proposal "untracked-and-any-origin-renames" (mojo/proposals/untracked-and-any-origin-renames.md) § "It extends unrelated lifetimes"; reference/mojo-rules.md appendix H.4
# adapted: `Loud` (from H.1) is defined here and prints its field instead of using `Writable`
# expect: accepted
# expect-output:
#   Loud(s='abc').__del__
#   Creating pointer to n
#   42

from std.memory import UnsafePointer


@fieldwise_init
struct Loud:
    var s: String

    def __deinit__(deinit self):
        print("Loud(s='", end="")
        print(self.s, end="")
        print("').__del__")


def main():
    var _loud = Loud("abc")
    # Nothing references `_loud`, so it is destroyed right away.

    print("Creating pointer to n")
    var n = 42
    var ptr = UnsafePointer(to=n)
    print(ptr[])
