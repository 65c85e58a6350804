# S6c: the fix of reject_3: the value is stored in a variable first.
# fixes: reject_3.mojo
# expect: accepted

struct Counter:
    var value: Int

    def __init__(out self):
        self.value = 0

    def bump(mut self):
        self.value += 1


def main():
    var c = Counter()
    c.bump()
    print(c.value)
