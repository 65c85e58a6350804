# S1: a variable set in the `try` block only is read after the `try`/`except` (the error edge skips it).
# expect: rejected
# expect-error: 17:11: use of uninitialized value 's' [S1]

def risky(n: Int) raises:
    if n > 1:
        raise Error("too big")


def run(n: Int):
    var s: String
    try:
        risky(n)
        s = "ok"
    except:
        print("failed")
    print(s)


def main():
    run(1)
    run(2)
