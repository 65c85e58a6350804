# Documented example: a List passed by immutable reference.
# source: Mojo Manual, "Ownership" (mojo/docs/manual/values/ownership.mdx) § "Immutable arguments (default)"; reference/mojo-rules.md appendix A.2
# adapted: the page prints `list.__str__()`; this version prints the elements in the same format
# expect: accepted
# expect-output:
#   [1, 2, 3, 4]


def print_list(list: List[Int]):
    print("[", end="")
    for i in range(len(list)):
        if i > 0:
            print(", ", end="")
        print(list[i], end="")
    print("]")


def main():
    var values = [1, 2, 3, 4]
    print_list(values)
