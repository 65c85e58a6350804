# S5b: the fix of reject_2: the element type conforms to Copyable.
# fixes: reject_2.mojo
# expect: accepted

@fieldwise_init
struct Token(Copyable):
    var id: Int


def main():
    var xs: List[Token] = [Token(1), Token(2)]
    var ys = xs.copy()
    print(len(xs), len(ys))
