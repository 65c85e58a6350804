# An inventory: a List of Copyable products, an ImplicitlyCopyable price, and settings in an OwnedPointer.
# expect: accepted
# expect-output:
#   bolt 4 LOW
#   nut 40
#   value 500 EUR
#   local nut stock 0

from std.collections import List
from std.memory import OwnedPointer


@fieldwise_init
struct Price(ImplicitlyCopyable):
    var cents: Int


@fieldwise_init
struct Product(Copyable):
    var name: String
    var price: Price
    var stock: Int


@fieldwise_init
struct Settings(Movable):
    var low_stock: Int
    var currency: String


struct Inventory(Movable):
    var products: List[Product]
    var settings: OwnedPointer[Settings]

    def __init__(out self, var settings: Settings):
        self.products = List[Product]()
        self.settings = OwnedPointer(settings^)

    def add(mut self, var product: Product):
        self.products.append(product^)

    def restock(mut self, index: Int, amount: Int):
        self.products[index].stock += amount

    def report(self):
        var low = self.settings[].low_stock
        for i in range(len(self.products)):
            ref p = self.products[i]
            if p.stock < low:
                print(p.name, p.stock, "LOW")
            else:
                print(p.name, p.stock)

    def total_value(self) -> Int:
        var total = 0
        for i in range(len(self.products)):
            # Price is ImplicitlyCopyable: binding it to a `var` copies it silently.
            var unit = self.products[i].price
            total += unit.cents * self.products[i].stock
        return total


def main():
    var inv = Inventory(Settings(5, "EUR"))
    inv.add(Product("bolt", Price(25), 3))
    var nut = Product("nut", Price(10), 40)
    # The inventory gets its own copy; the local product stays ours.
    inv.add(nut.copy())
    nut.stock = 0
    inv.restock(0, 1)
    inv.report()
    print("value", inv.total_value(), inv.settings[].currency)
    print("local nut stock", nut.stock)
