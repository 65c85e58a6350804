# S10c: the fix of reject_1: the value is stored in a variable, and the binding refers to it.
# fixes: reject_1.mojo
# expect: accepted

def main():
    var n = 5
    ref r = n
    print(r)
