# S2: a method is called on a value whose fields were assigned one by one.
# expect: rejected
# expect-error: 18:5: 'me' used with all fields manually initialized but without calling an '__init__' method [S2]

@fieldwise_init
struct Person:
    var age: Int
    var height: Int

    def describe(self):
        print(self.age, self.height)


def main():
    var me: Person
    me.age = 25
    me.height = 6
    me.describe()
