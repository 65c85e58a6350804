# S8: a linear type without an `@explicit_destroy` message: the model's generic text.
# model-choice: model text after [DEATH]'s generic wording (docs/semantics.md S8)
# expect: rejected
# expect-error: 17:9: 'h' abandoned without being explicitly destroyed: Unhandled explicitly destroyed type Handle [S8]

struct Handle(Deinitable where False):
    var fd: Int

    def __init__(out self, fd: Int):
        self.fd = fd

    def release(deinit self):
        print("released", self.fd)


def main():
    var h = Handle(3)
    print(h.fd)
