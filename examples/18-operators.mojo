# Integer and Boolean operators, comparisons, precedence and the in-place operators.
# expect: accepted
# expect-output:
#   22 12 85 3 2
#   -4 3
#   -24
#   True False True False True False
#   True False
#   1028
#   16
#   11
#   20
#   True


def main():
    var a = 17
    var b = 5
    print(a + b, a - b, a * b, a // b, a % b)
    # `//` rounds toward negative infinity and `%` takes the sign of the divisor.
    print(-a // b, -a % b)
    print(-(a - b) * 2)
    print(a > b, a < b, a == 17, b != 5, a >= 17, b <= 4)
    var inside = a > 10 and a < 20
    var outside = not inside or b == 0
    print(inside, outside)
    var flags = 0b101 + 0x10 + 0o7 + 1_000
    print(flags)
    var x = 100
    x -= 1
    x *= 2
    x //= 3
    x %= 50
    print(x)
    print(2 + 3 * 4 - 10 // 3)
    print((2 + 3) * 4)
    print(not (a < b) and True)
