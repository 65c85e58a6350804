# S12c: `__init__` with a default-convention `self` (appendix A.14).
# source: reference/mojo-rules.md appendix A.14
# adapted: as a method of a struct without fields, as docs/semantics.md §11
# model-choice: position: the first parameter, whose convention is wrong, as S12a/S12b (Mojo's caret is on the name `__init__`, same line)
# expect: rejected
# expect-error: 9:18: __init__ method must return Self type with 'out' argument [S12c]

struct Marker:
    def __init__(self):
        pass


def main():
    print("start")
