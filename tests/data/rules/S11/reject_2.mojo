# S11: a pointee reference is used after its OwnedPointer was replaced.
# expect: rejected
# expect-error: 12:11: use of invalidated interior reference 'op["pointee"]' [S11]

from std.memory import OwnedPointer


def main():
    var op = OwnedPointer(1)
    ref v = op[]
    op = OwnedPointer(2)
    print(v, op[])
