# Documented example: a field moved out of `mut self` and given a new value before the method returns.
# source: Mojo Manual, "Initialization" (mojo/docs/manual/lifecycle/initialization.mdx) § "Normal methods and moving fields"; reference/mojo-rules.md appendix C.6
# adapted: the page's fixed `move_field` replaces the first, rejected version
# expect: accepted
# expect-output:
#   Name: Ken
#   Name: Scott


@fieldwise_init
struct MyStruct:
    var name: String

    def move_field(mut self, var new_name: String):
        var name = self.name^
        print("Name:", name)  # Prints name
        self.name = new_name^  # reinitialize the name field


def main():
    var instance = MyStruct("Ken")
    instance.move_field("Scott")
    print("Name:", instance.name)  # Prints: "Name: Scott"
