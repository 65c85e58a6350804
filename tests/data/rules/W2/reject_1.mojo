# W2: `^` on an Int does nothing; the source stays initialized (Q5).
# model-choice: position: the start of the transferred expression
# expect: accepted
# expect-warning: 8:13: transfer from a value of trivial register type 'Int' has no effect and can be removed [W2]

def main():
    var i = 1
    var j = i^
    print(i, j)
