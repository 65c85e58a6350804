# UnsafePointer[T]: allocate, initialize, read and write, move out, destroy and free by hand.
# expect: accepted
# expect-output:
#   heap value 42
#   taken 42
#   again 84
#   x is 15
#   heap!

from std.memory import UnsafePointer, alloc


def main():
    # Memory from `alloc` starts uninitialized; it must be initialized before use.
    var p = alloc[Int](1)
    p.init_pointee_copy(40)
    p[] += 2
    print("heap value", p[])
    # Moving the value out leaves the memory uninitialized again.
    var v = p.take_pointee()
    print("taken", v)
    p.init_pointee_copy(v * 2)
    print("again", p[])
    p.destroy_pointee()
    p.free()

    # A pointer to an existing variable: no allocation, nothing to free.
    var x = 5
    var px = UnsafePointer(to=x)
    px[] *= 3
    print("x is", x)

    var text = alloc[String](1)
    var word = "heap"
    text.init_pointee_move(word^)
    text[] += "!"
    print(text[])
    text.destroy_pointee()
    text.free()
