# Rejected: one variable passed to two `mut` parameters of the same call.
# expect: rejected
# expect-error: 14:5: argument of 'exchange' call allows writing a memory location previously writable through another aliased argument [S9]


def exchange(mut a: String, mut b: String):
    var tmp = a^
    a = b^
    b = tmp^


def main():
    var word = "left"
    exchange(word, word)
    print(word)
