// Uncovered gaps (填空白) and the unit accountability table (SPEC §6).
#include <algorithm>
#include <map>
#include <set>

#include "core/forecast_internal.hpp"

namespace readiness::detail {

void fill_uncovered(const plan&, const std::vector<const task*>& tasks, readiness_forecast& out) {
  std::set<std::string_view> touched;
  for (const task* t : tasks)
    for (const auto& e : t->effects)
      if (e.kind != effect_kind::clear_veto) touched.insert(e.item);
  for (const auto& it : out.on_day.items) {
    if (it.category == "bonus" || it.lost <= 0 || touched.count(it.id)) continue;
    out.uncovered.push_back({it.id, it.owner, it.lost});
  }
  std::sort(out.uncovered.begin(), out.uncovered.end(),
            [](const gap& a, const gap& b) { return id_less{}(a.id, b.id); });
}

void fill_units(const plan& p, const schedule& s, readiness_forecast& out) {
  std::map<std::string, unit_row, id_less> rows;
  for (const auto& u : p.units) {
    unit_row& r = rows[u.id];
    r.id = u.id;
    r.name = u.name;
  }
  auto row = [&](const std::string& id) -> unit_row& {
    unit_row& r = rows[id];
    r.id = id;
    return r;
  };
  for (const auto& t : s.tasks) {
    if (t.summary || t.lead.empty()) continue;
    unit_row& r = row(t.lead);
    ++r.tasks;
    if (t.done) {
      ++r.done;
      continue;
    }
    switch (t.light) {
      case light::red:
        ++r.red;
        break;
      case light::yellow:
        ++r.yellow;
        break;
      case light::blue:
        ++r.blue;
        break;
      case light::green:
        ++r.green;
        break;
      case light::done:
        ++r.done;
        break;
    }
    if (is_late(t)) ++r.late;
  }
  for (const auto& e : out.at_risk)
    if (!e.unit.empty()) row(e.unit).points_at_risk += e.points;
  for (const auto& it : out.on_day.items) {
    if (it.owner.empty()) continue;
    unit_row& r = row(it.owner);
    ++r.items_owned;
    if (it.category != "bonus") r.points_lost += it.lost;
  }
  for (auto& [id, r] : rows) out.units.push_back(std::move(r));
}

}  // namespace readiness::detail
