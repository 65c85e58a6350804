# ASAP destruction: each value dies right after the sub-expression holding its last use.
# expect: accepted
# expect-output:
#   using first
#   del first
#   using second
#   del second
#   del unused
#   after unused
#   slot holds old
#   del old
#   slot holds new
#   del new
#   del discarded
#   after discard
#   kept is not used here
#   nor here
#   del kept
#   del counter
#   count is 2
#   end


@fieldwise_init
struct Loud(Movable):
    var name: String
    var count: Int

    def bump(mut self):
        self.count += 1

    def get(self) -> Int:
        return self.count

    def __deinit__(deinit self):
        print("del", self.name)


def make(name: String) -> Loud:
    return Loud(name, 0)


def main():
    var first = Loud("first", 0)
    var second = Loud("second", 0)
    print("using", first.name)
    # `first` is already gone here: the line above was its last use.
    print("using", second.name)
    # Never used, so destroyed as soon as it is created.
    var unused = Loud("unused", 0)
    print("after unused")
    var slot = Loud("old", 0)
    print("slot holds", slot.name)
    # The old value died after its last use above, before this assignment.
    slot = Loud("new", 0)
    print("slot holds", slot.name)
    _ = make("discarded")
    print("after discard")
    var kept = Loud("kept", 0)
    print("kept is not used here")
    print("nor here")
    # `_ = kept` is the last use: the destructor runs right after this line.
    _ = kept
    var counter = Loud("counter", 0)
    counter.bump()
    counter.bump()
    # The last use is the call `counter.get()`, which returns an Int; `counter`
    # dies right after that call, before `print` runs.
    print("count is", counter.get())
    print("end")
