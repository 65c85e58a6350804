# Reference bindings (`ref r = place`) and functions returning `ref[origin] T`.
# expect: accepted
# expect-output:
#   x = 11
#   pair.left = left
#   105 60 7
#   apple bananas
#   picked apple


@fieldwise_init
struct Pair(Movable):
    var left: String
    var right: String


def pick(first: Bool, ref a: String, ref b: String) -> ref[a, b] String:
    # The result may refer to either argument, so its origin is their union.
    if first:
        return a
    return b


def front(ref xs: List[Int]) -> ref[xs] Int:
    return xs[0]


def main():
    var x = 1
    ref rx = x
    rx += 10
    print("x =", x)
    var pair = Pair("l", "r")
    ref left = pair.left
    left += "eft"
    print("pair.left =", pair.left)
    var nums = [5, 6, 7]
    ref second = nums[1]
    second = 60
    ref head = front(nums)
    head += 100
    print(nums[0], nums[1], nums[2])
    var a = "apple"
    var b = "banana"
    # Both arguments are mutable, so the returned reference is mutable too.
    ref chosen = pick(False, a, b)
    chosen += "s"
    print(a, b)
    print("picked", pick(True, a, b))
