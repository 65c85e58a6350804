# S7c: a field moved out is the value's last use, so the value dies partial right there.
# model-choice: position: the transfer, which is the value's last use
# expect: rejected
# expect-error: 18:17: field 'balloons.color' destroyed out of the middle of a value, preventing the overall value from being destroyed [S7c]

@fieldwise_init
struct Balloons:
    var color: String
    var count: Int


def consume(var s: String):
    print(s)


def main():
    var balloons = Balloons("blue", 8)
    var color = balloons.color^
    print(color)
