#include "model/rules/rule.h"

#include <array>

namespace ownmodel {
namespace {

struct RuleInfo {
  Rule rule;
  std::string_view name;
  RuleKind kind;
  std::string_view title;
  std::string_view summary;
};

constexpr std::array<RuleInfo, rule_count> k_rules = {{
#define RULE(id, name, kind, title, summary) {Rule::id, name, RuleKind::kind, title, summary},
#include "model/rules/rule_list.def"
#undef RULE
}};

constexpr std::array<Rule, rule_count> k_all = {{
#define RULE(id, name, kind, title, summary) Rule::id,
#include "model/rules/rule_list.def"
#undef RULE
}};

const RuleInfo& info(Rule r) { return k_rules[static_cast<std::size_t>(r)]; }

char fold(char c) {
  if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
  if (c == '_') return '-';
  return c;
}

bool same_id(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (fold(a[i]) != fold(b[i])) return false;
  }
  return true;
}

bool is_lower_letter(char c) { return c >= 'a' && c <= 'z'; }

}  // namespace

std::string_view spec_name(Rule r) { return info(r).name; }
std::string_view title(Rule r) { return info(r).title; }
std::string_view summary(Rule r) { return info(r).summary; }
RuleKind kind(Rule r) { return info(r).kind; }

std::string_view kind_name(RuleKind k) {
  switch (k) {
    case RuleKind::Static: return "static";
    case RuleKind::Lint: return "lint";
    case RuleKind::Policy: return "policy";
    case RuleKind::Step: return "step";
    case RuleKind::Fault: return "fault";
  }
  return "?";
}

std::string_view family(Rule r) {
  // Split static families end in one lower-case letter: S4a -> S4, S10b -> S10.
  std::string_view name = info(r).name;
  if (info(r).kind == RuleKind::Static && name.size() >= 3 && is_lower_letter(name.back())) {
    name.remove_suffix(1);
  }
  return name;
}

std::span<const Rule> all_rules() { return k_all; }

std::optional<Rule> rule_from_id(std::string_view id) {
  for (const RuleInfo& r : k_rules) {
    if (same_id(r.name, id)) return r.rule;
  }
  return std::nullopt;
}

std::vector<Rule> select_rules(std::string_view selector) {
  if (std::optional<Rule> one = rule_from_id(selector)) return {*one};
  std::vector<Rule> out;
  for (const RuleInfo& r : k_rules) {
    if (family(r.rule) != r.name && same_id(family(r.rule), selector)) out.push_back(r.rule);
  }
  return out;
}

}  // namespace ownmodel
