# A struct that owns heap memory through an UnsafePointer field and manages its pointee by hand.
# expect: accepted
# expect-output:
#   slot holds alpha
#   copy widget alpha
#   took out alpha
#   del widget alpha
#   del widget beta
#   slot now holds beta
#   spare holds alpha
#   del widget alpha
#   end

from std.memory import UnsafePointer, alloc


@fieldwise_init
struct Widget(Copyable):
    var name: String

    def __init__(out self, *, copy: Self):
        self.name = copy.name
        print("copy widget", self.name)

    def __deinit__(deinit self):
        print("del widget", self.name)


struct Slot(Movable):
    var ptr: UnsafePointer[Widget, MutUntrackedOrigin]

    def __init__(out self, var widget: Widget):
        self.ptr = alloc[Widget](1)
        self.ptr.init_pointee_move(widget^)

    def get_name(self) -> String:
        return self.ptr[].name

    def swap_in(mut self, var widget: Widget) -> Widget:
        var old = self.ptr.take_pointee()
        self.ptr.init_pointee_move(widget^)
        return old^

    def __deinit__(deinit self):
        # A pointer owns nothing: the destructor must end the pointee and free the memory.
        self.ptr.destroy_pointee()
        self.ptr.free()


def main():
    var slot = Slot(Widget("alpha"))
    print("slot holds", slot.get_name())
    var old = slot.swap_in(Widget("beta"))
    var spare = alloc[Widget](1)
    spare.init_pointee_copy(old)
    print("took out", old.name)
    # `slot` dies right after `get_name()` returns (its last use), before `print` runs.
    print("slot now holds", slot.get_name())
    print("spare holds", spare[].name)
    spare.destroy_pointee()
    spare.free()
    print("end")
