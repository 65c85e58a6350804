# W3 is off in mojo-24.5: the program of reject_1 has no warning there.
# rules: mojo-24.5
# fixes: reject_1.mojo (same text, older preset)
# expect: accepted

def main():
    num = 1
    print(num)
