#include "campaigns/corpus_header.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <iterator>
#include <ostream>
#include <sstream>

namespace ownmodel::corpus {

std::string ExpectedDiagnostic::str() const {
  std::string s = std::to_string(line) + ":" + std::to_string(col) + ": " + message;
  if (!code.empty()) s += " [" + code + "]";
  return s;
}

std::ostream& operator<<(std::ostream& os, const ExpectedDiagnostic& d) { return os << d.str(); }

std::vector<std::string> Header::values(std::string_view key) const {
  std::vector<std::string> found;
  for (const auto& [k, v] : keys)
    if (k == key) found.push_back(v);
  return found;
}

std::optional<std::string> Header::value(std::string_view key) const {
  for (const auto& [k, v] : keys)
    if (k == key) return v;
  return std::nullopt;
}

std::optional<bool> Header::expects_accepted() const {
  const std::optional<std::string> expect = value("expect");
  if (expect == "accepted") return true;
  if (expect == "rejected") return false;
  return std::nullopt;
}

bool is_known_key(std::string_view key, Corpus corpus) {
  // examples/README.md "Header format"; the rule corpus adds kRulesOnly.
  static constexpr std::string_view kExamples[] = {"source", "adapted", "not-mojo", "model-choice",
                                                   "expect", "inputs", "expect-output",
                                                   "expect-error"};
  static constexpr std::string_view kRulesOnly[] = {"fixes", "note", "rules", "expect-warning"};
  if (std::find(std::begin(kExamples), std::end(kExamples), key) != std::end(kExamples))
    return true;
  return corpus == Corpus::Rules &&
         std::find(std::begin(kRulesOnly), std::end(kRulesOnly), key) != std::end(kRulesOnly);
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(start, end - start));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

std::optional<ExpectedDiagnostic> parse_expected(std::string_view value) {
  ExpectedDiagnostic d;
  auto number = [&](std::uint32_t& out) {
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
    if (ec != std::errc() || end == value.data() || end == value.data() + value.size() || *end != ':')
      return false;
    value.remove_prefix(static_cast<std::size_t>(end - value.data()) + 1);
    return true;
  };
  if (!number(d.line) || !number(d.col) || !value.starts_with(' ')) return std::nullopt;
  value.remove_prefix(1);
  if (value.ends_with(']')) {
    const std::size_t open = value.rfind(" [");
    if (open == std::string_view::npos) return std::nullopt;
    d.code = std::string(value.substr(open + 2, value.size() - open - 3));
    value = value.substr(0, open);
  }
  if (value.empty() || d.line == 0 || d.col == 0) return std::nullopt;
  d.message = std::string(value);
  return d;
}

Header read_header(std::string_view text, Corpus corpus) {
  const std::vector<std::string> lines = split_lines(text);
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
    std::string value = line.substr(colon + 1);
    if (value.starts_with(" ")) value.erase(0, 1);
    if (!is_known_key(key, corpus)) {
      h.problems.push_back("unknown header key `" + key + "`");
      continue;
    }
    if (key == "expect-output") {
      in_output = true;
      h.outputs.emplace_back();
    }
    if (key == "expect-error" || key == "expect-warning") {
      if (std::optional<ExpectedDiagnostic> d = parse_expected(value))
        (key == "expect-error" ? h.errors : h.warnings).push_back(std::move(*d));
      else
        h.problems.push_back(key + " is not `<line>:<col>: <message> [<code>]`: " + value);
    }
    h.keys.emplace_back(std::move(key), std::move(value));
  }
  if (i < lines.size() && !lines[i].empty())
    h.problems.push_back("the header must be followed by a blank line");
  return h;
}

std::vector<std::filesystem::path> mojo_files(const std::vector<std::string>& dirs) {
  namespace fs = std::filesystem;
  std::vector<fs::path> found;
  for (const std::string& dir : dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) continue;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
      if (it->is_regular_file() && it->path().extension() == ".mojo") found.push_back(it->path());
  }
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace ownmodel::corpus
