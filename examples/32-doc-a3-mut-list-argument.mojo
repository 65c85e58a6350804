# Documented example: a `mut` List argument changes the caller's list.
# source: Mojo Manual, "Ownership" (mojo/docs/manual/values/ownership.mdx) § "Mutable arguments (`mut`)"; reference/mojo-rules.md appendix A.3
# adapted: the page prints `list.__str__()`; this version prints the elements in the same format
# expect: accepted
# expect-output:
#   [1, 2, 3, 4, 5]


def print_list(list: List[Int]):
    print("[", end="")
    for i in range(len(list)):
        if i > 0:
            print(", ", end="")
        print(list[i], end="")
    print("]")


def mutate(mut l: List[Int]):
    l.append(5)


def main():
    var values = [1, 2, 3, 4]

    mutate(values)
    print_list(values)
