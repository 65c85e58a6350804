# S3a: an early `return` from `__init__` leaves a field uninitialized.
# expect: rejected
# expect-error: 12:13: 'self.age' is uninitialized at return from this function [S3a]

struct Person:
    var name: String
    var age: Int

    def __init__(out self, name: String, age: Int):
        self.name = name
        if age < 0:
            return
        self.age = age


def main():
    var p = Person("Ann", 30)
    print(p.name, p.age)
