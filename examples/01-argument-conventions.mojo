# Every argument convention of a `def`, on Int and String values.
# expect: accepted
# expect-output:
#   n = 41
#   after bump: 42
#   imm: mojo
#   mojo! mojo
#   hello, mojo
#   twice: 84
#   value is 42


def show(label: String, value: Int):
    # Default convention: an immutable reference (an Int travels by copy).
    print(label, value)


def show_explicit(imm text: String):
    # `imm` is the explicit spelling of the default convention.
    print("imm:", text)


def bump(mut counter: Int):
    # `mut`: a mutable reference to the caller's variable.
    counter += 1


def shout(var text: String) -> String:
    # `var`: the callee owns its own String and may change it freely.
    text += "!"
    return text^


def make_greeting(name: String, out greeting: String):
    # `out`: an uninitialized result slot; the caller never passes it.
    greeting = "hello, "
    greeting += name


def twice(ref value: Int) -> Int:
    # `ref`: the origin and mutability are inferred from the argument.
    return value * 2


def describe(ref[_] value: Int):
    # `ref[_]`: an explicit but unbound origin, the same as a bare `ref`.
    print("value is", value)


def main():
    var n = 41
    show("n =", n)
    bump(n)
    show("after bump:", n)
    var word = "mojo"
    show_explicit(word)
    # `word` is still used below, so `shout` receives a copy of it.
    var loud = shout(word)
    print(loud, word)
    var greeting = make_greeting(word)
    print(greeting)
    print("twice:", twice(n))
    describe(n)
