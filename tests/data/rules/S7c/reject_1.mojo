# S7c: a value dies with a field moved out of it (appendix D.5 without the re-initialization).
# source: reference/mojo-rules.md appendix D.5 (note)
# model-choice: position: the last use of the value, where it dies (docs/semantics.md S7c)
# expect: rejected
# expect-error: 20:11: field 'balloons.color' destroyed out of the middle of a value, preventing the overall value from being destroyed [S7c]

@fieldwise_init
struct Balloons:
    var color: String
    var count: Int


def consume(var s: String):
    print(s)


def main():
    var balloons = Balloons("blue", 8)
    consume(balloons.color^)
    print(balloons.count)
