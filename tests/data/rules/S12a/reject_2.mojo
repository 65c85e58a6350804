# S12a: a default value on a `mut` parameter of a method.
# expect: rejected
# expect-error: 11:22: 'mut' arguments may not have defaults [S12a]

struct Counter:
    var value: Int

    def __init__(out self):
        self.value = 2

    def add_to(self, mut total: Int = 0):
        total += self.value


def main():
    var c = Counter()
    var sum = 1
    c.add_to(sum)
    print(sum)
