# S12a: the fix of reject_2: no default.
# fixes: reject_2.mojo
# expect: accepted

struct Counter:
    var value: Int

    def __init__(out self):
        self.value = 2

    def add_to(self, mut total: Int):
        total += self.value


def main():
    var c = Counter()
    var sum = 1
    c.add_to(sum)
    print(sum)
