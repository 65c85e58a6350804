# Documented example: the destructor runs even for an instance that is never used after it is made.
# source: Mojo Manual, "Initialization" (mojo/docs/manual/lifecycle/initialization.mdx) § "Mojo's default destructor"; reference/mojo-rules.md appendix D.3
# adapted: `__del__` is spelled `__deinit__` (Mojo 1.0); Mojo also warns that `me` is never used
# expect: accepted
# expect-output:
#   destroying contact


@fieldwise_init
struct Contact:
    var name: String
    var email: String

    def __deinit__(deinit self):
        # `self` is initialized
        print("destroying contact")
        # `self` is deinitialized


def main():
    var me = Contact("Alice", "alice@example.com")
    # Last use of `me` (and end of scope)
