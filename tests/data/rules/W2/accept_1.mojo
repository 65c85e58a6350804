# W2: the fix of reject_1: a plain copy.
# fixes: reject_1.mojo
# expect: accepted

def main():
    var i = 1
    var j = i
    print(i, j)
