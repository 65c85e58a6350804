# S7c: on the error edge of a raising call, a value with a field moved out dies partial.
# model-choice: position: the raising call whose error edge ends the value (third-party test; Q13)
# expect: rejected
# expect-error: 21:5: field 'p.a' destroyed out of the middle of a value, preventing the overall value from being destroyed [S7c]

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
    may_raise(flag)
    p.a = "z"
    print(p.a, p.b)


def main():
    try:
        work(True)
    except:
        print("caught")
