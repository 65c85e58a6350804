# Custom copy and move initializers that print, so every copy and move is visible.
# model-choice: Q2 (a `var` argument passed with `^` is consumed in place; `var b = a^` and `return x^` each run the move initializer once)
# expect: accepted
# expect-output:
#   init a
#   copy a
#   original a
#   copy a
#   took a'
#   del a'
#   move a
#   moved a
#   move a
#   returned a
#   del a
#   copy is a'
#   del a'


struct Doc(Copyable):
    var title: String

    def __init__(out self, title: String):
        self.title = title
        print("init", self.title)

    def __init__(out self, *, copy: Self):
        self.title = copy.title
        self.title += "'"
        print("copy", copy.title)

    def __init__(out self, *, deinit move: Self):
        # `move` is consumed: its field can be moved out, and no destructor runs for it.
        self.title = move.title^
        print("move", self.title)

    def __deinit__(deinit self):
        print("del", self.title)


def take(var doc: Doc):
    print("took", doc.title)


def pass_through(var doc: Doc) -> Doc:
    return doc^


def main():
    var a = Doc("a")
    # `Doc` is Copyable but not ImplicitlyCopyable: copies are written out.
    var b = a.copy()
    print("original", a.title)
    take(a.copy())
    var c = a^
    print("moved", c.title)
    var d = pass_through(c^)
    print("returned", d.title)
    print("copy is", b.title)
