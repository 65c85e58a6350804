# S5a under mojo-24.5: the program of reject_2 is accepted, `Copyable` alone allowed implicit copies (preset difference).
# rules: mojo-24.5
# fixes: reject_2.mojo (same text, older preset)
# expect: accepted

@fieldwise_init
struct Song(Copyable):
    var title: String


def play(var s: Song):
    print(s.title)


def main():
    var song = Song("intro")
    play(song)
    print(song.title)
