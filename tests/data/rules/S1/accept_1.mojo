# S1: the fix of reject_1: the argument is an implicit copy, so `message` stays initialized.
# fixes: reject_1.mojo
# expect: accepted

def take_text(var text: String):
    print(text)


def main():
    var message = "Hello"
    take_text(message)
    print(message)
