# S1: late initialization, use before init (appendix C.1).
# source: reference/mojo-rules.md appendix C.1
# adapted: `Int` for `Float32`, in `main`, `print(y)` so that `y` is used
# expect: rejected
# expect-error: 9:13: use of uninitialized value 'z' [S1]

def main():
    var z: Int
    var y = z
    print(y)
