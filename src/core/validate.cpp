// validate / validation_warnings / require_valid, and the checks of the small sections
// (inspection, units, evidence, sites). The rubric, assessment and tasks have files of their own.
#include "readiness/validate.hpp"

#include "readiness/task_graph.hpp"

#include "core/validate_parts.hpp"
#include "readiness/dates.hpp"
#include "readiness/limits.hpp"

namespace readiness {
namespace detail {
namespace {

template <typename T>
void index_list(const std::vector<T>& list, const std::string& where,
                first_map<std::string>& index) {
  for (std::size_t i = 0; i < list.size(); ++i) index.emplace(list[i].id, child(where, i));
}

void check_inspection(const plan& p, findings& out) {
  if (!p.inspection) return;
  const auto& i = *p.inspection;
  if (i.arrives && i.window_end && *i.window_end < *i.arrives)
    out.add("/inspection/window_end", "the visit window ends (" + format_iso_date(*i.window_end) +
                                          ") before the team arrives (" +
                                          format_iso_date(*i.arrives) + ")");
  if (i.arrives && i.ready_by && *i.ready_by > *i.arrives)
    out.add("/inspection/ready_by", format_iso_date(*i.ready_by) + " is after the team arrives (" +
                                        format_iso_date(*i.arrives) + ")");
  if (i.target && *i.target < 0) out.add("/inspection/target", "must not be negative");
}

void check_units(const plan_index& ix, findings& out) {
  for (std::size_t i = 0; i < ix.p.units.size(); ++i) {
    const auto& u = ix.p.units[i];
    std::string at = child("/units", i);
    check_unique(ix.units, u.id, at, "unit", out);
    if (u.capacity && *u.capacity < 1)
      out.add(child(at, "capacity"), "must be at least 1 (leave it out for no limit)");
  }
}

void check_evidence(const plan_index& ix, findings& out) {
  for (std::size_t i = 0; i < ix.p.evidence.size(); ++i) {
    const auto& e = ix.p.evidence[i];
    std::string at = child("/evidence", i);
    check_unique(ix.evidence, e.id, at, "evidence", out);
    if (!ix.items.count(e.item)) out.add(child(at, "item"), "unknown item " + quoted(e.item));
  }
}

void check_sites(const plan_index& ix, findings& out) {
  for (std::size_t i = 0; i < ix.p.sites.size(); ++i) {
    const auto& s = ix.p.sites[i];
    std::string at = child("/sites", i);
    check_unique(ix.sites, s.id, at, "site", out);
    if (!s.unit.empty()) check_known(ix.units, s.unit, child(at, "unit"), "unit", out);
  }
}

void check_simulation(const plan& p, findings& out) {
  if (p.simulation && p.simulation->iterations && *p.simulation->iterations < 1)
    out.add("/simulation/iterations", "must be at least 1");
  // Checked here, not only when simulating: a small document must not ask for unbounded work.
  if (p.simulation && p.simulation->iterations &&
      static_cast<std::uint64_t>(*p.simulation->iterations) > limits::max_iterations)
    out.add("/simulation/iterations", "must be at most " + std::to_string(limits::max_iterations) +
                                          ", got " + std::to_string(*p.simulation->iterations));
}

// Sites an item of kind "sites" is scored over.
std::size_t sites_in_scope(const plan& p, const rule& r) {
  if (r.site_type.empty()) {
    std::size_t n = 0;
    for (const auto& id : r.sites)
      for (const auto& s : p.sites)
        if (s.id == id) {
          ++n;
          break;
        }
    return n;
  }
  std::size_t n = 0;
  for (const auto& s : p.sites) n += s.type == r.site_type;
  return n;
}

}  // namespace

std::string quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

void check_unique(const first_map<std::string>& index, const std::string& id,
                  const std::string& pointer, const char* what, findings& out) {
  auto it = index.find(id);
  if (it != index.end() && it->second != pointer)
    out.add(child(pointer, "id"), "duplicate " + std::string(what) + " id " + quoted(id) +
                                      " (first at " + it->second + ")");
}

bool check_known(const first_map<std::string>& index, const std::string& id,
                 const std::string& where, const char* what, findings& out) {
  if (index.count(id)) return true;
  out.add(where, "unknown " + std::string(what) + " " + quoted(id));
  return false;
}

std::vector<item_place> all_items(const rubric& r) {
  std::vector<item_place> out;
  for (std::size_t c = 0; c < r.categories.size(); ++c) {
    std::string at = child(child("/rubric/categories", c), "items");
    for (std::size_t i = 0; i < r.categories[c].items.size(); ++i)
      out.push_back({&r.categories[c].items[i], child(at, i)});
  }
  if (r.bonus)
    for (std::size_t i = 0; i < r.bonus->items.size(); ++i)
      out.push_back({&r.bonus->items[i], child("/rubric/bonus/items", i)});
  if (r.penalties)
    for (std::size_t i = 0; i < r.penalties->items.size(); ++i)
      out.push_back({&r.penalties->items[i], child("/rubric/penalties/items", i)});
  return out;
}

plan_index index_plan(const plan& p) {
  plan_index ix{p, {}, {}, {}, {}, {}, {}, {}, {}, {}};
  index_list(p.units, "/units", ix.units);
  index_list(p.sites, "/sites", ix.sites);
  index_list(p.tasks, "/tasks", ix.tasks);
  index_list(p.evidence, "/evidence", ix.evidence);
  index_list(p.rubric.categories, "/rubric/categories", ix.categories);
  index_list(p.rubric.vetoes, "/rubric/vetoes", ix.vetoes);
  for (std::size_t i = 0; i < p.rubric.gates.size(); ++i)
    ix.gates.emplace(p.rubric.gates[i].name(), child("/rubric/gates", i));
  for (auto& place : all_items(p.rubric)) ix.items.emplace(place.it->id, place);
  for (const auto& t : p.tasks)
    if (!t.parent.empty()) ix.parents.emplace(t.parent, t.id);
  return ix;
}

}  // namespace detail

std::vector<diagnostic> validate(const plan& p) {
  detail::findings out;
  detail::plan_index ix = detail::index_plan(p);
  detail::check_inspection(p, out);
  detail::check_units(ix, out);
  detail::check_rubric(ix, out);
  detail::check_assessment(ix, out);
  detail::check_evidence(ix, out);
  detail::check_sites(ix, out);
  detail::check_tasks(ix, out);
  detail::check_simulation(p, out);
  // Cycles only in an otherwise sound network: on top of broken links they are noise.
  if (out.list.empty())
    for (auto& cycle : find_cycles(p)) out.list.push_back(std::move(cycle));
  return std::move(out.list);
}

std::vector<diagnostic> validation_warnings(const plan& p) {
  std::vector<diagnostic> out;
  for (const auto& place : detail::all_items(p.rubric)) {
    const item& it = *place.it;
    if (it.scoring.kind != rule_kind::sites) continue;
    std::size_t n = detail::sites_in_scope(p, it.scoring);
    if (n == 0) {
      out.push_back({detail::child(place.pointer, "rule"),
                     "no sites in scope: item " + detail::quoted(it.id) + " will score 0"});
    } else if (it.min_sample && static_cast<std::int64_t>(n) < *it.min_sample) {
      out.push_back({detail::child(place.pointer, "min_sample"),
                     std::to_string(n) + " sites in scope, fewer than min_sample " +
                         std::to_string(*it.min_sample)});
    }
  }
  return out;
}

void require_valid(const plan& p) {
  auto found = validate(p);
  if (!found.empty()) throw error(errc::validation, std::move(found));
}

}  // namespace readiness
