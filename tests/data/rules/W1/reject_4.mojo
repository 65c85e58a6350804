# W1: a `ref` binding that is never used.
# expect: accepted
# expect-warning: 7:9: ref 'r' was never used, remove it? [W1]

def main():
    var name = "Ann"
    ref r = name
    print(name)
