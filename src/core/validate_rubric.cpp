// Validation of the rubric (SPEC §3): ids, point sums, grades, weights, rule parameters, vetoes
// and gates.
#include <set>

#include "core/validate_parts.hpp"

namespace readiness::detail {
namespace {

std::string pts(centi c) {
  return format_centi(c);
}

void check_grades(const rubric& r, findings& out) {
  std::set<std::string> labels;
  for (std::size_t i = 0; i < r.grades.size(); ++i) {
    const auto& g = r.grades[i];
    std::string at = child("/rubric/grades", i);
    if (!labels.insert(g.label).second)
      out.add(child(at, "label"), "duplicate grade " + quoted(g.label));
    if (i > 0 && g.min >= r.grades[i - 1].min)
      out.add(child(at, "min"), "grades must be sorted by min, descending (" + pts(g.min) +
                                    " after " + pts(r.grades[i - 1].min) + ")");
  }
  if (!r.grades.empty() && r.grades.back().min != 0)
    out.add(child(child("/rubric/grades", r.grades.size() - 1), "min"),
            "the last grade must have min 0, got " + pts(r.grades.back().min));
}

void check_sanction(const sanction& s, const rubric& r, const std::string& at, findings& out) {
  if (s.what == sanction::kind::cap_grade) {
    bool known = false;
    for (const auto& g : r.grades) known = known || g.label == s.grade;
    if (!known) out.add(child(at, "cap_grade"), "unknown grade " + quoted(s.grade));
  } else if (s.what == sanction::kind::cap_score && s.score < 0) {
    out.add(child(at, "cap_score"), "must not be negative, got " + pts(s.score));
  }
}

void check_categories(const rubric& r, const plan_index& ix, findings& out) {
  centi sum = 0;
  std::size_t weighted = 0;
  fraction weights{0, 1};
  for (std::size_t c = 0; c < r.categories.size(); ++c) {
    const auto& cat = r.categories[c];
    std::string at = child("/rubric/categories", c);
    check_unique(ix.categories, cat.id, at, "category", out);
    centi items = 0;
    for (const auto& it : cat.items) items += it.points;
    if (items != cat.points)
      out.add(child(at, "points"),
              "the items add up to " + pts(items) + ", not " + pts(cat.points));
    sum += cat.points;
    if (cat.weight) {
      ++weighted;
      if (*cat.weight <= fraction{0, 1} || *cat.weight > fraction{1, 1})
        out.add(child(at, "weight"),
                "must be more than 0 and at most 1, got " + format_fraction(*cat.weight));
      weights = make_fraction(weights.num * cat.weight->den + cat.weight->num * weights.den,
                              weights.den * cat.weight->den);
    }
  }
  if (weighted > 0 && weighted < r.categories.size()) {
    for (std::size_t c = 0; c < r.categories.size(); ++c)
      if (!r.categories[c].weight)
        out.add(child("/rubric/categories", c),
                "missing \"weight\" (when one category has a weight, every category needs one)");
  } else if (weighted > 0 && weights != fraction{1, 1}) {
    out.add("/rubric/categories", "the weights add up to " + format_fraction(weights) + ", not 1");
  }
  if (r.total && *r.total != sum)
    out.add("/rubric/total", "the categories add up to " + pts(sum) + ", not " + pts(*r.total));
}

void check_share(const fraction& f, const std::string& at, findings& out) {
  if (f < fraction{0, 1} || f > fraction{1, 1})
    out.add(at, "must be between 0 and 1, got " + format_fraction(f));
}

void check_rule(const item& it, const std::string& item_at, const plan_index& ix, findings& out) {
  const rule& r = it.scoring;
  std::string at = child(item_at, "rule");
  auto positive = [&](centi v, const char* key) {
    if (v <= 0) out.add(child(at, key), "must be greater than 0, got " + pts(v));
  };
  auto not_negative = [&](const std::optional<centi>& v, const char* key) {
    if (v && *v < 0) out.add(child(at, key), "must not be negative, got " + pts(*v));
  };
  switch (r.kind) {
    case rule_kind::check:
      break;
    case rule_kind::conditions: {
      first_map<std::string> ids;
      centi sum = 0;
      std::string list_at = child(at, "conditions");
      for (std::size_t k = 0; k < r.conditions.size(); ++k) {
        const auto& c = r.conditions[k];
        std::string c_at = child(list_at, k);
        auto [first, fresh] = ids.emplace(c.id, c_at);
        if (!fresh)
          out.add(child(c_at, "id"),
                  "duplicate condition id " + quoted(c.id) + " (first at " + first->second + ")");
        if (c.points < 0)
          out.add(child(c_at, "points"), "must not be negative, got " + pts(c.points));
        sum += c.points;
      }
      if (sum != it.points)
        out.add(list_at, "the conditions add up to " + pts(sum) + ", not " + pts(it.points) +
                             " (the item's points)");
      break;
    }
    case rule_kind::per_unit:
      positive(r.unit, "unit");
      not_negative(r.cap, "cap");
      break;
    case rule_kind::deduction:
      positive(r.per, "per");
      if (r.floor && (*r.floor < 0 || *r.floor > it.points))
        out.add(child(at, "floor"), "must be between 0 and the item's points (" + pts(it.points) +
                                        "), got " + pts(*r.floor));
      break;
    case rule_kind::penalty:
      positive(r.per, "per");
      not_negative(r.cap, "cap");
      break;
    case rule_kind::levels: {
      std::set<std::string> labels;
      std::string list_at = child(at, "levels");
      if (r.levels.empty()) out.add(list_at, "a \"levels\" rule needs at least one level");
      for (std::size_t k = 0; k < r.levels.size(); ++k) {
        std::string l_at = child(list_at, k);
        if (!labels.insert(r.levels[k].label).second)
          out.add(child(l_at, "label"), "duplicate level " + quoted(r.levels[k].label));
        check_share(r.levels[k].ratio, child(l_at, "ratio"), out);
      }
      break;
    }
    case rule_kind::ratio:
    case rule_kind::sites: {
      fraction zero = r.zero_at.value_or(fraction{0, 1}), full = r.full_at.value_or(fraction{1, 1});
      if (zero >= full)
        out.add(child(at, r.full_at ? "full_at" : "zero_at"),
                "full_at (" + format_fraction(full) + ") must be greater than zero_at (" +
                    format_fraction(zero) + ")");
      for (std::size_t k = 0; k < r.sites.size(); ++k)
        check_known(ix.sites, r.sites[k], child(child(at, "sites"), k), "site", out);
      break;
    }
  }
}

void check_items(const rubric& r, const plan_index& ix, findings& out) {
  auto items = all_items(r);
  std::size_t penalty_from = items.size() - (r.penalties ? r.penalties->items.size() : 0);
  for (std::size_t n = 0; n < items.size(); ++n) {
    const item& it = *items[n].it;
    const std::string& at = items[n].pointer;
    auto first = ix.items.find(it.id);
    if (first != ix.items.end() && first->second.pointer != at)
      out.add(child(at, "id"),
              "duplicate item id " + quoted(it.id) + " (first at " + first->second.pointer + ")");
    bool in_penalties = n >= penalty_from;
    if (in_penalties && it.scoring.kind != rule_kind::penalty)
      out.add(child(child(at, "rule"), "kind"),
              std::string("a penalty item needs rule kind \"penalty\", got ") +
                  quoted(rule_kind_name(it.scoring.kind)));
    if (!in_penalties && it.scoring.kind == rule_kind::penalty)
      out.add(child(child(at, "rule"), "kind"), "a \"penalty\" rule belongs in rubric.penalties");
    if (in_penalties && it.points != 0)
      out.add(child(at, "points"), "a penalty item has 0 points, got " + pts(it.points));
    else if (it.points < 0)
      out.add(child(at, "points"), "must not be negative, got " + pts(it.points));
    if (!it.owner.empty()) check_known(ix.units, it.owner, child(at, "owner"), "unit", out);
    check_rule(it, at, ix, out);
  }
}

void check_group_cap(const std::optional<item_group>& g, const char* at, findings& out) {
  if (g && g->cap && *g->cap < 0)
    out.add(child(at, "cap"), "must not be negative, got " + pts(*g->cap));
}

}  // namespace

void check_rubric(const plan_index& ix, findings& out) {
  const rubric& r = ix.p.rubric;
  if (r.total && *r.total < 0) out.add("/rubric/total", "must not be negative");
  check_grades(r, out);
  check_categories(r, ix, out);
  check_items(r, ix, out);
  check_group_cap(r.bonus, "/rubric/bonus", out);
  check_group_cap(r.penalties, "/rubric/penalties", out);
  for (std::size_t v = 0; v < r.vetoes.size(); ++v) {
    std::string at = child("/rubric/vetoes", v);
    check_unique(ix.vetoes, r.vetoes[v].id, at, "veto", out);
    check_sanction(r.vetoes[v].effect, r, child(at, "effect"), out);
  }
  for (std::size_t g = 0; g < r.gates.size(); ++g) {
    const gate& gt = r.gates[g];
    std::string at = child("/rubric/gates", g);
    auto first = ix.gates.find(gt.name());
    if (first != ix.gates.end() && first->second != at)
      out.add(gt.id.empty() ? at : child(at, "id"),
              "duplicate gate " + quoted(gt.name()) + " (first at " + first->second + ")" +
                  (gt.id.empty() ? "; give each gate on one category an \"id\"" : ""));
    check_known(ix.categories, gt.category, child(at, "category"), "category", out);
    check_share(gt.min_ratio, child(at, "min_ratio"), out);
    check_sanction(gt.effect, r, child(at, "effect"), out);
  }
}

}  // namespace readiness::detail
