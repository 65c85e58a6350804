# S12f under mojo-1.0-beta: a trait-less struct is neither copyable nor movable there (appendix B.7; preset difference).
# rules: mojo-1.0-beta
# source: reference/mojo-rules.md appendix B.7
# adapted: `Int` for `UInt8`; a `main`
# expect: rejected
# expect-error: 18:5: cannot synthesize fieldwise init because field 'alpha' has non-copyable and non-movable type 'Alpha' [S12f]

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
