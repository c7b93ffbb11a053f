// Task effects on an assessment (SPEC §6): the one definition of every effect kind, and a
// resettable state that applies them fast.
#include "readiness/effects.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <utility>

#include "core/scoring_internal.hpp"
#include "readiness/error.hpp"

namespace readiness {
namespace {

// The ratio of a level label among the item's levels; nullopt when it has none of that name.
std::optional<fraction> level_ratio(const item& it, const std::string& label) {
  for (const auto& l : it.scoring.levels)
    if (l.label == label) return l.ratio;
  return std::nullopt;
}

std::optional<fraction> current_value(const item_input& in) {
  if (in.value) return in.value;
  if (in.hits && in.of && *in.of > 0) return make_fraction(*in.hits, *in.of);
  return std::nullopt;
}

const item& item_named(const compiled_rubric& rubric, const std::string& id,
                       std::string_view task_id) {
  auto index = rubric.find_item(id);
  if (!index)
    throw error(errc::validation, "task " + std::string(task_id),
                "effect on unknown item \"" + id + "\"");
  return *rubric.data().items[*index].source;
}

}  // namespace

void apply_item_effect(const item& it, const effect& e, item_input& in) {
  switch (e.kind) {
    case effect_kind::met:
      in.met = true;
      break;
    case effect_kind::conditions: {
      if (!in.met_conditions) in.met_conditions.emplace();
      auto& met = *in.met_conditions;
      for (const auto& c : e.ids)
        if (std::find(met.begin(), met.end(), c) == met.end()) met.push_back(c);
      break;
    }
    case effect_kind::count:
      in.count = std::max<std::int64_t>(0, in.count.value_or(0) + e.amount);
      break;
    case effect_kind::resolve:
      if (in.deficiencies) in.deficiencies = std::max<std::int64_t>(0, *in.deficiencies - e.amount);
      break;
    case effect_kind::level: {
      auto wanted = level_ratio(it, e.text);
      if (!wanted) break;
      std::optional<fraction> now = in.level ? level_ratio(it, *in.level) : std::nullopt;
      if (!now || *wanted > *now) in.level = e.text;
      break;
    }
    case effect_kind::value: {
      auto now = current_value(in);
      if (!now || e.value > *now) in.value = e.value;
      break;
    }
    case effect_kind::evidence:
    case effect_kind::sites:
    case effect_kind::clear_veto:
      break;  // not on the item's input
  }
}

void apply_effect(const compiled_rubric& rubric, const effect& e, std::string_view task_id,
                  assessment& a, std::vector<evidence_entry>& ledger) {
  switch (e.kind) {
    case effect_kind::clear_veto:
      if (auto it = a.vetoes.find(e.veto); it != a.vetoes.end()) it->second = false;
      return;
    case effect_kind::evidence: {
      item_named(rubric, e.item, task_id);
      evidence_entry entry;
      entry.id = std::string(task_id) + ":" + e.text;
      entry.item = e.item;
      entry.kind = e.text;
      ledger.push_back(std::move(entry));
      return;
    }
    case effect_kind::sites:
      item_named(rubric, e.item, task_id);
      for (const auto& s : e.ids) a.site_checks[s][e.item] = true;
      return;
    default:
      apply_item_effect(item_named(rubric, e.item, task_id), e, a.items[e.item]);
  }
}

void apply_task_effects(const compiled_rubric& rubric, const task& t, assessment& a,
                        std::vector<evidence_entry>& ledger) {
  for (const auto& e : t.effects) apply_effect(rubric, e, t.id, a, ledger);
}

// ---------------------------------------------------------------------------------------------

struct effect_state::impl {
  const compiled_rubric* rubric = nullptr;
  assessment work;
  std::vector<evidence_entry> ledger;
  std::size_t base_ledger = 0;

  // One step of a task's effects, pointing into `work`.
  struct op {
    const effect* e = nullptr;
    const item* it = nullptr;
    item_input* input = nullptr;  // item effects
    bool* flag = nullptr;         // a site check (set) or a veto (clear)
    std::int32_t evidence = -1;   // evidence: the (item, kind) slot
  };
  std::vector<std::vector<op>> ops;  // per task

  std::vector<std::pair<item_input*, item_input>> saved_inputs;
  std::vector<std::pair<bool*, bool>> saved_flags;
  std::vector<std::pair<std::string, std::string>> evidence_slots;  // (item, kind)
  std::vector<char> evidence_base, evidence_now;
  bool sensitive = false;

  std::map<item_input*, bool> seen_inputs;
  std::map<bool*, bool> seen_flags;

  item_input* input_slot(const std::string& id) {
    auto [it, added] = work.items.try_emplace(id);
    item_input* p = &it->second;
    if (seen_inputs.emplace(p, true).second) saved_inputs.emplace_back(p, *p);
    (void)added;
    return p;
  }
  bool* flag_slot(bool& flag) {
    if (seen_flags.emplace(&flag, true).second) saved_flags.emplace_back(&flag, flag);
    return &flag;
  }
  std::int32_t evidence_slot(const std::string& item_id, const std::string& kind) {
    for (std::size_t s = 0; s < evidence_slots.size(); ++s)
      if (evidence_slots[s].first == item_id && evidence_slots[s].second == kind)
        return static_cast<std::int32_t>(s);
    evidence_slots.emplace_back(item_id, kind);
    bool present = std::any_of(ledger.begin(), ledger.end(), [&](const evidence_entry& e) {
      return e.item == item_id && e.kind == kind;
    });
    evidence_base.push_back(present ? 1 : 0);
    return static_cast<std::int32_t>(evidence_slots.size() - 1);
  }

  op compile(const effect& e, const task& t) {
    op o;
    o.e = &e;
    switch (e.kind) {
      case effect_kind::clear_veto:
        if (auto it = work.vetoes.find(e.veto); it != work.vetoes.end())
          o.flag = flag_slot(it->second);
        return o;
      case effect_kind::evidence:
        o.it = &item_named(*rubric, e.item, t.id);
        o.evidence = evidence_slot(e.item, e.text);
        return o;
      case effect_kind::sites:
        o.it = &item_named(*rubric, e.item, t.id);
        return o;  // one op per site, made by the caller
      default:
        o.it = &item_named(*rubric, e.item, t.id);
        o.input = input_slot(e.item);
        return o;
    }
  }

  void find_order_sensitivity(const std::vector<const task*>& tasks) {
    std::map<std::string_view, int> signs;  // bit 1: adds, bit 2: removes
    for (const task* t : tasks)
      for (const auto& e : t->effects)
        if (e.kind == effect_kind::count && e.amount != 0) signs[e.item] |= e.amount > 0 ? 1 : 2;
    sensitive =
        std::any_of(signs.begin(), signs.end(), [](const auto& s) { return s.second == 3; });
  }
};

effect_state::effect_state(const compiled_rubric& rubric, const assessment& base,
                           const std::vector<evidence_entry>& ledger,
                           const std::vector<const task*>& tasks)
    : impl_(std::make_unique<impl>()) {
  impl& m = *impl_;
  m.rubric = &rubric;
  m.work = base;
  m.ledger = ledger;
  m.base_ledger = ledger.size();
  m.ops.resize(tasks.size());
  for (std::size_t t = 0; t < tasks.size(); ++t)
    for (const auto& e : tasks[t]->effects) {
      if (e.kind != effect_kind::sites) {
        m.ops[t].push_back(m.compile(e, *tasks[t]));
        continue;
      }
      impl::op o = m.compile(e, *tasks[t]);
      for (const auto& s : e.ids) {
        o.flag = m.flag_slot(m.work.site_checks[s][e.item]);
        m.ops[t].push_back(o);
      }
    }
  m.evidence_now = m.evidence_base;
  m.seen_inputs.clear();
  m.seen_flags.clear();
  m.find_order_sensitivity(tasks);
}

effect_state::~effect_state() = default;

void effect_state::reset() {
  impl& m = *impl_;
  for (auto& [target, saved] : m.saved_inputs) *target = saved;
  for (auto& [target, saved] : m.saved_flags) *target = saved;
  m.ledger.resize(m.base_ledger);
  m.evidence_now = m.evidence_base;
}

void effect_state::apply(std::size_t task) {
  impl& m = *impl_;
  for (const auto& o : m.ops[task]) {
    switch (o.e->kind) {
      case effect_kind::clear_veto:
        if (o.flag) *o.flag = false;
        break;
      case effect_kind::sites:
        *o.flag = true;
        break;
      case effect_kind::evidence: {
        auto s = static_cast<std::size_t>(o.evidence);
        if (m.evidence_now[s]) break;
        m.evidence_now[s] = 1;
        evidence_entry entry;
        entry.item = m.evidence_slots[s].first;
        entry.kind = m.evidence_slots[s].second;
        m.ledger.push_back(std::move(entry));
        break;
      }
      default:
        apply_item_effect(*o.it, *o.e, *o.input);
    }
  }
}

bool effect_state::has_effects(std::size_t task) const {
  return !impl_->ops[task].empty();
}
bool effect_state::order_sensitive() const {
  return impl_->sensitive;
}
const assessment& effect_state::current() const {
  return impl_->work;
}
const std::vector<evidence_entry>& effect_state::ledger() const {
  return impl_->ledger;
}

score_total effect_state::totals(std::optional<centi> target) const {
  return score_totals(*impl_->rubric, impl_->work, impl_->ledger, target);
}

score_result effect_state::result(std::optional<centi> target) const {
  return score(*impl_->rubric, impl_->work, impl_->ledger, target);
}

}  // namespace readiness
