# Raising functions, `raise`, and `try`/`except` with and without a name for the error.
# expect: accepted
# expect-output:
#   7
#   caught: not a digit
#   safe 3 0
#   in try with guard
#   del guard
#   handled
#   second: division by zero
#   done


@fieldwise_init
struct Guard(Movable):
    var name: String

    def __deinit__(deinit self):
        print("del", self.name)


def parse_digit(code: Int) raises -> Int:
    if code < 48 or code > 57:
        raise Error("not a digit")
    return code - 48


def checked_div(a: Int, b: Int) raises -> Int:
    if b == 0:
        raise Error("division by zero")
    return a // b


def safe_div(a: Int, b: Int) -> Int:
    # Not `raises`: every error is handled here.
    try:
        return checked_div(a, b)
    except:
        return 0


def main():
    try:
        print(parse_digit(55))
        print(parse_digit(65))
        print("not reached")
    except e:
        print("caught:", e)
    print("safe", safe_div(7, 2), safe_div(7, 0))
    try:
        var guard = Guard("guard")
        print("in try with", guard.name)
        _ = checked_div(1, 0)
        print("not reached")
    except:
        print("handled")
    try:
        var r = checked_div(10, 0)
        print("r", r)
    except err:
        print("second:", err)
    print("done")
