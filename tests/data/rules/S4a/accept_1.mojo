# S4a: the fix of reject_1: the field is copied (String is ImplicitlyCopyable).
# fixes: reject_1.mojo
# expect: accepted

struct Box:
    var s: String

    def __init__(out self, s: String):
        self.s = s

    def take(self) -> String:
        return self.s


def main():
    var b = Box("x")
    print(b.take())
