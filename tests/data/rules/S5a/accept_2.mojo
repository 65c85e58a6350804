# S5a: the fix of reject_2: an explicit `.copy()`.
# fixes: reject_2.mojo
# expect: accepted

@fieldwise_init
struct Song(Copyable):
    var title: String


def play(var s: Song):
    print(s.title)


def main():
    var song = Song("intro")
    play(song.copy())
    print(song.title)
