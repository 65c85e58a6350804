#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/diagnostics/diagnostic.h"

namespace ownmodel {

/// `{"code", "severity", "line", "col", "end_line", "end_col", "message", "notes": [...]}`
/// — the machine-readable form of a diagnostic, shared by every command.
[[nodiscard]] nlohmann::json to_json(const Diagnostic& d);
[[nodiscard]] nlohmann::json to_json(const std::vector<Diagnostic>& diagnostics);

}  // namespace ownmodel

namespace ownmodel {
/// Serialises for output: pretty when `indent >= 0`; invalid UTF-8 in any string
/// (a message quoting a broken input) is replaced, never a throw.
[[nodiscard]] std::string dump_json(const nlohmann::json& j, int indent = 2);
}  // namespace ownmodel
