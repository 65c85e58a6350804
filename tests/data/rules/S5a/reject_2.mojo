# S5a: a `Copyable` (not ImplicitlyCopyable) struct is passed to a `var` parameter without `^`.
# expect: rejected
# expect-error: 16:10: value of type 'Song' cannot be implicitly copied, it does not conform to 'ImplicitlyCopyable' [S5a]

@fieldwise_init
struct Song(Copyable):
    var title: String


def play(var s: Song):
    print(s.title)


def main():
    var song = Song("intro")
    play(song)
    print(song.title)
