#pragma once
// The header of a corpus file (examples/README.md "Header format",
// tests/data/rules/README.md "Header"): what a conforming implementation must do
// with the program — accept it and print a given output, or reject it with given
// diagnostics. Read by the tests, by `ownmodel validate` and by anything that
// exports the corpus.
//
//   # <one-sentence title>
//   # key: value
//   # expect-output:
//   #   <output line>          (`#` and three spaces, then the line as printed)
//   # expect-error: <line>:<col>: <message> [<code>]

#include <compare>
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ownmodel::corpus {

/// `<line>:<col>: <message> [<code>]` from an expect-error or expect-warning line. The
/// code is a rule id (`S1`, `W1`) or a front-end code (`syntax`).
struct ExpectedDiagnostic {
  std::uint32_t line = 0;
  std::uint32_t col = 0;
  std::string message;
  std::string code;  ///< empty when the line names none

  // Ordered so that expected and reported lists can be compared as sorted sets.
  friend auto operator<=>(const ExpectedDiagnostic&, const ExpectedDiagnostic&) = default;
  friend bool operator==(const ExpectedDiagnostic&, const ExpectedDiagnostic&) = default;

  /// Back in the header's syntax, for failure messages.
  [[nodiscard]] std::string str() const;
};

/// Also how GoogleTest prints one in a failed comparison.
std::ostream& operator<<(std::ostream& os, const ExpectedDiagnostic& d);

/// Which corpus a file belongs to: each allows its own header keys.
enum class Corpus {
  Examples,  ///< examples/README.md
  Rules,     ///< tests/data/rules/README.md: also `fixes`, `note`, `rules`, `expect-warning`
};

struct Header {
  std::string title;
  std::vector<std::pair<std::string, std::string>> keys;  ///< in file order
  std::vector<std::vector<std::string>> outputs;          ///< one per `expect-output:`
  std::vector<ExpectedDiagnostic> errors;                 ///< `expect-error:` lines
  std::vector<ExpectedDiagnostic> warnings;               ///< `expect-warning:` lines
  std::vector<std::string> problems;                      ///< malformed lines, in order

  /// Every value of `key`, in file order.
  [[nodiscard]] std::vector<std::string> values(std::string_view key) const;
  /// The first value of `key`, if present.
  [[nodiscard]] std::optional<std::string> value(std::string_view key) const;
  /// `expect: accepted` → true, `expect: rejected` → false, else nullopt.
  [[nodiscard]] std::optional<bool> expects_accepted() const;
};

/// Whether `corpus` allows the header key `key`.
[[nodiscard]] bool is_known_key(std::string_view key, Corpus corpus);

/// Parses `<line>:<col>: <message> [<code>]`; nullopt when malformed.
[[nodiscard]] std::optional<ExpectedDiagnostic> parse_expected(std::string_view value);

/// Every `.mojo` file under each folder (recursively; a missing folder adds
/// none), in path order: the files a corpus campaign runs over.
[[nodiscard]] std::vector<std::filesystem::path> mojo_files(const std::vector<std::string>& dirs);

/// The whole file as bytes; empty when it cannot be read.
[[nodiscard]] std::string read_text(const std::filesystem::path& path);

/// Splits text into lines, dropping a trailing '\r' from each.
[[nodiscard]] std::vector<std::string> split_lines(std::string_view text);

/// Reads the leading run of `#` lines of a corpus file; a key `corpus` does not
/// allow is a problem.
[[nodiscard]] Header read_header(std::string_view text, Corpus corpus);

}  // namespace ownmodel::corpus
