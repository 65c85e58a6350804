# S9: two pointers to one variable, both with a concrete mutable origin (appendix H.7).
# source: reference/mojo-rules.md appendix H.7 (with H.6's `two_mut_pointers`)
# adapted: parameters `UnsafePointer[Int]` for `UnsafePointer[mut=True, Int, _]` (keyword type parameters are outside the subset), as docs/semantics.md §11
# expect: rejected
# expect-error: 13:5: argument of 'two_mut_pointers' call allows writing a memory location previously writable through another aliased argument [S9]

def two_mut_pointers(p1: UnsafePointer[Int], p2: UnsafePointer[Int]):
    pass


def main():
    var x = 42
    two_mut_pointers(
        UnsafePointer(to=x),
        UnsafePointer(to=x),
    )
