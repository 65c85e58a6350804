# S4a: the fix of reject_2: the argument is taken `var`, so the function owns it.
# fixes: reject_2.mojo
# expect: accepted

def consume(var s: String):
    print(s)


def forward(var s: String):
    consume(s^)


def main():
    forward("hi")
