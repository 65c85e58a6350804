# S2: the fix of reject_2: the value is built by its (synthesized) initializer.
# fixes: reject_2.mojo
# expect: accepted

@fieldwise_init
struct Person:
    var age: Int
    var height: Int

    def describe(self):
        print(self.age, self.height)


def main():
    var me = Person(25, 6)
    me.describe()
