# Older spellings that ownmodel still reads, each with a `deprecated` warning, normalised to Mojo 1.0.
# not-mojo: Mojo 1.0 rejects most of these spellings (`inout`, `owned`, `borrowed` and `fn` were renamed or removed before 1.0); the file exists to exercise ownmodel's aliases
# model-choice: Q2 (`var e = c^` runs the move initializer once)
# expect: accepted
# expect-output:
#   c 2
#   read c
#   copyinit c
#   took c
#   del c
#   moveinit c
#   c 2
#   del c
#   blob moved 8
#   finish 1
#   True True
#   3

from memory import alloc


struct Cell(Copyable, Movable, ImplicitlyDestructible):
    var name: String
    var value: Int

    fn __init__(out self, name: String, value: Int):
        self.name = name
        self.value = value

    fn __copyinit__(out self, existing: Self):
        self.name = existing.name
        self.value = existing.value
        print("copyinit", self.name)

    fn __moveinit__(out self, owned existing: Self):
        self.name = existing.name^
        self.value = existing.value
        print("moveinit", self.name)

    fn __del__(owned self):
        print("del", self.name)


struct Blob(Movable):
    var size: Int

    fn __init__(out self, size: Int):
        self.size = size

    fn __init__(out self, *, deinit take: Self):
        self.size = take.size
        print("blob moved", self.size)


@explicit_destroy("call finish()")
struct Job:
    var id: Int

    fn __init__(out self, id: Int):
        self.id = id

    fn finish(deinit self):
        print("finish", self.id)


@register_passable("trivial")
struct Flag:
    var on: Bool

    fn __init__(out self, on: Bool):
        self.on = on


fn bump(inout cell: Cell):
    cell.value += 1


fn show(borrowed cell: Cell):
    print(cell.name, cell.value)


fn show_read(read cell: Cell):
    print("read", cell.name)


fn take(owned cell: Cell):
    print("took", cell.name)


fn main():
    var c = Cell("c", 1)
    bump(c)
    show(c)
    show_read(c)
    var d = c.copy()
    take(d^)
    var e = c^
    show(e)
    var blob = Blob(8)
    var moved_blob = blob^
    _ = moved_blob
    var job = Job(1)
    job^.finish()
    var f = Flag(True)
    var g = f
    print(f.on, g.on)
    var p = alloc[Int](1)
    p.init_pointee_copy(3)
    print(p[])
    p.free()
