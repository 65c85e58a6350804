# S10c: a `ref` binding to a call's temporary result.
# expect: rejected
# expect-error: 10:13: value of type 'String' doesn't have a memory origin in 'ref' binding [S10c]

def greeting() -> String:
    return "hi"


def main():
    ref r = greeting()
    print(r)
