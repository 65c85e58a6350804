# S12c: `__init__` with `mut self` (the pre-1.0 habit).
# expect: rejected
# expect-error: 6:18: __init__ method must return Self type with 'out' argument [S12c]

struct Marker:
    def __init__(mut self, n: Int):
        print(n)


def main():
    print("start")
