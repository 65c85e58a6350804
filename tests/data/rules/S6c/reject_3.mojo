# S6c: a `mut self` method called on an rvalue (the compiler tests' `T().mutating()`).
# expect: rejected
# expect-error: 16:5: invalid use of mutating method on rvalue of type 'Counter' [S6c]

struct Counter:
    var value: Int

    def __init__(out self):
        self.value = 0

    def bump(mut self):
        self.value += 1


def main():
    Counter().bump()
