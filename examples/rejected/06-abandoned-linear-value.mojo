# Rejected: a value of an explicitly destroyed type reaches the end of its life without a named destructor.
# source: Mojo Manual, "Death of a value" (mojo/docs/manual/lifecycle/death.mdx) § "Building explicit destruction"; reference/mojo-rules.md appendix D.7
# adapted: the Mojo 1.0 form (`Deinitable where False`); `write_to_disk` is replaced by a print; a `main` is added
# expect: rejected
# expect-error: 30:9: 'buffer' abandoned without being explicitly destroyed: Must call save_and_close() or discard() [S8]


@explicit_destroy("Must call save_and_close() or discard()")
struct FileBuffer(Deinitable where False):
    var path: String
    var data: String

    def __init__(out self, path: String):
        self.path = path
        self.data = ""

    def write(mut self, content: String):
        self.data += content

    # Choose one cleanup path from these two options
    def save_and_close(deinit self) raises:
        print("saving", self.path, self.data)

    def discard(deinit self):
        # Abandon buffered data without writing
        pass


def broken_write(path: String, message: String):
    var buffer = FileBuffer(path)
    buffer.write(message)


def main():
    broken_write("notes.txt", "hello")
