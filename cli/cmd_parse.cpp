// `ownmodel parse FILE…`: the front end alone. Prints each file's canonical Mojo
// 1.0 form, or its diagnostics.
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/input.h"
#include "model/diagnostics/render.h"
#include "model/syntax/parser.h"
#include "model/syntax/print.h"
#include "reports/diagnostics_json.h"

namespace ownmodel::cli {

namespace {

struct ParseOptions {
  std::vector<std::string> files;
  std::string format = "text";
  bool quiet = false;
};

/// Parses one file; returns whether it had no errors. Text mode prints the
/// canonical form on stdout and diagnostics on stderr.
bool parse_one(const std::string& path, const ParseOptions& options, nlohmann::json& json_out) {
  ParseLimits limits;
  LoadedSource loaded = load_source(path, limits.max_bytes);
  nlohmann::json entry;
  entry["file"] = path;
  if (!loaded.source) {
    entry["ok"] = false;
    entry["diagnostics"] = nlohmann::json::array({to_json(*loaded.error)});
    if (options.format == "json") {
      json_out.push_back(std::move(entry));
    } else {
      std::cerr << render_text(SourceFile(path, ""), *loaded.error);
    }
    return false;
  }
  const SourceFile& source = *loaded.source;
  ParseResult result = parse(source, limits);
  bool ok = result.module.has_value();
  if (options.format == "json") {
    entry["ok"] = ok;
    entry["diagnostics"] = to_json(result.diagnostics);
    if (ok && !options.quiet) entry["canonical"] = print(*result.module);
    json_out.push_back(std::move(entry));
    return ok;
  }
  std::cerr << render_text(source, result.diagnostics);
  if (ok && !options.quiet) {
    if (options.files.size() > 1) std::cout << fmt::format("# {}\n", path);
    std::cout << print(*result.module);
  }
  return ok;
}

}  // namespace

void add_parse_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ParseOptions>();
  CLI::App* cmd = app.add_subcommand(
      "parse",
      "Parse Mojo files and print their canonical Mojo 1.0 form (older spellings normalised),\n"
      "or their diagnostics (file:line:col). Exit 0 when every file parses, 2 otherwise.");
  cmd->add_option("files", options->files, "Mojo source files")->required();
  cmd->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_flag("-q,--quiet", options->quiet, "Only report diagnostics; do not print the source");
  cmd->callback([options, &exit_code] {
    nlohmann::json json_out = nlohmann::json::array();
    bool all_ok = true;
    for (const auto& path : options->files) all_ok &= parse_one(path, *options, json_out);
    if (options->format == "json") std::cout << dump_json(json_out) << "\n";
    exit_code = all_ok ? kOk : kBadInput;
  });
}

}  // namespace ownmodel::cli
