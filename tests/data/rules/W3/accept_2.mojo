# W3: the fix of reject_2: `var`.
# fixes: reject_2.mojo
# expect: accepted

def print_str(s: String):
    print(s)


def main():
    var name: String = "Joan"
    print_str(name)
