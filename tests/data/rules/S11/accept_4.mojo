# S11 is off in mojo-24.5: the program of reject_1 is accepted there (it would dangle at run time).
# rules: mojo-24.5
# fixes: reject_1.mojo (same text, older preset)
# model-choice: S11 Off in the earlier presets (docs/semantics.md §4.1)
# expect: accepted

def main():
    var list: List[Int] = [1, 2, 3]
    ref elem = list[0]
    list.append(4)
    print(elem)
