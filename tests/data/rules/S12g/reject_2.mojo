# S12g: `deinit` on a parameter of a free function (not `Self` of a struct method).
# model-choice: model text; position: the parameter
# expect: rejected
# expect-error: 6:12: 'deinit' argument must have type 'Self' in a struct method [S12g]

def finish(deinit s: String):
    print(s)


def main():
    var t = "x"
    finish(t^)
