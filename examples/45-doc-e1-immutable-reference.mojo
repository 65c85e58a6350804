# Documented example: a String passed by immutable reference.
# source: Mojo Manual, "Lifetimes, origins, and references" (mojo/docs/manual/values/lifetimes.mdx) § page introduction; reference/mojo-rules.md appendix E.1
# expect: accepted
# expect-output:
#   Joan


def print_str(s: String):
    print(s)


def main():
    name: String = "Joan"
    print_str(name)
