# S1: the fix of reject_4: the `except` block initializes the variable too.
# fixes: reject_4.mojo
# expect: accepted

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
        s = "failed"
    print(s)


def main():
    run(1)
    run(2)
