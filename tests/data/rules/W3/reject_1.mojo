# W3: a variable declared by its first assignment (appendix E.7's style).
# expect: accepted
# expect-warning: 6:5: implicit declaration of 'num' is deprecated; add 'var' before the name [W3]

def main():
    num = 1
    print(num)
