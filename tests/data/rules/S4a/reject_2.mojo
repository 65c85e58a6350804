# S4a: a default (immutable) argument is transferred into a `var` parameter.
# expect: rejected
# expect-error: 10:13: cannot transfer out of immutable reference [S4a]

def consume(var s: String):
    print(s)


def forward(s: String):
    consume(s^)


def main():
    forward("hi")
