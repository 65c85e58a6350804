# S9: one String passed as `mut` and as immutable argument of one call (appendix A.5).
# source: reference/mojo-rules.md appendix A.5
# model-choice: the compiler's text by argument order (Q14, docs/semantics.md §12.9); the manual's is legacy
# expect: rejected
# expect-error: 14:5: argument of 'append_twice' call allows reading a memory location previously writable through another aliased argument [S9]

def append_twice(mut s: String, other: String):
    s += other
    s += other


def main():
    var my_string = "o"
    append_twice(my_string, my_string)
    print(my_string)
