# S3a: `__init__` falls off its end without initializing a field (appendix C.3).
# source: reference/mojo-rules.md appendix C.3
# model-choice: position: an implicit return is reported at the `def` of the function (Mojo reports the line of the declaration)
# expect: rejected
# expect-error: 11:5: 'self.age' is uninitialized at the implicit return from this function [S3a]

struct Person:
    var name: String
    var age: Int

    def __init__(out self, name: String, age: Int):
        self.name = name
        print(age)


def main():
    var p = Person("Ann", 30)
    print(p.name, p.age)
