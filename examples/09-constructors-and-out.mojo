# Initializers with `out self`, an overload chosen by keyword, and named `out` results.
# expect: accepted
# expect-output:
#   room 21
#   from kelvin -23
#   boiling 100
#   clamped -273
#   in range 5
#   sum -170


struct Temperature(Copyable):
    var celsius: Int
    var label: String

    def __init__(out self, celsius: Int, label: String):
        self.celsius = celsius
        self.label = label
        # Every field is initialized now, so methods may be called on `self`.
        self.describe()

    def __init__(out self, *, kelvin: Int):
        self.celsius = kelvin - 273
        self.label = "from kelvin"
        self.describe()

    def describe(self):
        print(self.label, self.celsius)


def boiling(out result: Temperature):
    # A named result is built in place in the caller's slot: no move, no copy.
    result = Temperature(100, "boiling")


def clamped(value: Int, out result: Temperature):
    if value < -273:
        result = Temperature(-273, "clamped")
        # A bare `return` hands back the already initialized `out` value.
        return
    result = Temperature(value, "in range")


def main():
    var room = Temperature(21, "room")
    var cold = Temperature(kelvin=250)
    var hot = boiling()
    var low = clamped(-300)
    var mid = clamped(5)
    print("sum", room.celsius + cold.celsius + hot.celsius + low.celsius + mid.celsius)
