# S12b: an `out` parameter after another parameter, with a `-> String` result.
# expect: rejected
# expect-error: 5:19: function cannot have both an 'out' argument and an explicit result type [S12b]

def build(n: Int, out result: String) -> String:
    result = "x"
    if n > 1:
        result += "y"


def main():
    print(build(2))
