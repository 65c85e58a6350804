# Lifetimes in loops: per-iteration values, a value used by the loop, and a move re-initialized each round.
# model-choice: Q12 (a value declared before a loop and used in its body dies when the loop exits)
# expect: accepted
# expect-output:
#   issued 0 to guest
#   void ticket 0
#   issued 1 to guest
#   void ticket 1
#   issued 2 to guest
#   void ticket 2
#   check staff 0
#   check staff 1
#   void ticket 100
#   loop over
#   round 0
#   consume 1 rot
#   void ticket 1
#   round 1
#   consume 11 rot
#   void ticket 11
#   final 21 rot
#   void ticket 21
#   kept 0 loop
#   void ticket 0
#   kept 2 loop
#   void ticket 2


@fieldwise_init
struct Ticket(Movable):
    var id: Int
    var owner: String

    def __deinit__(deinit self):
        print("void ticket", self.id)


def consume_ticket(var t: Ticket):
    print("consume", t.id, t.owner)


def main():
    for i in range(3):
        # A fresh value in every iteration, dead at its last use in that iteration.
        var t = Ticket(i, "guest")
        print("issued", t.id, "to", t.owner)
    var badge = Ticket(100, "staff")
    var n = 0
    while n < 2:
        print("check", badge.owner, n)
        n += 1
    print("loop over")
    var current = Ticket(1, "rot")
    for k in range(2):
        print("round", k)
        var next_id = current.id + 10
        consume_ticket(current^)
        # Moved out above; it must hold a value again before the next iteration reads it.
        current = Ticket(next_id, "rot")
    print("final", current.id, current.owner)
    for i in range(5):
        if i == 1:
            continue
        if i == 3:
            break
        var kept = Ticket(i, "loop")
        print("kept", kept.id, kept.owner)
