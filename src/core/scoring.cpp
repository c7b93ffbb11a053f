// score / score_into / score_totals: one linear pass over the inputs, one over the items, then
// the totals (SPEC §3.2).
#include <algorithm>

#include "core/scoring_internal.hpp"

namespace readiness {
namespace {

using detail::compiled_data;
using detail::compiled_item;
using detail::rule_outcome;
using detail::section;

// Per-call working storage, indexed by item.
struct scratch {
  std::vector<const item_input*> inputs;
  std::vector<std::uint64_t> have;      // evidence kinds found, one bit per required kind
  std::vector<std::int64_t> compliant;  // compliant sites in scope
  std::vector<centi> scores;            // item scores
  std::vector<centi> categories;        // category scores
};

// The totals-only paths run millions of times in a batch: each thread keeps its working storage.
scratch& reused_scratch() {
  thread_local scratch s;
  return s;
}

// Everything but the item inputs: the evidence found per item, the compliant sites in scope.
void gather_evidence_and_sites(const compiled_data& d, const assessment& a,
                               const std::vector<evidence_entry>& evidence, scratch& s) {
  std::size_t n = d.items.size();
  s.have.assign(n, 0);
  s.compliant.assign(n, 0);
  s.scores.assign(n, 0);
  for (const auto& e : evidence) {
    auto it = d.item_index.find(e.item);
    if (it == d.item_index.end()) continue;
    const auto& required = d.items[it->second].required;
    for (std::size_t k = 0; k < required.size(); ++k)
      if (required[k] == e.kind) s.have[it->second] |= std::uint64_t{1} << k;
  }
  for (const auto& [site_id, checks] : a.site_checks) {
    auto site = d.site_index.find(site_id);
    if (site == d.site_index.end()) continue;
    for (const auto& [item_id, ok] : checks) {
      if (!ok) continue;
      auto it = d.item_index.find(item_id);
      if (it == d.item_index.end()) continue;
      const auto& scope = d.items[it->second].scope;
      if (std::binary_search(scope.begin(), scope.end(), site->second)) ++s.compliant[it->second];
    }
  }
}

void gather(const compiled_data& d, const assessment& a,
            const std::vector<evidence_entry>& evidence, scratch& s) {
  s.inputs.assign(d.items.size(), nullptr);
  for (const auto& [id, input] : a.items)
    if (auto it = d.item_index.find(id); it != d.item_index.end()) s.inputs[it->second] = &input;
  gather_evidence_and_sites(d, a, evidence, s);
}

struct evaluation {
  rule_outcome outcome;
  centi score = 0;
  item_status status = item_status::blank;
  std::uint64_t missing = 0;  // required evidence kinds not found
};

item_status status_of(const compiled_item& ci, const rule_outcome& o) {
  if (ci.where == section::penalty) {
    if (o.score == 0) return item_status::full;
    return o.capped ? item_status::zero : item_status::partial;
  }
  centi points = ci.source->points;
  if (o.score >= points) return item_status::full;
  if (o.score <= 0) return item_status::zero;
  return item_status::partial;
}

evaluation evaluate(const compiled_data& d, std::size_t i, const scratch& s) {
  const compiled_item& ci = d.items[i];
  evaluation e;
  e.outcome = detail::apply_rule(ci, s.inputs[i], s.compliant[i]);
  if (e.outcome.blank) return e;  // no input: 0, whatever the evidence
  e.missing = ci.required_mask & ~s.have[i];
  if (e.missing != 0) {
    e.status = item_status::no_evidence;  // no credit without proof
    return e;
  }
  e.score = e.outcome.score;
  e.status = status_of(ci, e.outcome);
  return e;
}

// Σ weight × (category score / points) × max, rounded once (SPEC §3.2).
centi weighted_base(const compiled_data& d, const std::vector<centi>& categories) {
  detail::wide_ratio sum;
  for (std::size_t c = 0; c < categories.size(); ++c) {
    const auto& cat = d.source.categories[c];
    if (cat.points == 0) continue;
    fraction w = *cat.weight;
    sum =
        detail::add(sum, detail::reduce_ratio(static_cast<wide_int>(w.num) * categories[c] * d.max,
                                              static_cast<wide_int>(w.den) * cat.points));
  }
  return round_half_away(sum.num, sum.den);
}

std::size_t grade_index(const rubric& r, const std::string& label) {
  for (std::size_t g = 0; g < r.grades.size(); ++g)
    if (r.grades[g].label == label) return g;
  return r.grades.size();
}

struct effects {
  bool disqualified = false;
  std::optional<centi> score_cap;
  std::optional<std::size_t> grade_cap;  // index into grades: larger is lower

  void apply(const rubric& r, const sanction& s) {
    switch (s.what) {
      case sanction::kind::disqualify:
        disqualified = true;
        break;
      case sanction::kind::cap_score:
        score_cap = score_cap ? std::min(*score_cap, s.score) : s.score;
        break;
      case sanction::kind::cap_grade: {
        std::size_t g = grade_index(r, s.grade);
        grade_cap = grade_cap ? std::max(*grade_cap, g) : g;
        break;
      }
    }
  }
};

void compute_total(const compiled_data& d, const assessment& a, std::optional<centi> target,
                   scratch& s, score_total& t) {
  const rubric& r = d.source;
  s.categories.assign(d.categories.size(), 0);
  for (std::size_t c = 0; c < d.categories.size(); ++c)
    for (auto i = d.categories[c].first; i < d.categories[c].last; ++i)
      s.categories[c] += s.scores[i];
  centi bonus = 0, penalty = 0, plain_base = 0;
  for (centi c : s.categories) plain_base += c;
  for (std::size_t i = 0; i < d.items.size(); ++i) {
    if (d.items[i].where == section::bonus) bonus += s.scores[i];
    if (d.items[i].where == section::penalty) penalty += s.scores[i];
  }
  if (r.bonus && r.bonus->cap) bonus = std::min(bonus, *r.bonus->cap);
  if (r.penalties && r.penalties->cap) penalty = std::max(penalty, -*r.penalties->cap);

  t.base = d.weighted ? weighted_base(d, s.categories) : plain_base;
  t.bonus = bonus;
  t.penalty = penalty;
  t.max = d.max;
  t.total = std::max<centi>(0, t.base + bonus + penalty);

  effects fx;
  t.vetoes_triggered.clear();
  for (auto v : d.veto_order) {
    auto it = a.vetoes.find(r.vetoes[v].id);
    if (it == a.vetoes.end() || !it->second) continue;
    t.vetoes_triggered.push_back(r.vetoes[v].id);
    fx.apply(r, r.vetoes[v].effect);
  }
  t.gates_failed.clear();
  for (auto g : d.gate_order) {
    const gate& gt = r.gates[g];
    auto c = static_cast<std::size_t>(d.gate_category[g]);
    centi points = r.categories[c].points;
    // score / points < num / den, compared exactly
    if (points <= 0 || static_cast<wide_int>(s.categories[c]) * gt.min_ratio.den >=
                           static_cast<wide_int>(gt.min_ratio.num) * points)
      continue;
    t.gates_failed.push_back(gt.name());
    fx.apply(r, gt.effect);
  }

  if (fx.score_cap) t.total = std::min(t.total, *fx.score_cap);
  std::size_t g = 0;
  while (g < r.grades.size() && r.grades[g].min > t.total) ++g;
  if (fx.grade_cap && *fx.grade_cap > g) g = *fx.grade_cap;
  if (g < r.grades.size())
    t.grade = r.grades[g].label;
  else
    t.grade.clear();
  t.qualified = !fx.disqualified;
  t.target = target;
  t.gap = target ? std::optional<centi>(std::max<centi>(0, *target - t.total)) : std::nullopt;
}

const char* category_of(const compiled_data& d, const compiled_item& ci) {
  switch (ci.where) {
    case section::bonus:
      return "bonus";
    case section::penalty:
      return "penalty";
    case section::regular:
      break;
  }
  return d.source.categories[ci.category].id.c_str();
}

void fill_lists(const compiled_data& d, score_result& out) {
  out.blanks.clear();
  out.shortfalls.clear();
  out.bonus_opportunities.clear();
  const rubric& r = d.source;
  std::optional<centi> room;
  if (r.bonus && r.bonus->cap) room = std::max<centi>(0, *r.bonus->cap - out.total.bonus);
  for (std::size_t i = 0; i < d.items.size(); ++i) {
    const item_score& s = out.items[i];
    section where = d.items[i].where;
    if (where == section::penalty) continue;
    if (s.status == item_status::blank) out.blanks.push_back(s.id);
    if (s.lost > 0) out.shortfalls.push_back({s.id, s.lost});
    if (where == section::bonus && s.lost > 0 && (!room || *room > 0))
      out.bonus_opportunities.push_back({s.id, room ? std::min(s.lost, *room) : s.lost});
  }
  std::sort(out.blanks.begin(), out.blanks.end(), id_less{});
  std::sort(out.shortfalls.begin(), out.shortfalls.end(),
            [](const shortfall& a, const shortfall& b) {
              if (a.lost != b.lost) return a.lost > b.lost;
              return id_less{}(a.id, b.id);
            });
  std::sort(
      out.bonus_opportunities.begin(), out.bonus_opportunities.end(),
      [](const bonus_opportunity& a, const bonus_opportunity& b) { return id_less{}(a.id, b.id); });
}

score_total totals_of(const compiled_data& d, const assessment& a, std::optional<centi> target,
                      scratch& s) {
  for (std::size_t i = 0; i < d.items.size(); ++i) s.scores[i] = evaluate(d, i, s).score;
  score_total t;
  compute_total(d, a, target, s, t);
  return t;
}

}  // namespace

const char* item_status_name(item_status s) noexcept {
  switch (s) {
    case item_status::full:
      return "full";
    case item_status::partial:
      return "partial";
    case item_status::zero:
      return "zero";
    case item_status::blank:
      return "blank";
    case item_status::no_evidence:
      return "no_evidence";
  }
  return "?";
}

void score_into(const compiled_rubric& rubric, const assessment& a,
                const std::vector<evidence_entry>& evidence, std::optional<centi> target,
                score_result& out) {
  const compiled_data& d = rubric.data();
  scratch s;
  gather(d, a, evidence, s);
  out.as_of = a.as_of;
  out.items.resize(d.items.size());
  for (std::size_t i = 0; i < d.items.size(); ++i) {
    const compiled_item& ci = d.items[i];
    evaluation e = evaluate(d, i, s);
    s.scores[i] = e.score;
    item_score& is = out.items[i];
    is.id = ci.source->id;
    is.category = category_of(d, ci);
    is.title = ci.source->title;
    is.owner = ci.source->owner;
    is.score = e.score;
    is.max = ci.where == section::penalty ? 0 : ci.source->points;
    is.lost = is.max - is.score;
    is.status = e.status;
    is.rule = ci.source->scoring.kind;
    is.reason = detail::item_reason(ci, e.outcome, e.status, e.missing);
  }
  compute_total(d, a, target, s, out.total);
  out.categories.resize(d.categories.size());
  for (std::size_t c = 0; c < d.categories.size(); ++c) {
    const category& cat = d.source.categories[c];
    category_score& cs = out.categories[c];
    cs.id = cat.id;
    cs.title = cat.title;
    cs.score = s.categories[c];
    cs.max = cat.points;
    cs.ratio = cat.points > 0 ? make_fraction(cs.score, cs.max) : fraction{0, 1};
  }
  fill_lists(d, out);
}

score_result score(const compiled_rubric& rubric, const assessment& a,
                   const std::vector<evidence_entry>& evidence, std::optional<centi> target) {
  score_result out;
  score_into(rubric, a, evidence, target, out);
  return out;
}

score_total score_totals(const compiled_rubric& rubric, const assessment& a,
                         const std::vector<evidence_entry>& evidence, std::optional<centi> target) {
  const compiled_data& d = rubric.data();
  scratch& s = reused_scratch();
  gather(d, a, evidence, s);
  return totals_of(d, a, target, s);
}

score_total score_totals(const compiled_rubric& rubric, const item_input* const* inputs,
                         const assessment& rest, const std::vector<evidence_entry>& evidence,
                         std::optional<centi> target) {
  const compiled_data& d = rubric.data();
  scratch& s = reused_scratch();
  s.inputs.assign(inputs, inputs + d.items.size());
  gather_evidence_and_sites(d, rest, evidence, s);
  return totals_of(d, rest, target, s);
}

score_result score_plan(const plan& p) {
  compiled_rubric compiled = compile_rubric(p.rubric, p.sites);
  std::optional<centi> target;
  if (p.inspection) target = p.inspection->target;
  return score(compiled, p.assessment, p.evidence, target);
}

}  // namespace readiness
