# S12c: the fix of reject_2: `out self`.
# fixes: reject_2.mojo
# expect: accepted

struct Marker:
    def __init__(out self, n: Int):
        print(n)


def main():
    print("start")
