# Named destructors (`deinit self`), forwarding a consumed value, and a `deinit` argument.
# expect: accepted
# expect-output:
#   merged extra into log
#   into_data log
#   text: ab
#   closing temp
#   discard temp
#   plain made
#   del plain


@fieldwise_init
struct Buffer(Movable):
    var name: String
    var data: String

    def append(mut self, text: String):
        self.data += text

    def into_data(deinit self) -> String:
        # A named destructor: `self` is consumed and its fields may be moved out.
        # `__deinit__` does not run for it.
        print("into_data", self.name)
        return self.data^

    def discard(deinit self):
        print("discard", self.name)

    def close(deinit self):
        print("closing", self.name)
        # Hand the whole consumed value on to another named destructor.
        self^.discard()

    def merge(mut self, deinit other: Self):
        # `deinit` on another argument of the enclosing type: `other` is consumed.
        self.data += other.data
        print("merged", other.name, "into", self.name)

    def __deinit__(deinit self):
        print("del", self.name)


def main():
    var log = Buffer("log", "")
    log.append("a")
    var extra = Buffer("extra", "b")
    log.merge(extra^)
    var text = log^.into_data()
    print("text:", text)
    var temp = Buffer("temp", "")
    temp^.close()
    var plain = Buffer("plain", "")
    print("plain made")
    plain.append("z")
