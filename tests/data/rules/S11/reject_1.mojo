# S11: an element reference is used after `append` may have reallocated the buffer (appendix J.1).
# source: reference/mojo-rules.md appendix J.1
# adapted: `var list: List[Int]` (docs/semantics.md §12.2)
# expect: rejected
# expect-error: 11:11: use of invalidated interior reference 'list["element"]' [S11]

def main():
    var list: List[Int] = [1, 2, 3]
    ref elem = list[0]
    list.append(4)
    print(elem)
