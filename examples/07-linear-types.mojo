# A linear (explicitly destroyed) type: every path must end it with a named destructor.
# expect: accepted
# expect-output:
#   begin t1
#   commit t1 with 2 ops
#   begin t2
#   rollback t2
#   begin t3
#   rollback t3
#   done


@explicit_destroy("call commit() or rollback()")
struct Transaction(Deinitable where False, Movable):
    var name: String
    var ops: Int

    def __init__(out self, name: String):
        self.name = name
        self.ops = 0
        print("begin", self.name)

    def record(mut self):
        self.ops += 1

    def commit(deinit self):
        print("commit", self.name, "with", self.ops, "ops")

    def rollback(deinit self):
        print("rollback", self.name)


def finish(var tx: Transaction, ok: Bool):
    # Both branches consume `tx`; leaving either one out would abandon it.
    if ok:
        tx^.commit()
    else:
        tx^.rollback()


def main():
    var tx = Transaction("t1")
    tx.record()
    tx.record()
    finish(tx^, True)
    finish(Transaction("t2"), False)
    var last = Transaction("t3")
    last^.rollback()
    print("done")
