# W1: the fix of reject_4: the binding is used.
# fixes: reject_4.mojo
# expect: accepted

def main():
    var name = "Ann"
    ref r = name
    print(r)
