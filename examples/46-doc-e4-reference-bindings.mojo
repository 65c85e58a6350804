# Documented example: a `var` binding copies a List element, a `ref` binding aliases it.
# source: Mojo Manual, "Variables" (mojo/docs/manual/variables.mdx) § "Reference bindings"; reference/mojo-rules.md appendix E.4
# adapted: the page's statements are wrapped in `main`
# expect: accepted
# expect-output:
#   Zebras
#   77
#   78


def main():
    animals: List[String] = ["Cats", "Dogs", "Zebras"]
    print(animals[2])  # Prints "Zebras", does not copy the value.

    items = [99, 77, 33, 12]
    item = items[1]  # item is a copy of items[1]
    item += 1  # increments item
    print(items[1])  # prints 77

    ref item_ref = items[1]  # item_ref is a reference to item[1]
    item_ref += 1  # increments items[1]
    print(items[1])  # prints 78
