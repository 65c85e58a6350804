# Methods taking `self`, `mut self`, `ref self` and `var self`.
# expect: accepted
# expect-output:
#   clicks = 2
#   renamed to clicks!
#   done: clicks! (done) 2
#   del clicks! (done) 2
#   snapshot: clicks! 3
#   del clicks! 3


struct Counter(Copyable):
    var name: String
    var count: Int

    def __init__(out self, name: String):
        self.name = name
        self.count = 0

    def value(self) -> Int:
        return self.count

    def increment(mut self):
        self.count += 1

    def label(ref self) -> ref[self] String:
        # The result is mutable exactly when the receiver is.
        return self.name

    def finished(var self) -> Self:
        # `var self`: the method owns the receiver and hands it back changed.
        self.name += " (done)"
        return self^

    def __deinit__(deinit self):
        print("del", self.name, self.count)


def main():
    var c = Counter("clicks")
    c.increment()
    c.increment()
    print(c.name, "=", c.value())
    ref name = c.label()
    name += "!"
    print("renamed to", c.name)
    var snapshot = c.copy()
    snapshot.increment()
    # `Counter` is not ImplicitlyCopyable, so a `var self` call needs `^`.
    var done = c^.finished()
    print("done:", done.name, done.value())
    print("snapshot:", snapshot.name, snapshot.value())
