# A playlist: a List of songs, a now-playing OwnedPointer, and a counter in raw heap memory.
# model-choice: a List destroys its elements in index order (as the standard library's List destructor does)
# expect: accepted
# expect-output:
#   [intro, theme, outro]
#   total 275
#   now playing theme
#   unload theme
#   now playing outro
#   minutes 3
#   unload intro
#   unload theme
#   unload outro
#   queue cleared
#   unload outro
#   bye

import std.memory
from std.memory import OwnedPointer, UnsafePointer, alloc


@fieldwise_init
struct Song(Copyable):
    var title: String
    var seconds: Int

    def __deinit__(deinit self):
        print("unload", self.title)


def total_seconds(songs: List[Song]) -> Int:
    var total = 0
    for i in range(len(songs)):
        total += songs[i].seconds
    return total


def print_titles(songs: List[Song]):
    print("[", end="")
    for i in range(len(songs)):
        if i > 0:
            print(", ", end="")
        print(songs[i].title, end="")
    print("]")


def main():
    var queue = List[Song]()
    queue.append(Song("intro", 30))
    queue.append(Song("theme", 200))
    queue.append(Song("outro", 45))
    print_titles(queue)
    print("total", total_seconds(queue))
    var now = OwnedPointer(queue[1].copy())
    print("now playing", now[].title)
    # Replacing the boxed song destroys the copy it held.
    now[] = queue[2].copy()
    print("now playing", now[].title)
    var counter = alloc[Int](1)
    counter.init_pointee_copy(0)
    for i in range(len(queue)):
        counter[] = counter[] + queue[i].seconds // 60
    print("minutes", counter[])
    counter.destroy_pointee()
    counter.free()
    _ = queue
    print("queue cleared")
    _ = now
    print("bye")
