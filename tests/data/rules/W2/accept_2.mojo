# W2: the fix of reject_2: no `^`.
# fixes: reject_2.mojo
# expect: accepted

def greeting() -> String:
    return "hi"


def take_text(var s: String):
    print(s)


def main():
    take_text(greeting())
