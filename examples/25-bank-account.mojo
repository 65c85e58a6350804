# Bank accounts: mutating methods, a raising transfer between two distinct accounts, and a history list.
# expect: accepted
# expect-output:
#   transfer failed: insufficient funds
#   statement for alice
#   entry 100
#   entry -30
#   balance 70
#   closing account of alice
#   statement for bob
#   entry 20
#   entry 30
#   balance 50
#   closing account of bob


struct Account(Movable):
    var owner: String
    var balance: Int
    var history: List[Int]

    def __init__(out self, owner: String, opening: Int):
        self.owner = owner
        self.balance = opening
        self.history = [opening]

    def deposit(mut self, amount: Int):
        self.balance += amount
        self.history.append(amount)

    def withdraw(mut self, amount: Int) raises:
        if amount > self.balance:
            raise Error("insufficient funds")
        self.balance -= amount
        self.history.append(-amount)

    def statement(self):
        print("statement for", self.owner)
        for i in range(len(self.history)):
            print("entry", self.history[i])
        print("balance", self.balance)

    def __deinit__(deinit self):
        print("closing account of", self.owner)


def transfer(mut source: Account, mut target: Account, amount: Int) raises:
    # Two `mut` arguments: the caller must pass two different accounts.
    source.withdraw(amount)
    target.deposit(amount)


def main():
    var alice = Account("alice", 100)
    var bob = Account("bob", 20)
    try:
        transfer(alice, bob, 30)
        transfer(bob, alice, 500)
        print("not reached")
    except e:
        print("transfer failed:", e)
    alice.statement()
    bob.statement()
