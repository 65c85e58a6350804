# S6a: the fix of reject_1: `mut self`.
# fixes: reject_1.mojo
# expect: accepted

struct Counter:
    var value: Int

    def __init__(out self):
        self.value = 0

    def increment(mut self):
        self.value += 1


def main():
    var c = Counter()
    c.increment()
    print(c.value)
