# S12c: the fix of reject_1: `out self`.
# fixes: reject_1.mojo
# expect: accepted

struct Marker:
    def __init__(out self):
        pass


def main():
    print("start")
