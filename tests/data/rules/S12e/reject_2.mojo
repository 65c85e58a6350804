# S12e: a Copyable struct with a List of a non-copyable element type.
# expect: rejected
# expect-error: 12:5: cannot synthesize copy constructor because field 'parts' has non-copyable type List[Part] [S12e]

@fieldwise_init
struct Part:
    var n: Int


@fieldwise_init
struct Machine(Copyable):
    var parts: List[Part]


def main():
    var parts: List[Part] = [Part(1)]
    var m = Machine(parts^)
    print(len(m.parts))
