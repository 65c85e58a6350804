# S1: a value moved inside a loop body is uninitialized on the second iteration (back edge).
# expect: rejected
# expect-error: 13:17: use of uninitialized value 's' [S1]

def consume(var s: String):
    print(s)


def run(n: Int):
    var s = "item"
    for i in range(n):
        print(i)
        consume(s^)


def main():
    run(3)
