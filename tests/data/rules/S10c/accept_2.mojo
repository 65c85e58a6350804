# S10c: the fix of reject_2: a `var` binding owns the result.
# fixes: reject_2.mojo
# expect: accepted

def greeting() -> String:
    return "hi"


def main():
    var r = greeting()
    print(r)
