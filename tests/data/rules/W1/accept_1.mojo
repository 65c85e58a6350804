# W1: the fix of reject_1: the value is read.
# fixes: reject_1.mojo
# expect: accepted

def main():
    var unused = "I'm an unused string!"
    var n = 42
    print(n, unused)
