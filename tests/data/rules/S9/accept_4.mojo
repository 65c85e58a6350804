# S9 under mojo-24.5: the program of reject_1 is accepted with a warning, exclusivity was a warning in 24.5 (preset difference).
# rules: mojo-24.5
# fixes: reject_1.mojo (same text, older preset)
# expect: accepted
# expect-warning: 14:5: argument of 'append_twice' call allows reading a memory location previously writable through another aliased argument [S9]

def append_twice(mut s: String, other: String):
    s += other
    s += other


def main():
    var my_string = "o"
    append_twice(my_string, my_string)
    print(my_string)
