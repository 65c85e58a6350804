# A List of Copyable structs: explicit element copies, replacing an element, and the list's death.
# model-choice: a List destroys its elements in index order (as the standard library's List destructor does)
# expect: accepted
# expect-output:
#   copy item bolt
#   del item nut
#   item bolt 7
#   item washer 2
#   del item bolt
#   del item washer
#   snapshot bolt 10
#   del item bolt


struct Item(Copyable):
    var name: String
    var qty: Int

    def __init__(out self, name: String, qty: Int):
        self.name = name
        self.qty = qty

    def __init__(out self, *, copy: Self):
        self.name = copy.name
        self.qty = copy.qty
        print("copy item", self.name)

    def __deinit__(deinit self):
        print("del item", self.name)


def main():
    var items = List[Item]()
    items.append(Item("bolt", 10))
    var nut = Item("nut", 5)
    items.append(nut^)
    # Elements are not ImplicitlyCopyable: reading one out needs `.copy()`.
    var snapshot = items[0].copy()
    items[0].qty -= 3
    # Storing into an element destroys the value it held.
    items[1] = Item("washer", 2)
    for i in range(len(items)):
        print("item", items[i].name, items[i].qty)
    _ = items
    print("snapshot", snapshot.name, snapshot.qty)
