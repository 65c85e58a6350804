# S7a: the fix of reject_1 (appendix C.6's fixed version): the field is restored.
# fixes: reject_1.mojo
# expect: accepted

@fieldwise_init
struct MyStruct:
    var name: String

    def move_field(mut self, var new_name: String):
        var name = self.name^
        print("Name:", name)
        self.name = new_name^


def main():
    var instance = MyStruct("Ken")
    instance.move_field("Scott")
    print("Name:", instance.name)
