# S12g: the fix of reject_2: a `var` parameter.
# fixes: reject_2.mojo
# expect: accepted

def finish(var s: String):
    print(s)


def main():
    var t = "x"
    finish(t^)
