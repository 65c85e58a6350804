# S7c: the fix of reject_2: the field is copied, so the value stays whole.
# fixes: reject_2.mojo
# expect: accepted

@fieldwise_init
struct Balloons:
    var color: String
    var count: Int


def consume(var s: String):
    print(s)


def main():
    var balloons = Balloons("blue", 8)
    var color = balloons.color
    print(color)
