# S6b: the fix of reject_2: `mut self`.
# fixes: reject_2.mojo
# expect: accepted

struct Log:
    var text: String

    def __init__(out self):
        self.text = ""

    def add(mut self, line: String):
        append_line(self.text, line)


def append_line(mut s: String, line: String):
    s += line


def main():
    var log = Log()
    log.add("a")
    print(log.text)
