# S11: appending to the list that an element reference points into.
# expect: rejected
# expect-error: 15:11: use of invalidated interior reference 'pair.right["element"]' [S11]

@fieldwise_init
struct Two:
    var left: List[Int]
    var right: List[Int]


def main():
    var pair = Two([1], [2])
    ref e = pair.right[0]
    pair.right.append(3)
    print(e)
    print(len(pair.left), len(pair.right))
