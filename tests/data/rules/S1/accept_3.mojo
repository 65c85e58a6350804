# S1: the fix of reject_3: the moved value is re-initialized before the back edge.
# fixes: reject_3.mojo
# expect: accepted

def consume(var s: String):
    print(s)


def run(n: Int):
    var s = "item"
    for i in range(n):
        print(i)
        consume(s^)
        s = "again"


def main():
    run(3)
