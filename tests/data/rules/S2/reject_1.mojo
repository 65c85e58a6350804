# S2: every field assigned by hand, then the value is passed as a whole (appendix C.2).
# source: reference/mojo-rules.md appendix C.2
# adapted: `show(me)` for `print(me)`
# expect: rejected
# expect-error: 20:10: 'me' used with all fields manually initialized but without calling an '__init__' method [S2]

struct Person:
    var age: Int
    var height: Int


def show(p: Person):
    print(p.age, p.height)


def main():
    var me: Person
    me.age = 25
    me.height = 6
    show(me)
