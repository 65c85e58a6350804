# if/elif/else, while, for over range, break, continue and pass.
# expect: accepted
# expect-output:
#   -1 negative
#   0 zero
#   1 odd
#   2 even
#   multiple of 3: 0
#   multiple of 3: 3
#   multiple of 3: 6
#   multiple of 3: 9
#   skipped 6
#   first multiple of 4 up to 10: 4
#   countdown 3
#   countdown 2
#   countdown 1
#   found 2


def classify(n: Int) -> String:
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n % 2 == 0:
        return "even"
    else:
        return "odd"


def first_multiple(limit: Int, factor: Int) -> Int:
    var i = 1
    while i <= limit:
        if i % factor == 0:
            break
        i += 1
    return i


def main():
    for n in range(-1, 3):
        print(n, classify(n))
    var skipped = 0
    for i in range(10):
        if i % 3 != 0:
            skipped += 1
            continue
        print("multiple of 3:", i)
    print("skipped", skipped)
    print("first multiple of 4 up to 10:", first_multiple(10, 4))
    var countdown = 3
    while countdown > 0:
        print("countdown", countdown)
        countdown -= 1
    if countdown == 0:
        pass
    else:
        print("unreachable")
    var found = False
    for i in range(5):
        for j in range(5):
            if i * j == 6:
                found = True
                break
        if found:
            print("found", i)
            break
