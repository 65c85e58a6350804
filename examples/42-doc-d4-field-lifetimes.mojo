# Documented example: a field dies after its last read because it is overwritten below.
# source: Mojo Manual, "Death of a value" (mojo/docs/manual/lifecycle/death.mdx) § "Field lifetimes"; reference/mojo-rules.md appendix D.4
# expect: accepted
# expect-output:
#   red
#   blue


@fieldwise_init
struct Balloons:
    var color: String
    var count: Int


def main():
    var balloons = Balloons("red", 5)
    print(balloons.color)
    # balloons.color.__deinit__() runs here, because this instance is
    # no longer used; it's replaced below

    balloons.color = "blue"  # Overwrite balloons.color
    print(balloons.color)
    # balloons.__deinit__() runs here
