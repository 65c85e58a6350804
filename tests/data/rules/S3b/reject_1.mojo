# S3b: a method is called on `self` before every field is set (appendix C.4).
# source: reference/mojo-rules.md appendix C.4
# model-choice: message: the S1 form naming the missing field (docs/semantics.md S3b); the manual says `self not fully initialized`
# expect: rejected
# expect-error: 11:9: use of uninitialized value 'self.name' [S3b]

struct Greeter:
    var name: String

    def __init__(out self, name: String):
        self.greet()
        self.name = name

    def greet(self):
        print("hi", self.name)


def main():
    var g = Greeter("Ann")
    g.greet()
