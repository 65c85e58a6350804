# S11: the fix of reject_3: appending to the other field does not invalidate the reference (field-sensitivity).
# fixes: reject_3.mojo
# expect: accepted

@fieldwise_init
struct Two:
    var left: List[Int]
    var right: List[Int]


def main():
    var pair = Two([1], [2])
    ref e = pair.right[0]
    pair.left.append(3)
    print(e)
    print(len(pair.left), len(pair.right))
