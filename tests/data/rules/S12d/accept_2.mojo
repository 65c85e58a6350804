# S12d: the fix of reject_2: the `return` statement is removed.
# fixes: reject_2.mojo
# expect: accepted

def answer(out value: Int):
    value = 42


def main():
    print(answer())
