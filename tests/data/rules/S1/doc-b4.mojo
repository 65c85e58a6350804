# S1: the commented line of appendix B.4: a field read after its struct was moved with `^`.
# source: reference/mojo-rules.md appendix B.4 (the line `# print(a.name)` uncommented)
# expect: rejected
# expect-error: 17:11: use of uninitialized value 'a' [S1]

@fieldwise_init
struct MyPet(Copyable):
    var name: String
    var age: Int


def moves():
    var a = MyPet("Bobo", 2)
    print(a.name)
    var b = a^
    print(b.name)
    print(a.name)


def main():
    moves()
