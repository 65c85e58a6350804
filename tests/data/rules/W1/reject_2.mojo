# W1: a dead store: the value assigned last is never read.
# expect: accepted
# expect-warning: 8:13: assignment to 'count' was never used; assign to '_' instead? [W1]

def main():
    var count = 1
    print(count)
    count = 2
