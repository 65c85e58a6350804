#include "campaigns/corpus_header.h"

#include <charconv>

namespace ownmodel::corpus {

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

bool is_known_key(std::string_view key) {
  for (std::string_view k : {"source", "adapted", "not-mojo", "model-choice", "expect", "inputs",
                             "expect-output", "expect-error", "expect-warning", "rules"})
    if (key == k) return true;
  return false;
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
    d.rule = std::string(value.substr(open + 2, value.size() - open - 3));
    value = value.substr(0, open);
  }
  if (value.empty() || d.line == 0 || d.col == 0) return std::nullopt;
  d.message = std::string(value);
  return d;
}

Header read_header(std::string_view text) {
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
    if (!is_known_key(key)) {
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
        h.problems.push_back(key + " is not `<line>:<col>: <message> [<rule>]`: " + value);
    }
    h.keys.emplace_back(std::move(key), std::move(value));
  }
  if (i < lines.size() && !lines[i].empty())
    h.problems.push_back("the header must be followed by a blank line");
  return h;
}

}  // namespace ownmodel::corpus
