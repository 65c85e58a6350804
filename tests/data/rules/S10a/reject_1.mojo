# S10a: a `ref` result names a field without its parameter (`names`, not `self.names`).
# model-choice: model text; position: the result type; an origin that names no parameter (or field path of one) is S10a (docs/semantics.md S10a)
# expect: rejected
# expect-error: 12:39: 'ref' result type must specify an origin [S10a]

struct Names:
    var names: List[String]

    def __init__(out self):
        self.names = ["a", "b"]

    def first(ref self) -> ref[names] String:
        return self.names[0]


def main():
    var n = Names()
    print(n.first())
