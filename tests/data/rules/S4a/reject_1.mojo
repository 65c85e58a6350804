# S4a: a field of an immutable `self` is transferred out.
# expect: rejected
# expect-error: 12:16: cannot transfer out of immutable reference [S4a]

struct Box:
    var s: String

    def __init__(out self, s: String):
        self.s = s

    def take(self) -> String:
        return self.s^


def main():
    var b = Box("x")
    print(b.take())
