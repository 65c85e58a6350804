# S6c: the fix of reject_2: a `mut` argument.
# fixes: reject_2.mojo
# expect: accepted

struct Counter:
    var value: Int

    def __init__(out self):
        self.value = 0

    def bump(mut self):
        self.value += 1


def show_next(mut c: Counter):
    c.bump()
    print(c.value)


def main():
    var c = Counter()
    show_next(c)
