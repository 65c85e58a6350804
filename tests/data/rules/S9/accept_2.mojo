# S9: the fix of reject_2: two distinct variables.
# fixes: reject_2.mojo
# expect: accepted

def exchange(mut a: String, mut b: String):
    var t = a^
    a = b^
    b = t^


def main():
    var word = "w"
    var other = "v"
    exchange(word, other)
    print(word, other)
