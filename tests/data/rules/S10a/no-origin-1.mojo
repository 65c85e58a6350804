# S10a's own example: `-> ref String` without origins, which the parser already refuses.
# model-choice: the grammar (docs/grammar.md §2, `result = [ "ref" origins ] type`) requires the origins, so the parser rejects `-> ref String` before S10a can; were it parsed, the expected diagnostic would be `'ref' result type must specify an origin [S10a]` at the result type
# expect: rejected
# expect-error: 12:32: expected '[' and the origins after 'ref' in the result type [syntax]

struct Names:
    var names: List[String]

    def __init__(out self):
        self.names = ["a", "b"]

    def first(ref self) -> ref String:
        return self.names[0]


def main():
    var n = Names()
    print(n.first())
