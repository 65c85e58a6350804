# S7c: the fix of reject_1 (appendix D.5): the field is re-initialized before the value dies.
# fixes: reject_1.mojo
# expect: accepted

@fieldwise_init
struct Balloons:
    var color: String
    var count: Int


def consume(var s: String):
    print(s)


def main():
    var balloons = Balloons("blue", 8)
    consume(balloons.color^)
    balloons.color = "orange"
    print(balloons.color, balloons.count)
