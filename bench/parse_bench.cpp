// Front-end throughput: the lexer, the parser and the printer, in bytes per second, on
// (a) the examples corpus and (b) a synthetic file of about 5 MB made of the accepted
// examples repeated with their top-level names renamed per copy.
//
//   ./build/bench/parse_bench --benchmark_counters_tabular=true

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics/diagnostic.h"
#include "model/diagnostics/source.h"
#include "model/syntax/lexer.h"
#include "model/syntax/parser.h"
#include "model/syntax/print.h"

namespace ownmodel {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t k_synthetic_bytes = 5u * 1024 * 1024;

/* --- Inputs -------------------------------------------------------------- */

struct ExampleFile {
  std::string name;
  std::string text;
};

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Every `*.mojo` under examples/ (recursively), in path order.
const std::vector<ExampleFile>& example_files() {
  static const std::vector<ExampleFile> files = [] {
    std::vector<ExampleFile> found;
    for (const auto& entry : fs::recursive_directory_iterator(OWNMODEL_EXAMPLES_DIR)) {
      if (entry.is_regular_file() && entry.path().extension() == ".mojo") {
        found.push_back({entry.path().generic_string(), read_text(entry.path())});
      }
    }
    std::sort(found.begin(), found.end(),
              [](const ExampleFile& a, const ExampleFile& b) { return a.name < b.name; });
    if (found.empty()) throw std::runtime_error("no examples under " OWNMODEL_EXAMPLES_DIR);
    return found;
  }();
  return files;
}

/// All examples in one text. Duplicate names do not matter to the parser.
const std::string& examples_concatenated() {
  static const std::string text = [] {
    std::string all;
    for (const ExampleFile& f : example_files()) {
      all += f.text;
      if (!all.ends_with('\n')) all += '\n';
    }
    return all;
  }();
  return text;
}

bool is_ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

/// The names a file declares at the top level (`def name` / `struct name` in column 1).
std::set<std::string, std::less<>> top_level_names(std::string_view text) {
  std::set<std::string, std::less<>> names;
  std::istringstream in{std::string(text)};
  for (std::string line; std::getline(in, line);) {
    for (std::string_view keyword : {"def ", "struct "}) {
      if (!line.starts_with(keyword)) continue;
      std::size_t end = keyword.size();
      while (end < line.size() && is_ident_char(line[end])) ++end;
      names.insert(line.substr(keyword.size(), end - keyword.size()));
    }
  }
  return names;
}

/// `text` with every identifier in `names` suffixed by `_<copy>`, so that each copy of
/// the corpus declares its own functions and structs.
std::string rename_copy(std::string_view text, const std::set<std::string, std::less<>>& names,
                        std::size_t copy) {
  std::string suffix(1, '_');
  suffix += std::to_string(copy);
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_ident_start(text[i]) || (i > 0 && is_ident_char(text[i - 1]))) {
      out += text[i++];
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && is_ident_char(text[end])) ++end;
    const std::string_view word = text.substr(i, end - i);
    out += word;
    if (names.contains(word)) out += suffix;
    i = end;
  }
  return out;
}

/// About 5 MB of realistic source: the accepted examples written in Mojo 1.0 spellings
/// (no legacy file, nothing rejected), repeated with per-copy names.
const std::string& synthetic_source() {
  static const std::string text = [] {
    std::string corpus;
    for (const ExampleFile& f : example_files()) {
      if (f.name.find("/rejected/") != std::string::npos) continue;
      if (f.name.find("legacy") != std::string::npos) continue;
      corpus += f.text;
      if (!corpus.ends_with('\n')) corpus += '\n';
    }
    const auto names = top_level_names(corpus);
    std::string all;
    all.reserve(k_synthetic_bytes + 2 * corpus.size());
    for (std::size_t copy = 0; all.size() < k_synthetic_bytes; ++copy) {
      all += rename_copy(corpus, names, copy);
    }
    return all;
  }();
  return text;
}

std::int64_t line_count(std::string_view text) {
  return static_cast<std::int64_t>(std::count(text.begin(), text.end(), '\n'));
}

/// Parses `text` once outside the timed loop and insists that it parses.
ast::Module parse_or_throw(const std::string& name, const std::string& text) {
  ParseResult result = parse(SourceFile(name, text));
  if (has_errors(result.diagnostics) || !result.module) {
    throw std::runtime_error(name + " does not parse: " + result.diagnostics.front().message);
  }
  return std::move(*result.module);
}

void report(benchmark::State& state, std::size_t bytes, std::int64_t lines) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(bytes));
  state.counters["lines/s"] =
      benchmark::Counter(static_cast<double>(lines), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["input_bytes"] = static_cast<double>(bytes);
}

/* --- Lexer --------------------------------------------------------------- */

void lex_all(std::string_view text) {
  syntax::DiagnosticCollector diagnostics(50);
  syntax::Lexer lexer(text, diagnostics);
  std::size_t tokens = 0;
  while (lexer.next().kind != syntax::TokenKind::End) ++tokens;
  benchmark::DoNotOptimize(tokens);
}

void BM_LexExamples(benchmark::State& state) {
  const std::string& text = examples_concatenated();
  for (auto _ : state) lex_all(text);
  report(state, text.size(), line_count(text));
}
BENCHMARK(BM_LexExamples);

void BM_LexSynthetic5MB(benchmark::State& state) {
  const std::string& text = synthetic_source();
  for (auto _ : state) lex_all(text);
  report(state, text.size(), line_count(text));
}
BENCHMARK(BM_LexSynthetic5MB)->Unit(benchmark::kMillisecond);

/* --- Parser -------------------------------------------------------------- */

// Each example file on its own, as `ownmodel check` sees them (includes building the
// SourceFile line index).
void BM_ParseExampleFiles(benchmark::State& state) {
  std::size_t bytes = 0;
  std::int64_t lines = 0;
  for (const ExampleFile& f : example_files()) {
    bytes += f.text.size();
    lines += line_count(f.text);
  }
  for (auto _ : state) {
    for (const ExampleFile& f : example_files()) {
      ParseResult result = parse(SourceFile(f.name, f.text));
      benchmark::DoNotOptimize(result);
    }
  }
  report(state, bytes, lines);
}
BENCHMARK(BM_ParseExampleFiles);

void BM_ParseExamplesConcatenated(benchmark::State& state) {
  const std::string& text = examples_concatenated();
  const SourceFile file("examples.mojo", text);
  for (auto _ : state) {
    ParseResult result = parse(file);
    benchmark::DoNotOptimize(result);
  }
  report(state, text.size(), line_count(text));
}
BENCHMARK(BM_ParseExamplesConcatenated);

void BM_ParseSynthetic5MB(benchmark::State& state) {
  const std::string& text = synthetic_source();
  const SourceFile file("synthetic.mojo", text);
  (void)parse_or_throw(file.name(), text);
  for (auto _ : state) {
    ParseResult result = parse(file);
    benchmark::DoNotOptimize(result);
  }
  report(state, text.size(), line_count(text));
}
BENCHMARK(BM_ParseSynthetic5MB)->Unit(benchmark::kMillisecond);

/* --- Printer ------------------------------------------------------------- */

// Throughput in bytes of printed output.
void BM_PrintExamples(benchmark::State& state) {
  const ast::Module module = parse_or_throw("examples.mojo", examples_concatenated());
  const std::string printed = print(module);
  for (auto _ : state) {
    std::string out = print(module);
    benchmark::DoNotOptimize(out);
  }
  report(state, printed.size(), line_count(printed));
}
BENCHMARK(BM_PrintExamples);

void BM_PrintSynthetic5MB(benchmark::State& state) {
  const ast::Module module = parse_or_throw("synthetic.mojo", synthetic_source());
  const std::string printed = print(module);
  for (auto _ : state) {
    std::string out = print(module);
    benchmark::DoNotOptimize(out);
  }
  report(state, printed.size(), line_count(printed));
}
BENCHMARK(BM_PrintSynthetic5MB)->Unit(benchmark::kMillisecond);

/* --- Round trip ---------------------------------------------------------- */

void BM_ParsePrintParseSynthetic5MB(benchmark::State& state) {
  const std::string& text = synthetic_source();
  for (auto _ : state) {
    ParseResult first = parse(SourceFile("synthetic.mojo", text));
    const std::string printed = print(*first.module);
    ParseResult second = parse(SourceFile("printed.mojo", printed));
    benchmark::DoNotOptimize(second);
  }
  report(state, text.size(), line_count(text));
}
BENCHMARK(BM_ParsePrintParseSynthetic5MB)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace ownmodel

BENCHMARK_MAIN();
