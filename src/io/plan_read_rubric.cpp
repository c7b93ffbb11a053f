// The rubric section of a plan document (SPEC §3).
#include <algorithm>
#include <array>
#include <boost/json.hpp>

#include "io/plan_read_parts.hpp"
#include "readiness/model_names.hpp"

namespace readiness::io::detail {
namespace {

// The parameters each rule kind takes; any other parameter present is an error.
bool takes(rule_kind kind, std::string_view key) {
  switch (kind) {
    case rule_kind::check:
      return false;
    case rule_kind::conditions:
      return key == "conditions";
    case rule_kind::per_unit:
      return key == "unit" || key == "cap";
    case rule_kind::deduction:
      return key == "per" || key == "floor";
    case rule_kind::levels:
      return key == "levels";
    case rule_kind::ratio:
      return key == "zero_at" || key == "full_at";
    case rule_kind::sites:
      return key == "site_type" || key == "sites" || key == "zero_at" || key == "full_at";
    case rule_kind::penalty:
      return key == "per" || key == "cap";
  }
  return false;
}

constexpr std::array<const char*, 10> rule_parameters{"conditions", "unit",   "cap",     "per",
                                                      "floor",      "levels", "zero_at", "full_at",
                                                      "site_type",  "sites"};

condition read_condition(const json::object& o, const std::string& where, reading& r) {
  object_fields f(o, where, r);
  condition c;
  c.id = f.read("id", &reading::id, true).value_or("");
  c.points = f.read("points", &reading::points, true).value_or(0);
  c.title = f.read("title", &reading::text).value_or("");
  f.finish(c.ext);
  return c;
}

level read_level(const json::object& o, const std::string& where, reading& r) {
  object_fields f(o, where, r);
  level l;
  l.label = f.read("label", &reading::text, true).value_or("");
  l.ratio = f.read("ratio", &reading::number, true).value_or(fraction{});
  f.finish(l.ext);
  return l;
}

rule read_rule(const json::object& o, const std::string& where, reading& r) {
  object_fields f(o, where, r);
  rule out;
  bool kind_known = false;
  if (auto kind = f.read("kind", &reading::text, true)) {
    if (auto k = rule_kind_named(*kind)) {
      out.kind = *k;
      kind_known = true;
    } else {
      r.sink.add(f.at("kind"),
                 quoted(*kind) +
                     " is not a rule kind (check, conditions, per_unit, deduction, levels, "
                     "ratio, sites or penalty)",
                 true);
    }
  }
  if (!kind_known) {
    for (const char* key : rule_parameters) f.get(key);  // nothing more to say about them
    f.finish(out.ext);
    return out;
  }
  for (const char* key : rule_parameters)
    if (f.has(key) && !takes(out.kind, key)) {
      f.get(key);
      r.sink.add(f.at(key),
                 quoted(key) + " does not apply to a " + quoted(rule_kind_name(out.kind)) + " rule",
                 true);
    }
  auto needs = [&](const char* key) {
    std::string why = std::string("(a ") + quoted(rule_kind_name(out.kind)) + " rule needs it)";
    return f.require(key, why);
  };
  switch (out.kind) {
    case rule_kind::check:
      break;
    case rule_kind::conditions:
      if (const auto* v = needs("conditions"))
        out.conditions = read_objects<condition>(*v, f.at("conditions"), r, read_condition);
      break;
    case rule_kind::per_unit:
      if (const auto* v = needs("unit")) out.unit = r.points(*v, f.at("unit")).value_or(0);
      out.cap = f.read("cap", &reading::points);
      break;
    case rule_kind::deduction:
      if (const auto* v = needs("per")) out.per = r.points(*v, f.at("per")).value_or(0);
      out.floor = f.read("floor", &reading::points);
      break;
    case rule_kind::levels:
      if (const auto* v = needs("levels"))
        out.levels = read_objects<level>(*v, f.at("levels"), r, read_level);
      break;
    case rule_kind::ratio:
    case rule_kind::sites:
      out.zero_at = f.read("zero_at", &reading::number);
      out.full_at = f.read("full_at", &reading::number);
      if (out.kind == rule_kind::ratio) break;
      if (f.has("site_type") && f.has("sites")) {
        r.sink.add(where, "give \"site_type\" or \"sites\", not both", true);
      } else if (!f.has("site_type") && !f.has("sites")) {
        r.sink.add(where,
                   "missing required key \"site_type\" or \"sites\" (a \"sites\" rule "
                   "needs one)",
                   true);
      }
      out.site_type = f.read("site_type", &reading::text).value_or("");
      out.sites =
          f.read("sites", &reading::strings, false, true).value_or(std::vector<std::string>{});
      break;
    case rule_kind::penalty:
      if (const auto* v = needs("per")) out.per = r.points(*v, f.at("per")).value_or(0);
      out.cap = f.read("cap", &reading::points);
      break;
  }
  f.finish(out.ext);
  return out;
}

evidence_rule read_evidence_rule(const json::object& o, const std::string& where, reading& r) {
  object_fields f(o, where, r);
  evidence_rule e;
  e.method = f.read("method", &reading::text).value_or("");
  e.required_kinds =
      f.read("requires", &reading::strings, false, false).value_or(std::vector<std::string>{});
  f.finish(e.ext);
  return e;
}

item read_item(const json::object& o, const std::string& where, reading& r) {
  object_fields f(o, where, r);
  item it;
  it.id = f.read("id", &reading::id, true).value_or("");
  it.title = f.read("title", &reading::text).value_or("");
  it.criteria = f.read("criteria", &reading::text).value_or("");
  it.points = f.read("points", &reading::points).value_or(0);
  if (const auto* v = f.require("rule"))
    if (const auto* ro = r.object(*v, f.at("rule"))) it.scoring = read_rule(*ro, f.at("rule"), r);
  if (const auto* v = f.get("evidence"))
    if (const auto* eo = r.object(*v, f.at("evidence")))
      it.evidence = read_evidence_rule(*eo, f.at("evidence"), r);
  it.owner = f.read("owner", &reading::text).value_or("");
  it.min_sample = f.read("min_sample", &reading::whole, false, false);
  f.finish(it.ext);
  return it;
}

sanction read_sanction(const json::value& v, const std::string& where, reading& r) {
  sanction s;
  if (const auto* text = v.if_string()) {
    if (*text != "disqualify")
      r.sink.add(where,
                 quoted(*text) +
                     " is not an effect (\"disqualify\", {\"cap_grade\": …} "
                     "or {\"cap_score\": …})",
                 true);
    return s;
  }
  const auto* o = v.if_object();
  if (!o) {
    r.type_error(where, v, "\"disqualify\" or an object");
    return s;
  }
  object_fields f(*o, where, r);
  if (f.has("cap_grade") && f.has("cap_score")) {
    r.sink.add(where, "give \"cap_grade\" or \"cap_score\", not both", true);
  } else if (f.has("cap_score")) {
    s.what = sanction::kind::cap_score;
  } else if (f.has("cap_grade")) {
    s.what = sanction::kind::cap_grade;
  } else {
    r.sink.add(where, "missing required key \"cap_grade\" or \"cap_score\"", true);
  }
  s.grade = f.read("cap_grade", &reading::text).value_or("");
  s.score = f.read("cap_score", &reading::points).value_or(0);
  f.finish(s.ext);
  return s;
}

veto read_veto(const json::object& o, const std::string& where, reading& r) {
  object_fields f(o, where, r);
  veto out;
  out.id = f.read("id", &reading::id, true).value_or("");
  out.title = f.read("title", &reading::text).value_or("");
  if (const auto* v = f.require("effect")) out.effect = read_sanction(*v, f.at("effect"), r);
  f.finish(out.ext);
  return out;
}

gate read_gate(const json::object& o, const std::string& where, reading& r) {
  object_fields f(o, where, r);
  gate out;
  out.id = f.read("id", &reading::id).value_or("");
  out.category = f.read("category", &reading::text, true).value_or("");
  out.min_ratio = f.read("min_ratio", &reading::number, true).value_or(fraction{});
  if (const auto* v = f.require("effect")) out.effect = read_sanction(*v, f.at("effect"), r);
  f.finish(out.ext);
  return out;
}

grade read_grade(const json::object& o, const std::string& where, reading& r) {
  object_fields f(o, where, r);
  grade out;
  out.min = f.read("min", &reading::points, true).value_or(0);
  out.label = f.read("label", &reading::text, true).value_or("");
  f.finish(out.ext);
  return out;
}

category read_category(const json::object& o, const std::string& where, reading& r) {
  object_fields f(o, where, r);
  category out;
  out.id = f.read("id", &reading::id, true).value_or("");
  out.title = f.read("title", &reading::text).value_or("");
  out.points = f.read("points", &reading::points, true).value_or(0);
  out.weight = f.read("weight", &reading::number);
  if (const auto* v = f.require("items"))
    out.items = read_objects<item>(*v, f.at("items"), r, read_item);
  f.finish(out.ext);
  return out;
}

std::optional<item_group> read_group(const json::value& v, const std::string& where, reading& r) {
  const auto* o = r.object(v, where);
  if (!o) return std::nullopt;
  object_fields f(*o, where, r);
  item_group out;
  out.cap = f.read("cap", &reading::points);
  if (const auto* items = f.require("items"))
    out.items = read_objects<item>(*items, f.at("items"), r, read_item);
  f.finish(out.ext);
  return out;
}

}  // namespace

rubric read_rubric(const json::object& o, const std::string& where, reading& r) {
  object_fields f(o, where, r);
  rubric out;
  out.id = f.read("id", &reading::text).value_or("");
  out.title = f.read("title", &reading::text).value_or("");
  out.total = f.read("total", &reading::points);
  if (const auto* v = f.get("grades"))
    out.grades = read_objects<grade>(*v, f.at("grades"), r, read_grade);
  if (const auto* v = f.require("categories"))
    out.categories = read_objects<category>(*v, f.at("categories"), r, read_category);
  if (const auto* v = f.get("bonus")) out.bonus = read_group(*v, f.at("bonus"), r);
  if (const auto* v = f.get("penalties")) out.penalties = read_group(*v, f.at("penalties"), r);
  if (const auto* v = f.get("vetoes"))
    out.vetoes = read_objects<veto>(*v, f.at("vetoes"), r, read_veto);
  if (const auto* v = f.get("gates"))
    out.gates = read_objects<gate>(*v, f.at("gates"), r, read_gate);
  f.finish(out.ext);
  return out;
}

}  // namespace readiness::io::detail
