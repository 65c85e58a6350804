// parse ∘ print is the identity on trees (DESIGN.md §8), and the printer's
// output is canonical: printing what the parser read back gives the same text.

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <string>

#include "check_cases.h"
#include "generators/arbitrary.h"
#include "model/diagnostics/diagnostic.h"
#include "model/diagnostics/source.h"
#include "model/syntax/parser.h"
#include "model/syntax/print.h"

namespace ownmodel {
namespace {

void log_diagnostics(const ParseResult& result) {
  for (const Diagnostic& d : result.diagnostics) {
    RC_LOG() << d.span.line << ":" << d.span.col << ": " << severity_name(d.severity) << " [" << d.code
             << "] " << d.message << '\n';
  }
}

OWNMODEL_PROP(RoundTrip, ParseOfPrintGivesTheSameTree, 10000, (const ast::Module& m)) {
  const std::string text = print(m);
  const ParseResult parsed = parse(SourceFile("roundtrip.mojo", text));
  log_diagnostics(parsed);
  // Canonical text uses Mojo 1.0 spellings only: not even a `deprecated` warning.
  RC_ASSERT(parsed.diagnostics.empty());
  RC_ASSERT(parsed.module.has_value());
  if (!(*parsed.module == m)) RC_LOG() << "read back as:\n" << print(*parsed.module);
  RC_ASSERT(*parsed.module == m);
}

OWNMODEL_PROP(RoundTrip, PrintIsIdempotentOnParsedText, 10000, (const ast::Module& m)) {
  const std::string text = print(m);
  const ParseResult parsed = parse(SourceFile("roundtrip.mojo", text));
  log_diagnostics(parsed);
  RC_ASSERT(parsed.module.has_value());
  RC_ASSERT(print(*parsed.module) == text);
}

// Canonical texts are fixed points of print ∘ parse; each exercises one of the
// printer's decisions.
TEST(RoundTrip, CanonicalTextsAreFixedPoints) {
  const char* const texts[] = {
      "def f():\n    x = (1).f\n    y = x^.f()\n    z = -(a + b) * c\n",
      "def f():\n    _ = not a == b\n    _ = (not a) == b\n    _ = (a < b) == (c < d)\n",
      "def f():\n    _ = a - (b - c)\n    _ = a or b and not c\n    _ = (a or b) and c\n",
      "def f():\n    _ = \"tab\\t nl\\n nul\\0 quote\\\" bs\\\\ del\\x7f byte\\xff caf\xc3\xa9\"\n",
      "def f():\n    p[] = v^\n    xs[0, i] += 1\n    print(x, end=\"\")\n    return UnsafePointer(to=x)\n",
      "def f(a: Int, mut b: Int, var c: Int, out d: Int, deinit e: Int, ref[o, self.x] g: T, n: Int = 0, *, "
      "k: Bool = False) raises -> ref[o] Int:\n    pass\n",
      "def f():\n    if a:\n        pass\n    elif b:\n        break\n    else:\n        if c:\n"
      "            continue\n",
      "def f():\n    try:\n        raise Error(\"x\")\n    except e:\n        print(e)\n"
      "    try:\n        pass\n    except:\n        pass\n",
      "from std.memory import OwnedPointer, UnsafePointer\n\nimport memory\n\n@fieldwise_init\n"
      "@explicit_destroy(\"close it\")\nstruct Pair(Copyable, Deinitable where False):\n    var a: Int\n"
      "    var b: List[Int]\n\n    def __init__(out self, *, copy: Self):\n        self.a = copy.a\n\n"
      "    def __init__(out self, *, deinit move: Self):\n        self.a = move.a\n\n"
      "    def __deinit__(deinit self):\n        pass\n\n    def close(deinit self):\n        pass\n",
  };
  for (const char* text : texts) {
    const ParseResult parsed = parse(SourceFile("canonical.mojo", text));
    ASSERT_TRUE(parsed.module.has_value()) << text << "\n" << parsed.diagnostics.front().message;
    EXPECT_TRUE(parsed.diagnostics.empty()) << text << "\n" << parsed.diagnostics.front().message;
    EXPECT_EQ(print(*parsed.module), text);
  }
}

}  // namespace
}  // namespace ownmodel
