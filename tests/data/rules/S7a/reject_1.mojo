# S7a: a field moved out of `mut self` is not restored before the implicit return (appendix C.6).
# source: reference/mojo-rules.md appendix C.6
# adapted: `new_name` is printed so that it is used
# model-choice: position: an implicit return is reported at the `def` of the function
# expect: rejected
# expect-error: 12:5: 'self.name' is uninitialized at the implicit return from this function [S7a]

@fieldwise_init
struct MyStruct:
    var name: String

    def move_field(mut self, var new_name: String):
        var name = self.name^
        print("Name:", name, new_name)


def main():
    var instance = MyStruct("Ken")
    instance.move_field("Scott")
    print("Name:", instance.name)
