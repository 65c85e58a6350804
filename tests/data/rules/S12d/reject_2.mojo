# S12d: `return value` of an `out` Int (the compiler test `bad_named_return2`).
# expect: rejected
# expect-error: 7:5: 'out' argument cannot be returned by name; remove the return statement entirely or change it to just 'return' [S12d]

def answer(out value: Int):
    value = 42
    return value


def main():
    print(answer())
