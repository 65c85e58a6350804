# S10c: a `ref` binding to an integer literal.
# expect: rejected
# expect-error: 6:13: value of type 'Int' doesn't have a memory origin in 'ref' binding [S10c]

def main():
    ref r = 5
    print(r)
