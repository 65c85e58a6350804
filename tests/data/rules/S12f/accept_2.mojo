# S12f under mojo-1.0: appendix B.7 is accepted, structs are Movable by default (docs/semantics.md §11).
# source: reference/mojo-rules.md appendix B.7
# fixes: reject_2.mojo (same text, default preset)
# expect: accepted

@fieldwise_init
struct Alpha:
    var a: Int


@fieldwise_init
struct Color:
    var r: Int
    var g: Int
    var b: Int
    var alpha: Alpha


def main():
    var a = Alpha(2)
    print(a.a)
