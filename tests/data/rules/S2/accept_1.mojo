# S2: the fix of reject_1: only the fields are read, which a fieldwise-initialized value allows.
# fixes: reject_1.mojo
# expect: accepted

struct Person:
    var age: Int
    var height: Int


def show(p: Person):
    print(p.age, p.height)


def main():
    var me: Person
    me.age = 25
    me.height = 6
    print(me.age, me.height)
