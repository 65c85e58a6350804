# S6b: a field of an immutable `self` is passed to a `mut` parameter.
# expect: rejected
# expect-error: 12:21: value passed to mutable argument 's' must be mutable [S6b]

struct Log:
    var text: String

    def __init__(out self):
        self.text = ""

    def add(self, line: String):
        append_line(self.text, line)


def append_line(mut s: String, line: String):
    s += line


def main():
    var log = Log()
    log.add("a")
    print(log.text)
