# S9: one String passed to two `mut` parameters of one call.
# expect: rejected
# expect-error: 13:5: argument of 'exchange' call allows writing a memory location previously writable through another aliased argument [S9]

def exchange(mut a: String, mut b: String):
    var t = a^
    a = b^
    b = t^


def main():
    var word = "w"
    exchange(word, word)
    print(word)
