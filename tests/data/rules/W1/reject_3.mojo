# W1: a declared variable that is never used.
# expect: accepted
# expect-warning: 6:9: variable 'total' was never used, remove it? [W1]

def main():
    var total: Int
    print("done")
