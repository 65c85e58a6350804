# W2: `^` on an rvalue (a call result) does nothing.
# expect: accepted
# expect-warning: 14:15: transfer from an owned value has no effect and can be removed [W2]

def greeting() -> String:
    return "hi"


def take_text(var s: String):
    print(s)


def main():
    take_text(greeting()^)
