# Declaring a variable before giving it a value, on every path, and shadowing in a block.
# expect: accepted
# expect-output:
#   total 30
#   B A C
#   late init
#   inner 2
#   outer 1


def grade(score: Int) -> String:
    var letter: String
    # Every branch initializes `letter`, so it is initialized after the `if`.
    if score >= 90:
        letter = "A"
    elif score >= 75:
        letter = "B"
    else:
        letter = "C"
    return letter


def main():
    var total: Int
    total = 0
    for s in range(3):
        total += s * 10
    print("total", total)
    # A declaration with a type and a value but without `var`.
    limit: Int = 85
    print(grade(limit), grade(95), grade(10))
    var message: String
    message = "late"
    message += " init"
    print(message)
    var outer = 1
    if outer == 1:
        # A new variable that shadows `outer` until the end of this block.
        var outer = 2
        print("inner", outer)
    print("outer", outer)
