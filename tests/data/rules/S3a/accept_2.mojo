# S3a: the fix of reject_2: the field is set before the early `return`.
# fixes: reject_2.mojo
# expect: accepted

struct Person:
    var name: String
    var age: Int

    def __init__(out self, name: String, age: Int):
        self.name = name
        if age < 0:
            self.age = 0
            return
        self.age = age


def main():
    var p = Person("Ann", 30)
    print(p.name, p.age)
