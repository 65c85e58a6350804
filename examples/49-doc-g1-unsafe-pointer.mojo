# Documented example: allocate with `alloc`, initialize, update and read through an UnsafePointer.
# source: Mojo Manual, "Unsafe pointers" (mojo/docs/manual/pointers/unsafe-pointers.mdx) § "Unsafe pointer basics"; reference/mojo-rules.md appendix G.1
# adapted: wrapped in `main` with an import; `ptr.free()` added at the end, since the page's fragment leaks its allocation
# expect: accepted
# expect-output:
#   110

from std.memory import alloc


def main():
    # Allocate memory to hold a value
    var ptr = alloc[Int](1)
    # Initialize the allocated memory
    ptr.init_pointee_copy(100)

    # Update an initialized value
    ptr[] += 10
    # Access an initialized value
    print(ptr[])
    ptr.free()
