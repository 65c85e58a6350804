# S3b: the fix of reject_1: the method is called after the field is set.
# fixes: reject_1.mojo
# expect: accepted

struct Greeter:
    var name: String

    def __init__(out self, name: String):
        self.name = name
        self.greet()

    def greet(self):
        print("hi", self.name)


def main():
    var g = Greeter("Ann")
    g.greet()
