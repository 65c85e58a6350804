# Documented example: an unused String (Mojo warns about it) next to a pointer with a concrete origin.
# source: Mojo proposal "untracked-and-any-origin-renames" (mojo/proposals/untracked-and-any-origin-renames.md) § "It hides unused-variable warnings"; reference/mojo-rules.md appendix H.5
# adapted: the page documents only the warning; the program's output is what it prints
# expect: accepted
# expect-output:
#   42

from std.memory import UnsafePointer


def main():
    var unused = "I'm an unused string!"

    var n = 42
    var ptr = UnsafePointer(to=n)  # origin inferred as `origin_of(n)`
    print(ptr[])
