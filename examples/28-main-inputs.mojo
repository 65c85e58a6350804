# One program standing for many paths: `main` takes an Int and a Bool input.
# not-mojo: `main` has parameters, an ownmodel extension (DESIGN.md §2 "Inputs"); real Mojo's `main` takes none
# expect: accepted
# inputs: n=4 verbose=True
# expect-output:
#   step 0 0
#   step 1 1
#   step 2 5
#   step 3 14
#   big 14
# inputs: n=2 verbose=False
# expect-output:
#   small 1
# inputs: n=0 verbose=True
# expect-output:
#   empty


def main(n: Int, verbose: Bool):
    var acc = 0
    for i in range(n):
        acc += i * i
        if verbose:
            print("step", i, acc)
    if acc > 10:
        print("big", acc)
    elif acc > 0:
        print("small", acc)
    else:
        print("empty")
