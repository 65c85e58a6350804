# S4c: the fix of reject_2: the referent is copied through the binding.
# fixes: reject_2.mojo
# expect: accepted

def main():
    var name = "Ann"
    ref r = name
    var moved = r
    print(moved)
