# S12b: the fix of reject_2: no `->` result type.
# fixes: reject_2.mojo
# expect: accepted

def build(n: Int, out result: String):
    result = "x"
    if n > 1:
        result += "y"


def main():
    print(build(2))
