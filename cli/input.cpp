#include "cli/input.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

namespace ownmodel::cli {

namespace {
LoadedSource failure(std::string message) {
  LoadedSource out;
  out.error = Diagnostic{Severity::Error, "input", Span{}, std::move(message), {}};
  return out;
}
}  // namespace

LoadedSource load_source(const std::string& path, std::size_t max_bytes) {
  namespace fs = std::filesystem;
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) return failure("cannot read file: no such file");
  if (fs::is_directory(status)) return failure("cannot read file: it is a directory");
  auto size = fs::file_size(path, ec);
  if (!ec && size > max_bytes) {
    return failure(fmt::format("file is {} bytes; the limit is {} bytes", size, max_bytes));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return failure(fmt::format("cannot read file: {}", std::strerror(errno)));
  // Read in bounded chunks: a pipe or device has no size to check up front.
  std::string text;
  char chunk[1 << 16];
  while (in) {
    in.read(chunk, sizeof chunk);
    text.append(chunk, static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_bytes) {
      return failure(fmt::format("file is larger than the limit of {} bytes", max_bytes));
    }
  }
  if (in.bad()) return failure("cannot read file: read error");
  LoadedSource out;
  out.source.emplace(path, std::move(text));
  return out;
}

}  // namespace ownmodel::cli
