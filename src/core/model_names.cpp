#include "readiness/model_names.hpp"

#include <array>
#include <utility>

namespace readiness {
namespace {

constexpr std::array<std::pair<rule_kind, const char*>, 8> rule_kinds{{
    {rule_kind::check, "check"},
    {rule_kind::conditions, "conditions"},
    {rule_kind::per_unit, "per_unit"},
    {rule_kind::deduction, "deduction"},
    {rule_kind::levels, "levels"},
    {rule_kind::ratio, "ratio"},
    {rule_kind::sites, "sites"},
    {rule_kind::penalty, "penalty"},
}};

constexpr std::array<std::pair<link_type, const char*>, 4> link_types{{
    {link_type::fs, "FS"},
    {link_type::ss, "SS"},
    {link_type::ff, "FF"},
    {link_type::sf, "SF"},
}};

constexpr std::array<std::pair<effect_kind, const char*>, 9> effect_kinds{{
    {effect_kind::met, "met"},
    {effect_kind::conditions, "conditions"},
    {effect_kind::count, "count"},
    {effect_kind::resolve, "resolve"},
    {effect_kind::level, "level"},
    {effect_kind::value, "value"},
    {effect_kind::evidence, "evidence"},
    {effect_kind::sites, "sites"},
    {effect_kind::clear_veto, "clear"},
}};

template <typename Table, typename Enum>
const char* name_in(const Table& table, Enum value) noexcept {
  for (const auto& [e, name] : table)
    if (e == value) return name;
  return table[0].second;
}

template <typename Table>
auto value_in(const Table& table, std::string_view name) noexcept
    -> std::optional<decltype(table[0].first)> {
  for (const auto& [e, n] : table)
    if (name == n) return e;
  return std::nullopt;
}

}  // namespace

const char* rule_kind_name(rule_kind kind) noexcept {
  return name_in(rule_kinds, kind);
}
std::optional<rule_kind> rule_kind_named(std::string_view name) noexcept {
  return value_in(rule_kinds, name);
}
const char* link_type_name(link_type type) noexcept {
  return name_in(link_types, type);
}
std::optional<link_type> link_type_named(std::string_view name) noexcept {
  return value_in(link_types, name);
}
const char* effect_kind_name(effect_kind kind) noexcept {
  return name_in(effect_kinds, kind);
}

}  // namespace readiness
