# S4c: `^` on a List element, which the function does not own.
# model-choice: the compiler's text for `vararg[1]^` is used for every non-rooted place (docs/semantics.md S4c)
# expect: rejected
# expect-error: 8:13: expression does not designate a value with an origin [S4c]

def main():
    var xs: List[String] = ["a"]
    var s = xs[0]^
    print(s)
