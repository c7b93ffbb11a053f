#include "store/update_check.hpp"

#include <algorithm>

#include "core/json_pointer.hpp"
#include "readiness/validate.hpp"

namespace readiness::store {
namespace {

using readiness::detail::pointer_token;

// The stored structure without tasks, at the status date the change will have.
plan probe_of(const plan& skeleton, date as_of) {
  plan probe;
  probe.title = skeleton.title;
  probe.inspection = skeleton.inspection;
  probe.calendar = skeleton.calendar;
  probe.units = skeleton.units;
  probe.rubric = skeleton.rubric;
  probe.sites = skeleton.sites;
  probe.assessment.as_of = as_of;
  return probe;
}

// Keeps the validator's findings at or under `prefix`, naming them by `subject` instead.
void keep_findings(const plan& probe, const std::string& prefix, const std::string& subject,
                   std::vector<diagnostic>& out) {
  for (auto& d : validate(probe)) {
    if (d.where.compare(0, prefix.size(), prefix) != 0) continue;
    std::string rest = d.where.substr(prefix.size());
    if (!rest.empty() && rest[0] != '/') continue;  // a sibling whose key only starts alike
    out.push_back({subject + (rest.empty() ? "" : ", " + rest.substr(1)), d.message});
  }
}

task stripped(const task& t) {
  task s = t;
  s.parent.clear();
  s.lead.clear();
  s.responsible.clear();
  s.support.clear();
  s.after.clear();
  s.effects.clear();
  s.progress.reset();
  s.started.reset();
  s.finished.reset();
  return s;
}

bool has_item(const plan& skeleton, const std::string& id) {
  auto in = [&](const std::vector<item>& items) {
    return std::any_of(items.begin(), items.end(), [&](const item& it) { return it.id == id; });
  };
  const rubric& r = skeleton.rubric;
  for (const auto& c : r.categories)
    if (in(c.items)) return true;
  return (r.bonus && in(r.bonus->items)) || (r.penalties && in(r.penalties->items));
}

}  // namespace

structure_index::structure_index(const plan& p) : skeleton(p) {
  tasks.reserve(p.tasks.size());
  for (const auto& t : p.tasks) {
    tasks.emplace(t.id, &t);
    if (!t.parent.empty()) first_child.emplace(t.parent, &t);
  }
}

void check_task_status(const structure_index& index, const std::string& task_id,
                       const task_state& s, date as_of, std::vector<diagnostic>& out) {
  const std::string subject = "task " + task_id;
  auto found = index.tasks.find(task_id);
  if (found == index.tasks.end()) {
    out.push_back({subject, "unknown task"});
    return;
  }
  // The reader checks this range in documents; the validator sees only what readers let through.
  if (s.progress && (s.progress->num < 0 || s.progress->num > s.progress->den)) {
    out.push_back(
        {subject + ", progress", "must be between 0 and 1, not " + format_fraction(*s.progress)});
    return;
  }
  // The task alone (its links and effects are checked at import and never change), with the
  // plan's dates, so rules about its own status apply as in the whole plan.
  plan probe;
  probe.inspection = index.skeleton.inspection;
  probe.assessment.as_of = as_of;
  task changed = stripped(*found->second);
  changed.progress = s.progress;
  changed.started = s.started;
  changed.finished = s.finished;
  probe.tasks.push_back(std::move(changed));
  // A summary task stays a summary: one of its children comes along.
  if (auto kid = index.first_child.find(task_id); kid != index.first_child.end()) {
    task c = stripped(*kid->second);
    c.parent = task_id;
    probe.tasks.push_back(std::move(c));
  }
  keep_findings(probe, "/tasks/0", subject, out);
}

void check_progress_ranges(const plan& p, std::vector<diagnostic>& out) {
  for (std::size_t i = 0; i < p.tasks.size(); ++i) {
    const auto& progress = p.tasks[i].progress;
    if (progress && (progress->num < 0 || progress->num > progress->den))
      out.push_back({"/tasks/" + std::to_string(i) + "/progress",
                     "must be between 0 and 1, not " + format_fraction(*progress)});
  }
}

void check_item_input(const plan& skeleton, const std::string& item_id,
                      const std::optional<item_input>& input, date as_of,
                      std::vector<diagnostic>& out) {
  const std::string subject = "item " + item_id;
  if (!has_item(skeleton, item_id)) {
    out.push_back({subject, "unknown item"});
    return;
  }
  if (!input) return;  // making an item blank is always allowed
  plan probe = probe_of(skeleton, as_of);
  probe.assessment.items.emplace(item_id, *input);
  keep_findings(probe, "/assessment/items" + pointer_token(item_id), subject, out);
}

void check_veto_flag(const plan& skeleton, const std::string& veto_id,
                     std::optional<bool> triggered, date as_of, std::vector<diagnostic>& out) {
  const std::string subject = "veto " + veto_id;
  const auto& vetoes = skeleton.rubric.vetoes;
  if (std::none_of(vetoes.begin(), vetoes.end(), [&](const veto& v) { return v.id == veto_id; })) {
    out.push_back({subject, "unknown veto"});
    return;
  }
  if (!triggered) return;
  plan probe = probe_of(skeleton, as_of);
  probe.assessment.vetoes.emplace(veto_id, *triggered);
  keep_findings(probe, "/assessment/vetoes" + pointer_token(veto_id), subject, out);
}

void check_site_check(const plan& skeleton, const std::string& site_id, const std::string& item_id,
                      std::optional<bool> compliant, date as_of, std::vector<diagnostic>& out) {
  const std::string subject = "site " + site_id + " / item " + item_id;
  const auto& sites = skeleton.sites;
  if (std::none_of(sites.begin(), sites.end(), [&](const site& s) { return s.id == site_id; }))
    out.push_back({subject, "unknown site"});
  if (!has_item(skeleton, item_id)) out.push_back({subject, "unknown item"});
  if (!compliant || !out.empty()) return;
  plan probe = probe_of(skeleton, as_of);
  probe.assessment.site_checks[site_id].emplace(item_id, *compliant);
  keep_findings(probe, "/assessment/sites" + pointer_token(site_id), subject, out);
}

void check_evidence(const plan& skeleton, const evidence_entry& entry, bool remove, date as_of,
                    std::vector<diagnostic>& out) {
  const std::string subject = "evidence " + entry.id;
  if (entry.id.empty() || entry.id.size() > 64) {
    out.push_back({subject, "an evidence id is a non-empty string of at most 64 bytes"});
    return;
  }
  if (remove) return;
  plan probe = probe_of(skeleton, as_of);
  probe.evidence.push_back(entry);
  keep_findings(probe, "/evidence/0", subject, out);
}

}  // namespace readiness::store
