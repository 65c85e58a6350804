# S1: a value with a field moved out is used as a whole (appendix C.5, first program).
# source: reference/mojo-rules.md appendix C.5
# adapted: `show(me)` for `print(me)` (Person is not Writable); `print(name_owner)` so that it is used
# model-choice: the message names the missing field `me.name` (compiler tests), not `me` as the manual's comment does (docs/semantics.md §12.6)
# expect: rejected
# expect-error: 24:10: use of uninitialized value 'me.name' [S1]

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
    show(me)
    print(name_owner)
