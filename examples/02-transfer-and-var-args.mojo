# Transfer with `^`: a move-only value handed to `var` arguments and other variables.
# expect: accepted
# expect-output:
#   inspect a
#   consume a
#   drop a
#   a is gone
#   moved b into c: b
#   relabelled: b-2
#   consume temp
#   drop temp
#   consume b-2
#   drop b-2
#   end


@fieldwise_init
struct Token(Movable):
    var name: String

    def __deinit__(deinit self):
        print("drop", self.name)


def inspect(token: Token):
    print("inspect", token.name)


def consume(var token: Token):
    # The callee owns `token`; it dies here, after its last use.
    print("consume", token.name)


def relabel(var token: Token, suffix: String) -> Token:
    token.name += suffix
    return token^


def main():
    var a = Token("a")
    inspect(a)
    consume(a^)
    print("a is gone")
    var b = Token("b")
    var c = b^
    print("moved b into c:", c.name)
    var d = relabel(c^, "-2")
    print("relabelled:", d.name)
    # A newly created value needs no `^`: nobody else owns it.
    consume(Token("temp"))
    consume(d^)
    print("end")
