# OwnedPointer[T]: a single-owner heap box that destroys its value when it dies.
# expect: accepted
# expect-output:
#   weight 6 doubled 12
#   moved pointer holds renamed
#   free node renamed
#   now holds replacement
#   adopted replacement
#   free node replacement
#   leaf made
#   free node leaf
#   end

from std.memory import OwnedPointer


@fieldwise_init
struct Node(Movable):
    var label: String
    var weight: Int

    def __deinit__(deinit self):
        print("free node", self.label)


def heavier(ptr: OwnedPointer[Node]) -> Int:
    return ptr[].weight * 2


def grow(mut ptr: OwnedPointer[Node]):
    ptr[].weight += 5


def adopt(var ptr: OwnedPointer[Node]):
    print("adopted", ptr[].label)


def main():
    var p = OwnedPointer(Node("root", 1))
    grow(p)
    print("weight", p[].weight, "doubled", heavier(p))
    p[].label = "renamed"
    # The box is move-only: `^` hands the heap value to `q` without copying it.
    var q = p^
    print("moved pointer holds", q[].label)
    # Storing through `q[]` destroys the node it held.
    q[] = Node("replacement", 7)
    print("now holds", q[].label)
    adopt(q^)
    var r = OwnedPointer(Node("leaf", 0))
    print("leaf made")
    _ = r
    print("end")
