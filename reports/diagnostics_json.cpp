#include "reports/diagnostics_json.h"

namespace ownmodel {

namespace {
void put_span(nlohmann::json& j, const Span& span) {
  j["line"] = span.line;
  j["col"] = span.col;
  j["end_line"] = span.end_line;
  j["end_col"] = span.end_col;
}
}  // namespace

nlohmann::json to_json(const Diagnostic& d) {
  nlohmann::json j;
  // "rule" is the rule id (S1, W2, …) or a front-end code (syntax, unsupported,
  // input, limit, deprecated); "code" is kept as its older name.
  j["rule"] = d.code;
  j["code"] = d.code;
  j["severity"] = severity_name(d.severity);
  put_span(j, d.span);
  j["message"] = d.message;
  j["notes"] = nlohmann::json::array();
  for (const auto& note : d.notes) {
    nlohmann::json n;
    put_span(n, note.span);
    n["message"] = note.message;
    j["notes"].push_back(std::move(n));
  }
  return j;
}

nlohmann::json to_json(const std::vector<Diagnostic>& diagnostics) {
  auto array = nlohmann::json::array();
  for (const auto& d : diagnostics) array.push_back(to_json(d));
  return array;
}

}  // namespace ownmodel

namespace ownmodel {
std::string dump_json(const nlohmann::json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}
}  // namespace ownmodel
