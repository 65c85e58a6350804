#pragma once
// The header of a corpus file (examples/README.md "Header format"): what a
// conforming implementation must do with the program — accept it and print a
// given output, or reject it with given diagnostics. Read by the tests, by
// `ownmodel validate` and by anything that exports the corpus.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ownmodel::corpus {

/// `<line>:<col>: <message> [<rule>]` from an expect-error or expect-warning line.
struct ExpectedDiagnostic {
  std::uint32_t line = 0;
  std::uint32_t col = 0;
  std::string message;
  std::string rule;  ///< empty when the line names no rule
  friend bool operator==(const ExpectedDiagnostic&, const ExpectedDiagnostic&) = default;
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
  /// The single value of `key`, if present.
  [[nodiscard]] std::optional<std::string> value(std::string_view key) const;
  /// `expect: accepted` → true, `expect: rejected` → false, else nullopt.
  [[nodiscard]] std::optional<bool> expects_accepted() const;
};

/// The header keys a corpus file may use.
[[nodiscard]] bool is_known_key(std::string_view key);

/// Parses `<line>:<col>: <message> [<rule>]`; nullopt when malformed.
[[nodiscard]] std::optional<ExpectedDiagnostic> parse_expected(std::string_view value);

/// Splits text into lines, dropping a trailing '\r' from each.
[[nodiscard]] std::vector<std::string> split_lines(std::string_view text);

/// Reads the leading run of `#` lines of a corpus file.
[[nodiscard]] Header read_header(std::string_view text);

}  // namespace ownmodel::corpus
