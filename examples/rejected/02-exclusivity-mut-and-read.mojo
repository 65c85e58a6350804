# Rejected: the same String passed as a `mut` argument and as an immutable one in one call.
# source: Mojo Manual, "Ownership" (mojo/docs/manual/values/ownership.mdx) § "Argument exclusivity"; reference/mojo-rules.md appendix A.5
# adapted: `main` calls `invalid_access()`; the page quotes an older wording ("passing `my_string` mut is invalid since it's also passed as an immutable reference"), the message below is the compiler's form for a read argument that follows an aliasing `mut` one (reference/mojo-rules.md §4.3, §7.4)
# expect: rejected
# expect-error: 16:5: argument of 'append_twice' call allows reading a memory location previously writable through another aliased argument [S9]


def append_twice(mut s: String, other: String):
    # Mojo knows 's' and 'other' can't be the same string.
    s += other
    s += other


def invalid_access():
    var my_string = "o"  # Create a run-time String value
    append_twice(my_string, my_string)
    print(my_string)


def main():
    invalid_access()
