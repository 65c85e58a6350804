# S8: the fix of reject_3: the value is released by its `deinit` method.
# fixes: reject_3.mojo
# expect: accepted

struct Handle(Deinitable where False):
    var fd: Int

    def __init__(out self, fd: Int):
        self.fd = fd

    def release(deinit self):
        print("released", self.fd)


def main():
    var h = Handle(3)
    print(h.fd)
    h^.release()
