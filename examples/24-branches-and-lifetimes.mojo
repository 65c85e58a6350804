# Destruction on each path of a branch; `main` takes its inputs as parameters.
# not-mojo: `main` has parameters, an ownmodel extension (DESIGN.md §2 "Inputs"); real Mojo's `main` takes none
# model-choice: Q12 (a value used in one branch only dies at the start of the other branch)
# expect: accepted
# inputs: verbose=True detailed=True
# expect-output:
#   printing weekly
#   discard report weekly
#   after branch
#   detail for monthly
#   discard report monthly
#   score 2
# inputs: verbose=False detailed=False
# expect-output:
#   discard report weekly
#   quiet mode
#   after branch
#   discard report monthly
#   score 1


@fieldwise_init
struct Report(Movable):
    var title: String

    def __deinit__(deinit self):
        print("discard report", self.title)


def summarize(var report: Report, detailed: Bool) -> Int:
    # When `detailed` is False, `report` is never used on that path and dies
    # as soon as the path is known.
    if detailed:
        print("detail for", report.title)
        return 2
    return 1


def main(verbose: Bool, detailed: Bool):
    var report = Report("weekly")
    if verbose:
        print("printing", report.title)
    else:
        print("quiet mode")
    print("after branch")
    var score = summarize(Report("monthly"), detailed)
    print("score", score)
