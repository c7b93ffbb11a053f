// The calendar and assessment sections of a plan document (SPEC §3.1, §4).
#include <array>
#include <boost/json.hpp>

#include "io/plan_read_parts.hpp"

namespace readiness::io::detail {
namespace {

// Day names as boost numbers them (0 = Sunday).
constexpr std::array<const char*, 7> weekday_names{"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

std::optional<std::uint8_t> read_weekend(const json::value& v, const std::string& where,
                                         reading& r) {
  const auto* a = r.array(v, where);
  if (!a) return std::nullopt;
  std::uint8_t mask = 0;
  for (std::size_t i = 0; i < a->size(); ++i) {
    auto name = r.text((*a)[i], child(where, i));
    if (!name) continue;
    bool found = false;
    for (int d = 0; d < 7; ++d)
      if (*name == weekday_names[static_cast<std::size_t>(d)]) {
        mask |= weekday_bit(d);
        found = true;
      }
    if (!found)
      r.sink.add(child(where, i), quoted(*name) +
                                      " is not a day of the week (mon, tue, wed, thu, "
                                      "fri, sat or sun)");
  }
  return mask;
}

std::vector<date_range> read_ranges(const json::value& v, const std::string& where, reading& r) {
  std::vector<date_range> out;
  const auto* a = r.array(v, where);
  if (!a) return out;
  for (std::size_t i = 0; i < a->size(); ++i)
    if (auto range = r.range((*a)[i], child(where, i))) out.push_back(*range);
  return out;
}

item_input read_input(const json::object& o, const std::string& where, reading& r) {
  object_fields f(o, where, r);
  item_input in;
  if (const auto* met = f.get("met")) {
    if (met->is_bool())
      in.met = met->get_bool();
    else if (met->is_array())
      in.met_conditions = r.strings(*met, f.at("met"), true);
    else
      r.type_error(f.at("met"), *met, "true, false or a list of condition ids");
  }
  in.count = f.read("count", &reading::whole, false, false);
  in.deficiencies = f.read("deficiencies", &reading::whole, false, false);
  in.level = f.read("level", &reading::text);
  in.value = f.read("value", &reading::number);
  in.hits = f.read("hits", &reading::whole, false, false);
  in.of = f.read("of", &reading::whole, false, false);
  in.note = f.read("note", &reading::text).value_or("");
  f.finish(in.ext);
  return in;
}

// An object used as a map from ids to values: every key is an id, none is "x-".
template <typename V, typename ReadValue>
id_map<V> read_map(const json::value& v, const std::string& where, reading& r,
                   ReadValue read_value) {
  id_map<V> out;
  const auto* o = r.object(v, where);
  if (!o) return out;
  for (const auto& member : *o) {
    std::string at = child(where, member.key());
    if (auto value = read_value(member.value(), at)) out[std::string(member.key())] = *value;
  }
  return out;
}

}  // namespace

calendar_spec read_calendar(const json::object& o, const std::string& where, reading& r) {
  object_fields f(o, where, r);
  calendar_spec c;
  c.base = f.read("base", &reading::text).value_or("");
  if (const auto* v = f.get("weekend")) c.weekend = read_weekend(*v, f.at("weekend"), r);
  if (const auto* v = f.get("holidays")) c.holidays = read_ranges(*v, f.at("holidays"), r);
  if (const auto* v = f.get("workdays")) c.workdays = read_ranges(*v, f.at("workdays"), r);
  c.files = f.read("files", &reading::strings, false, false).value_or(std::vector<std::string>{});
  f.finish(c.ext);
  return c;
}

assessment read_assessment(const json::object& o, const std::string& where, reading& r) {
  object_fields f(o, where, r);
  assessment a;
  a.as_of = f.read("as_of", &reading::day);
  if (const auto* v = f.get("items"))
    a.items = read_map<item_input>(
        *v, f.at("items"), r,
        [&](const json::value& value, const std::string& at) -> std::optional<item_input> {
          const auto* io = r.object(value, at);
          if (!io) return std::nullopt;
          return read_input(*io, at, r);
        });
  if (const auto* v = f.get("vetoes"))
    a.vetoes = read_map<bool>(
        *v, f.at("vetoes"), r,
        [&](const json::value& value, const std::string& at) { return r.boolean(value, at); });
  if (const auto* v = f.get("sites"))
    a.site_checks = read_map<id_map<bool>>(
        *v, f.at("sites"), r,
        [&](const json::value& value, const std::string& at) -> std::optional<id_map<bool>> {
          if (!r.object(value, at)) return std::nullopt;
          return read_map<bool>(value, at, r,
                                [&](const json::value& check, const std::string& check_at) {
                                  return r.boolean(check, check_at);
                                });
        });
  f.finish(a.ext);
  return a;
}

}  // namespace readiness::io::detail
