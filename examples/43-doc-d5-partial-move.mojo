# Documented example: a field moved out and re-initialized before the whole value is used again.
# source: Mojo Manual, "Death of a value" (mojo/docs/manual/lifecycle/death.mdx) § "Field lifetimes"; reference/mojo-rules.md appendix D.5
# adapted: `String("orange")` is written as the literal "orange"; `main` calls `consume_and_use()`; the commented-out failing call is described in words
# expect: accepted
# expect-output:
#   8 orange balloons.


@fieldwise_init
struct Balloons:
    var color: String
    var count: Int


def consume(var arg: String):
    pass


def use(arg: Balloons):
    print(arg.count, arg.color, "balloons.")


def consume_and_use():
    var balloons = Balloons("blue", 8)
    consume(balloons.color^)
    # Now balloons is only partially initialized: `use(balloons)` here would not compile.

    balloons.color = "orange"  # All together now
    use(balloons)  # This is ok
    # balloons.__deinit__() runs here (and only if the object is whole)


def main():
    consume_and_use()
