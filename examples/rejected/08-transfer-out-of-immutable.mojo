# Rejected: `^` on a field of an immutable (default-convention) argument.
# expect: rejected
# expect-error: 12:12: cannot transfer out of immutable reference [S4a]


@fieldwise_init
struct Label(Movable):
    var text: String


def steal(label: Label) -> String:
    return label.text^


def main():
    var l = Label("x")
    print(steal(l))
