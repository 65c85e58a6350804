#pragma once
// The header of a corpus file: the run of `#` lines at the top of a Mojo program
// that states what a conforming implementation must do with it. Shared by the
// examples corpus (examples/README.md) and the rule corpus (tests/data/rules/README.md).
//
//   # <one-sentence title>
//   # key: value
//   # expect-output:
//   #   <output line>          (`#` and three spaces, then the line as printed)
//   # expect-error: <line>:<col>: <message> [<code>]
//
// Which keys a corpus allows is the caller's business (`read_header` takes the list).

#include <algorithm>
#include <compare>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ownmodel::corpus {

struct Header {
  std::string title;
  std::vector<std::pair<std::string, std::string>> keys;  // in file order
  std::vector<std::vector<std::string>> outputs;          // one per `expect-output:`
  std::vector<std::string> problems;

  [[nodiscard]] std::vector<std::string> values(std::string_view key) const {
    std::vector<std::string> found;
    for (const auto& [k, v] : keys) {
      if (k == key) found.push_back(v);
    }
    return found;
  }
};

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

/// Reads the leading `#` lines: a title, then `# key: value` lines; the lines of an
/// `expect-output:` block are `#   <output line>`. A key outside `known_keys` is a problem.
inline Header read_header(const std::vector<std::string>& lines,
                          std::initializer_list<std::string_view> known_keys) {
  Header h;
  if (lines.empty() || !lines[0].starts_with("# ")) {
    h.problems.push_back("the file does not start with a `# <title>` line");
    return h;
  }
  h.title = lines[0].substr(2);
  bool in_output = false;
  std::size_t i = 1;
  for (; i < lines.size() && lines[i].starts_with("#"); ++i) {
    const std::string& line = lines[i];
    if (in_output && line.starts_with("#   ")) {
      h.outputs.back().push_back(line.substr(4));
      continue;
    }
    in_output = false;
    const std::size_t colon = line.find(':');
    if (!line.starts_with("# ") || colon == std::string::npos) {
      h.problems.push_back("not a `# key: value` line: " + line);
      continue;
    }
    std::string key = line.substr(2, colon - 2);
    std::string value = colon + 1 < line.size() ? line.substr(colon + 1) : "";
    if (value.starts_with(" ")) value.erase(0, 1);
    if (std::find(known_keys.begin(), known_keys.end(), key) == known_keys.end()) {
      h.problems.push_back("unknown header key `" + key + "`");
      continue;
    }
    if (key == "expect-output") {
      in_output = true;
      h.outputs.emplace_back();
    }
    h.keys.emplace_back(std::move(key), std::move(value));
  }
  if (i < lines.size() && !lines[i].empty()) {
    h.problems.push_back("the header must be followed by a blank line");
  }
  return h;
}

/// One expected diagnostic: `<line>:<col>: <message> [<code>]`. The code is a rule id
/// (`S1`, `W1`) or a front-end code (`syntax`); it is empty when the line names none.
struct Expected {
  std::uint32_t line = 0;
  std::uint32_t col = 0;
  std::string message;
  std::string code;

  friend auto operator<=>(const Expected&, const Expected&) = default;
  friend bool operator==(const Expected&, const Expected&) = default;

  [[nodiscard]] std::string str() const {
    std::string s = std::to_string(line) + ":" + std::to_string(col) + ": " + message;
    if (!code.empty()) s += " [" + code + "]";
    return s;
  }

  /// How GoogleTest prints one in a failed comparison.
  friend void PrintTo(const Expected& e, std::ostream* os) { *os << e.str(); }
};

/// Parses the value of an `expect-error:` / `expect-warning:` key; nullopt when it is not
/// `<line>:<col>: <message>` with an optional trailing ` [<code>]`.
inline std::optional<Expected> parse_expected(const std::string& value) {
  Expected e;
  char sep1 = 0;
  char sep2 = 0;
  std::istringstream in(value);
  if (!(in >> e.line >> sep1 >> e.col >> sep2) || sep1 != ':' || sep2 != ':') return std::nullopt;
  std::string message;
  std::getline(in, message);
  if (message.size() < 2 || message[0] != ' ') return std::nullopt;
  message.erase(0, 1);
  if (message.ends_with("]")) {
    const std::size_t open = message.rfind(" [");
    if (open == std::string::npos) return std::nullopt;
    e.code = message.substr(open + 2, message.size() - open - 3);
    message.resize(open);
  }
  e.message = std::move(message);
  return e;
}

}  // namespace ownmodel::corpus
