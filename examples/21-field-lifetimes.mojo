# Fields live and die on their own: move one out, restore it, overwrite one, consume the rest.
# expect: accepted
# expect-output:
#   machine 7 has engine-1 and wheel-1
#   using engine-1
#   del part engine-1
#   machine 7 has engine-2 and wheel-1
#   del part wheel-1
#   machine 7 has engine-2 and wheel-2
#   using engine-2
#   del part engine-2
#   using wheel-2
#   del part wheel-2


@fieldwise_init
struct Part(Movable):
    var name: String

    def __deinit__(deinit self):
        print("del part", self.name)


def use_part(var part: Part):
    print("using", part.name)


@fieldwise_init
struct Machine(Movable):
    var engine: Part
    var wheel: Part
    var id: Int

    def scrap(deinit self):
        # Inside a `deinit` method fields may be moved out for good.
        use_part(self.engine^)
        use_part(self.wheel^)


def inspect(m: Machine):
    print("machine", m.id, "has", m.engine.name, "and", m.wheel.name)


def main():
    var m = Machine(Part("engine-1"), Part("wheel-1"), 7)
    inspect(m)
    # Moving a field out leaves `m` partly initialized ...
    use_part(m.engine^)
    # ... until the field gets a new value; only then may `m` be used whole.
    m.engine = Part("engine-2")
    inspect(m)
    # The old wheel died after its last use (the call above), not here.
    m.wheel = Part("wheel-2")
    inspect(m)
    m^.scrap()
