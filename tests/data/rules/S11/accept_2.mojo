# S11: the fix of reject_2: the reference is used before the owner is replaced.
# fixes: reject_2.mojo
# expect: accepted

from std.memory import OwnedPointer


def main():
    var op = OwnedPointer(1)
    ref v = op[]
    print(v)
    op = OwnedPointer(2)
    print(op[])
