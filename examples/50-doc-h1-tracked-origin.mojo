# Documented example: a pointer with a tracked origin keeps its pointee alive until the pointer's last use.
# source: Mojo proposal "untracked-and-any-origin-renames" (mojo/proposals/untracked-and-any-origin-renames.md) § "`ExternalOrigin` → `UntrackedOrigin`"; reference/mojo-rules.md appendix H.1
# adapted: `Writable` and t-strings are outside the subset, so `Loud` prints its field with the same text
# expect: accepted
# expect-output:
#   Creating pointer to Loud
#   Printing...
#   Loud(s='abc')
#   Loud(s='abc').__del__

from std.memory import UnsafePointer


@fieldwise_init
struct Loud:
    var s: String

    def show(self):
        print("Loud(s='", end="")
        print(self.s, end="")
        print("')")

    def __deinit__(deinit self):
        print("Loud(s='", end="")
        print(self.s, end="")
        print("').__del__")


def main():
    var loud = Loud("abc")

    print("Creating pointer to Loud")
    # The pointer's type carries origin_of(loud).
    var ptr = UnsafePointer(to=loud)

    print("Printing...")
    ptr[].show()
    # `loud` is destroyed here, after `ptr`'s last use.
