# S1: the field moved out is re-initialized before the whole value is used (appendix C.5, second program).
# source: reference/mojo-rules.md appendix C.5
# fixes: doc-c5.mojo
# expect: accepted

struct Person:
    var name: String
    var age: Int

    def __init__(out self, name: String, age: Int):
        self.name = name
        self.age = age


def show(p: Person):
    print(p.name, p.age)


def main():
    var me = Person("Connor", 25)
    var name_owner = me.name^
    me.name = "John"
    show(me)
    print(name_owner)
