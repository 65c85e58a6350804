# S3a: the fix of reject_1: every field is initialized.
# fixes: reject_1.mojo
# expect: accepted

struct Person:
    var name: String
    var age: Int

    def __init__(out self, name: String, age: Int):
        self.name = name
        self.age = age


def main():
    var p = Person("Ann", 30)
    print(p.name, p.age)
