# S12e: the fix of reject_2: the element type is Copyable, so the List is too.
# fixes: reject_2.mojo
# expect: accepted

@fieldwise_init
struct Part(Copyable):
    var n: Int


@fieldwise_init
struct Machine(Copyable):
    var parts: List[Part]


def main():
    var parts: List[Part] = [Part(1)]
    var m = Machine(parts^)
    print(len(m.parts))
