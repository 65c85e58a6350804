# W1: the fix of reject_2: the new value is read.
# fixes: reject_2.mojo
# expect: accepted

def main():
    var count = 1
    print(count)
    count = 2
    print(count)
