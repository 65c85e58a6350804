# S5a: the fix of reject_3: `return xs^`.
# fixes: reject_3.mojo
# expect: accepted

def make() -> List[Int]:
    var xs: List[Int] = [1, 2]
    xs.append(3)
    return xs^


def main():
    print(make())
