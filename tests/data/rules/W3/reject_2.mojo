# W3: a typed declaration without `var` (appendix E.1).
# source: reference/mojo-rules.md appendix E.1 (docs/semantics.md §11: accepted, W3)
# expect: accepted
# expect-warning: 11:5: implicit declaration of 'name' is deprecated; add 'var' before the name [W3]

def print_str(s: String):
    print(s)


def main():
    name: String = "Joan"
    print_str(name)
