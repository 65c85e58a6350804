# S7c: the fix of reject_3: the field is restored before the raising call.
# fixes: reject_3.mojo
# expect: accepted

@fieldwise_init
struct Pair:
    var a: String
    var b: String


def may_raise(flag: Bool) raises:
    if flag:
        raise Error("boom")


def work(flag: Bool) raises:
    var p = Pair("x", "y")
    var x = p.a^
    print(x)
    p.a = "z"
    may_raise(flag)
    print(p.a, p.b)


def main():
    try:
        work(True)
    except:
        print("caught")
