// Validation of what refers to items by kind: the assessment's inputs, vetoes and site checks,
// and the effects of tasks (SPEC §3.1, §6). Each input and effect must suit its item's rule.
#include "core/validate_parts.hpp"

namespace readiness::detail {
namespace {

// What the assessment gives an item of this kind, for messages.
const char* input_form(rule_kind kind) {
  switch (kind) {
    case rule_kind::check:
      return "\"met\": true or false";
    case rule_kind::conditions:
      return "\"met\": [condition ids]";
    case rule_kind::per_unit:
    case rule_kind::penalty:
      return "\"count\"";
    case rule_kind::deduction:
      return "\"deficiencies\"";
    case rule_kind::levels:
      return "\"level\"";
    case rule_kind::ratio:
      return "\"value\", or \"hits\" and \"of\"";
    case rule_kind::sites:
      return "no input (it is scored from assessment.sites)";
  }
  return "";
}

bool input_suits(rule_kind kind, std::string_view key, bool met_is_list) {
  switch (kind) {
    case rule_kind::check:
      return key == "met" && !met_is_list;
    case rule_kind::conditions:
      return key == "met" && met_is_list;
    case rule_kind::per_unit:
    case rule_kind::penalty:
      return key == "count";
    case rule_kind::deduction:
      return key == "deficiencies";
    case rule_kind::levels:
      return key == "level";
    case rule_kind::ratio:
      return key == "value" || key == "hits" || key == "of";
    case rule_kind::sites:
      return false;
  }
  return false;
}

bool effect_suits(effect_kind e, rule_kind kind) {
  switch (e) {
    case effect_kind::met:
      return kind == rule_kind::check;
    case effect_kind::conditions:
      return kind == rule_kind::conditions;
    case effect_kind::count:
      return kind == rule_kind::per_unit || kind == rule_kind::penalty;
    case effect_kind::resolve:
      return kind == rule_kind::deduction;
    case effect_kind::level:
      return kind == rule_kind::levels;
    case effect_kind::value:
      return kind == rule_kind::ratio;
    case effect_kind::sites:
      return kind == rule_kind::sites;
    case effect_kind::evidence:
      return true;
    case effect_kind::clear_veto:
      return false;
  }
  return false;
}

bool has_condition(const item& it, const std::string& id) {
  for (const auto& c : it.scoring.conditions)
    if (c.id == id) return true;
  return false;
}

bool has_level(const item& it, const std::string& label) {
  for (const auto& l : it.scoring.levels)
    if (l.label == label) return true;
  return false;
}

void check_conditions(const item& it, const std::vector<std::string>& ids, const std::string& at,
                      findings& out) {
  for (std::size_t k = 0; k < ids.size(); ++k)
    if (!has_condition(it, ids[k]))
      out.add(child(at, k), "unknown condition " + quoted(ids[k]) + " of item " + quoted(it.id));
}

void check_level(const item& it, const std::string& label, const std::string& at, findings& out) {
  if (!has_level(it, label))
    out.add(at, "unknown level " + quoted(label) + " of item " + quoted(it.id));
}

void check_ratio_input(const item_input& in, const std::string& at, findings& out) {
  if (in.value && (in.hits || in.of)) {
    out.add(at, "give \"value\" or \"hits\" and \"of\", not both");
  } else if (in.hits && !in.of) {
    out.add(at, "missing \"of\" (\"hits\" counts out of it)");
  } else if (in.of && !in.hits) {
    out.add(at, "missing \"hits\" (\"of\" needs it)");
  } else if (in.hits && in.of) {
    if (*in.of <= 0)
      out.add(child(at, "of"), "must be greater than 0");
    else if (*in.hits > *in.of)
      out.add(child(at, "hits"),
              std::to_string(*in.hits) + " is more than \"of\" (" + std::to_string(*in.of) + ")");
  }
}

void check_input(const item& it, const item_input& in, const std::string& at, findings& out) {
  rule_kind kind = it.scoring.kind;
  bool met_is_list = in.met_conditions.has_value();
  const std::pair<const char*, bool> present[] = {
      {"met", in.met || in.met_conditions},
      {"count", in.count.has_value()},
      {"deficiencies", in.deficiencies.has_value()},
      {"level", in.level.has_value()},
      {"value", in.value.has_value()},
      {"hits", in.hits.has_value()},
      {"of", in.of.has_value()},
  };
  bool suits = true;
  for (const auto& [key, given] : present)
    if (given && !input_suits(kind, key, met_is_list)) {
      out.add(child(at, key),
              std::string("a ") + quoted(rule_kind_name(kind)) + " item takes " + input_form(kind));
      suits = false;
    }
  if (!suits) return;
  if (in.met_conditions) check_conditions(it, *in.met_conditions, child(at, "met"), out);
  if (in.level) check_level(it, *in.level, child(at, "level"), out);
  if (kind == rule_kind::ratio) check_ratio_input(in, at, out);
}

}  // namespace

void check_assessment(const plan_index& ix, findings& out) {
  const assessment& a = ix.p.assessment;
  for (const auto& [id, in] : a.items) {
    std::string at = child("/assessment/items", id);
    auto place = ix.items.find(id);
    if (place == ix.items.end())
      out.add(at, "unknown item " + quoted(id));
    else
      check_input(*place->second.it, in, at, out);
  }
  for (const auto& [id, triggered] : a.vetoes) {
    (void)triggered;
    if (!ix.vetoes.count(id))
      out.add(child("/assessment/vetoes", id), "unknown veto " + quoted(id));
  }
  for (const auto& [site_id, checks] : a.site_checks) {
    std::string at = child("/assessment/sites", site_id);
    if (!ix.sites.count(site_id)) out.add(at, "unknown site " + quoted(site_id));
    for (const auto& [item_id, compliant] : checks) {
      (void)compliant;
      auto place = ix.items.find(item_id);
      if (place == ix.items.end()) {
        out.add(child(at, item_id), "unknown item " + quoted(item_id));
      } else if (place->second.it->scoring.kind != rule_kind::sites) {
        out.add(child(at, item_id),
                "item " + quoted(item_id) + " is not a \"sites\" item (its rule is " +
                    quoted(rule_kind_name(place->second.it->scoring.kind)) + ")");
      }
    }
  }
}

void check_effect(const plan_index& ix, const effect& e, const std::string& at, findings& out) {
  if (e.kind == effect_kind::clear_veto) {
    check_known(ix.vetoes, e.veto, child(at, "veto"), "veto", out);
    return;
  }
  auto place = ix.items.find(e.item);
  if (place == ix.items.end()) {
    out.add(child(at, "item"), "unknown item " + quoted(e.item));
    return;
  }
  const item& it = *place->second.it;
  std::string key_at = child(at, effect_kind_name(e.kind));
  if (!effect_suits(e.kind, it.scoring.kind)) {
    out.add(key_at, "does not suit item " + quoted(it.id) + " (a " +
                        quoted(rule_kind_name(it.scoring.kind)) + " item takes " +
                        input_form(it.scoring.kind) + ")");
    return;
  }
  if (e.kind == effect_kind::conditions) check_conditions(it, e.ids, key_at, out);
  if (e.kind == effect_kind::level) check_level(it, e.text, key_at, out);
  if (e.kind == effect_kind::sites)
    for (std::size_t k = 0; k < e.ids.size(); ++k)
      check_known(ix.sites, e.ids[k], child(key_at, k), "site", out);
}

}  // namespace readiness::detail
