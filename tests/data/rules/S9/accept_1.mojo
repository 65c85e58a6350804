# S9: the fix of reject_1: the second argument is a separate copy.
# fixes: reject_1.mojo
# expect: accepted

def append_twice(mut s: String, other: String):
    s += other
    s += other


def main():
    var my_string = "o"
    var other = my_string
    append_twice(my_string, other)
    print(my_string)
