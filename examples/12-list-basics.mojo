# List[T]: literals, append, indexing, len, element assignment and moving a list.
# expect: accepted
# expect-output:
#   len 5 total 14
#   18 2 8 2 10
#   grace grace!
#   hello ada
#   hello grace
#   moved list has 5 items


def total(xs: List[Int]) -> Int:
    var acc = 0
    for i in range(len(xs)):
        acc += xs[i]
    return acc


def double_all(mut xs: List[Int]):
    for i in range(len(xs)):
        xs[i] *= 2


def main():
    var xs = [3, 1, 4]
    xs.append(1)
    xs.append(5)
    print("len", len(xs), "total", total(xs))
    xs[0] = 9
    double_all(xs)
    print(xs[0], xs[1], xs[2], xs[3], xs[4])
    var names = List[String]()
    names.append("ada")
    names.append("grace")
    # Binding an element to a `var` copies it (String is ImplicitlyCopyable).
    var who = names[1]
    who += "!"
    print(names[1], who)
    for name in names:
        print("hello", name)
    # A List is not ImplicitlyCopyable: it changes hands with `^`.
    var moved = xs^
    print("moved list has", len(moved), "items")
