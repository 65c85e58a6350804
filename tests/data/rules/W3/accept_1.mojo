# W3: the fix of reject_1: `var`.
# fixes: reject_1.mojo
# expect: accepted

def main():
    var num = 1
    print(num)
