# S10a: the fix of reject_1: `ref[self.names]`.
# fixes: reject_1.mojo
# expect: accepted

struct Names:
    var names: List[String]

    def __init__(out self):
        self.names = ["a", "b"]

    def first(ref self) -> ref[self.names] String:
        return self.names[0]


def main():
    var n = Names()
    print(n.first())
