#include <SQLiteCpp/Statement.h>

#include <string>
#include <unordered_map>

#include "readiness/error.hpp"
#include "store/ext_codec.hpp"
#include "store/names.hpp"
#include "store/sql.hpp"
#include "store/structure.hpp"

namespace readiness::store {
namespace {

using SQLite::Statement;

template <typename T>
T& find_in(std::unordered_map<std::string, T*>& index, const std::string& id, const char* table) {
  auto it = index.find(id);
  if (it == index.end())
    throw error(errc::store, table, "row refers to '" + id + "', which is not stored");
  return *it->second;
}

void read_plan_info(SQLite::Database& db, plan& p) {
  Statement st(db, "SELECT title, ext, assessment_ext FROM plan_info WHERE id = 1");
  if (!st.executeStep()) throw error(errc::store, "plan_info", "the workbook holds no plan");
  p.title = text_column(st.getColumn(0));
  p.ext = ext_column(st.getColumn(1));
  p.assessment.ext = ext_column(st.getColumn(2));
  Statement in(db, "SELECT arrives, window_end, ready_by, target, ext FROM inspection");
  if (in.executeStep()) {
    inspection v;
    v.arrives = date_column(in.getColumn(0));
    v.window_end = date_column(in.getColumn(1));
    v.ready_by = date_column(in.getColumn(2));
    v.target = int_column(in.getColumn(3));
    v.ext = ext_column(in.getColumn(4));
    p.inspection = std::move(v);
  }
  Statement sim(db, "SELECT distribution, iterations, seed, ext FROM simulation");
  if (sim.executeStep()) {
    simulation_settings s;
    s.distribution = text_column(sim.getColumn(0));
    s.iterations = int_column(sim.getColumn(1));
    if (auto seed = int_column(sim.getColumn(2))) s.seed = static_cast<std::uint64_t>(*seed);
    s.ext = ext_column(sim.getColumn(3));
    p.simulation = std::move(s);
  }
}

void read_calendars(SQLite::Database& db, plan& p) {
  std::unordered_map<std::int64_t, calendar_spec*> by_id;
  std::unordered_map<std::string, unit*> units;
  for (auto& u : p.units) units[u.id] = &u;
  Statement st(db, "SELECT id, unit_id, base, weekend, ext FROM calendar ORDER BY id");
  while (st.executeStep()) {
    calendar_spec c;
    c.base = text_column(st.getColumn(2));
    if (auto w = int_column(st.getColumn(3))) c.weekend = static_cast<std::uint8_t>(*w);
    c.ext = ext_column(st.getColumn(4));
    const std::int64_t id = st.getColumn(0).getInt64();
    if (st.getColumn(1).isNull()) {
      p.calendar = std::move(c);
      by_id[id] = &*p.calendar;
    } else {
      unit& u = find_in(units, st.getColumn(1).getString(), "calendar");
      u.calendar = std::move(c);
      by_id[id] = &*u.calendar;
    }
  }
  Statement days(db,
                 "SELECT calendar_id, kind, first, last FROM calendar_day "
                 "ORDER BY calendar_id, kind, pos");
  while (days.executeStep()) {
    auto it = by_id.find(days.getColumn(0).getInt64());
    if (it == by_id.end()) throw error(errc::store, "calendar_day", "row without its calendar");
    date_range r{*date_column(days.getColumn(2)), *date_column(days.getColumn(3))};
    (days.getColumn(1).getString() == "holiday" ? it->second->holidays : it->second->workdays)
        .push_back(r);
  }
  Statement files(db, "SELECT calendar_id, path FROM calendar_file ORDER BY calendar_id, pos");
  while (files.executeStep()) {
    auto it = by_id.find(files.getColumn(0).getInt64());
    if (it == by_id.end()) throw error(errc::store, "calendar_file", "row without its calendar");
    it->second->files.push_back(files.getColumn(1).getString());
  }
}

void read_units_and_sites(SQLite::Database& db, plan& p) {
  Statement st(db, "SELECT id, name, kind, capacity, ext FROM unit ORDER BY pos");
  while (st.executeStep()) {
    unit u;
    u.id = st.getColumn(0).getString();
    u.name = text_column(st.getColumn(1));
    u.kind = text_column(st.getColumn(2));
    u.capacity = int_column(st.getColumn(3));
    u.ext = ext_column(st.getColumn(4));
    p.units.push_back(std::move(u));
  }
  Statement sites(db, "SELECT id, name, type, unit_id, ext FROM site ORDER BY pos");
  while (sites.executeStep()) {
    site s;
    s.id = sites.getColumn(0).getString();
    s.name = text_column(sites.getColumn(1));
    s.type = text_column(sites.getColumn(2));
    s.unit = text_column(sites.getColumn(3));
    s.ext = ext_column(sites.getColumn(4));
    p.sites.push_back(std::move(s));
  }
}

item read_item(const Statement& st) {
  item it;
  it.id = st.getColumn(0).getString();
  it.title = text_column(st.getColumn(3));
  it.criteria = text_column(st.getColumn(4));
  it.points = st.getColumn(5).getInt64();
  it.owner = text_column(st.getColumn(6));
  it.min_sample = int_column(st.getColumn(7));
  it.ext = ext_column(st.getColumn(8));
  rule& r = it.scoring;
  r.kind = rule_kind_from(st.getColumn(9).getString());
  r.unit = st.getColumn(10).getInt64();
  r.cap = int_column(st.getColumn(11));
  r.per = st.getColumn(12).getInt64();
  r.floor = int_column(st.getColumn(13));
  r.zero_at = fraction_columns(st, 14);
  r.full_at = fraction_columns(st, 16);
  r.site_type = text_column(st.getColumn(18));
  r.ext = ext_column(st.getColumn(19));
  if (st.getColumn(20).getInt() != 0) {
    evidence_rule e;
    e.method = text_column(st.getColumn(21));
    e.ext = ext_column(st.getColumn(22));
    it.evidence = std::move(e);
  }
  return it;
}

void read_item_details(SQLite::Database& db, std::unordered_map<std::string, item*>& items) {
  Statement cond(db, "SELECT item_id, id, points, title, ext FROM condition ORDER BY item_id, pos");
  while (cond.executeStep()) {
    condition c;
    c.id = cond.getColumn(1).getString();
    c.points = cond.getColumn(2).getInt64();
    c.title = text_column(cond.getColumn(3));
    c.ext = ext_column(cond.getColumn(4));
    find_in(items, cond.getColumn(0).getString(), "condition").scoring.conditions.push_back(c);
  }
  Statement lev(
      db, "SELECT item_id, label, ratio_num, ratio_den, ext FROM level ORDER BY item_id, pos");
  while (lev.executeStep()) {
    level l;
    l.label = text_column(lev.getColumn(1));
    l.ratio = *fraction_columns(lev, 2);
    l.ext = ext_column(lev.getColumn(4));
    find_in(items, lev.getColumn(0).getString(), "level").scoring.levels.push_back(l);
  }
  Statement sites(db, "SELECT item_id, site_id FROM item_site ORDER BY item_id, pos");
  while (sites.executeStep())
    find_in(items, sites.getColumn(0).getString(), "item_site")
        .scoring.sites.push_back(sites.getColumn(1).getString());
  Statement kinds(db, "SELECT item_id, kind FROM item_required_kind ORDER BY item_id, pos");
  while (kinds.executeStep()) {
    item& it = find_in(items, kinds.getColumn(0).getString(), "item_required_kind");
    if (!it.evidence) it.evidence.emplace();
    it.evidence->required_kinds.push_back(kinds.getColumn(1).getString());
  }
}

sanction read_sanction(const Statement& st, int index) {
  sanction s;
  s.what = sanction_from(st.getColumn(index).getString());
  s.grade = text_column(st.getColumn(index + 1));
  s.score = st.getColumn(index + 2).getInt64();
  s.ext = ext_column(st.getColumn(index + 3));
  return s;
}

void read_rubric(SQLite::Database& db, rubric& r) {
  Statement st(db, "SELECT rubric_id, title, total, ext FROM rubric WHERE id = 1");
  if (st.executeStep()) {
    r.id = text_column(st.getColumn(0));
    r.title = text_column(st.getColumn(1));
    r.total = int_column(st.getColumn(2));
    r.ext = ext_column(st.getColumn(3));
  }
  Statement grades(db, "SELECT min, label, ext FROM grade ORDER BY pos");
  while (grades.executeStep())
    r.grades.push_back({grades.getColumn(0).getInt64(), text_column(grades.getColumn(1)),
                        ext_column(grades.getColumn(2))});
  Statement cats(db,
                 "SELECT id, title, points, weight_num, weight_den, ext FROM category "
                 "ORDER BY pos");
  while (cats.executeStep()) {
    category c;
    c.id = cats.getColumn(0).getString();
    c.title = text_column(cats.getColumn(1));
    c.points = cats.getColumn(2).getInt64();
    c.weight = fraction_columns(cats, 3);
    c.ext = ext_column(cats.getColumn(5));
    r.categories.push_back(std::move(c));
  }
  Statement groups(db, "SELECT kind, cap, ext FROM item_group");
  while (groups.executeStep()) {
    item_group g;
    g.cap = int_column(groups.getColumn(1));
    g.ext = ext_column(groups.getColumn(2));
    (groups.getColumn(0).getString() == "bonus" ? r.bonus : r.penalties) = std::move(g);
  }
  std::unordered_map<std::string, category*> cat_index;
  for (auto& c : r.categories) cat_index[c.id] = &c;
  // Items of categories in category order; the group order within each is `pos`.
  Statement items(
      db,
      "SELECT id, grp, category_id, title, criteria, points, owner_id, min_sample, ext, "
      "rule_kind, rule_unit, rule_cap, rule_per, rule_floor, zero_at_num, "
      "zero_at_den, full_at_num, full_at_den, site_type, rule_ext, has_evidence, "
      "evidence_method, evidence_ext FROM item ORDER BY grp, category_id, pos");
  while (items.executeStep()) {
    item it = read_item(items);
    std::string grp = items.getColumn(1).getString();
    if (grp == "category") {
      find_in(cat_index, items.getColumn(2).getString(), "item").items.push_back(std::move(it));
    } else {
      auto& group = grp == "bonus" ? r.bonus : r.penalties;
      if (!group) throw error(errc::store, "item", "item '" + it.id + "' without its group");
      group->items.push_back(std::move(it));
    }
  }
  std::unordered_map<std::string, item*> item_index;
  for (auto& c : r.categories)
    for (auto& it : c.items) item_index[it.id] = &it;
  for (auto* g : {&r.bonus, &r.penalties})
    if (*g)
      for (auto& it : (*g)->items) item_index[it.id] = &it;
  read_item_details(db, item_index);
  Statement vetoes(
      db,
      "SELECT id, title, effect, effect_grade, effect_score, effect_ext, ext FROM veto "
      "ORDER BY pos");
  while (vetoes.executeStep()) {
    veto v;
    v.id = vetoes.getColumn(0).getString();
    v.title = text_column(vetoes.getColumn(1));
    v.effect = read_sanction(vetoes, 2);
    v.ext = ext_column(vetoes.getColumn(6));
    r.vetoes.push_back(std::move(v));
  }
  Statement gates(db,
                  "SELECT id, category_id, min_ratio_num, min_ratio_den, effect, effect_grade, "
                  "effect_score, effect_ext, ext FROM gate ORDER BY pos");
  while (gates.executeStep()) {
    gate g;
    g.id = text_column(gates.getColumn(0));
    g.category = gates.getColumn(1).getString();
    g.min_ratio = *fraction_columns(gates, 2);
    g.effect = read_sanction(gates, 4);
    g.ext = ext_column(gates.getColumn(8));
    r.gates.push_back(std::move(g));
  }
}

void read_tasks(SQLite::Database& db, plan& p) {
  Statement st(db,
               "SELECT id, title, parent_id, lead_id, owner, duration, has_estimate, "
               "est_optimistic, est_likely, est_pessimistic, est_distribution, est_ext, "
               "not_before, due, baseline_start, baseline_finish, baseline_ext, ext "
               "FROM task ORDER BY pos");
  while (st.executeStep()) {
    task t;
    t.id = st.getColumn(0).getString();
    t.title = text_column(st.getColumn(1));
    t.parent = text_column(st.getColumn(2));
    t.lead = text_column(st.getColumn(3));
    t.owner = text_column(st.getColumn(4));
    t.duration = int_column(st.getColumn(5));
    if (st.getColumn(6).getInt() != 0) {
      estimate e;
      e.optimistic = st.getColumn(7).getDouble();
      e.likely = st.getColumn(8).getDouble();
      e.pessimistic = st.getColumn(9).getDouble();
      e.distribution = text_column(st.getColumn(10));
      e.ext = ext_column(st.getColumn(11));
      t.estimate = std::move(e);
    }
    t.not_before = date_column(st.getColumn(12));
    t.due = date_column(st.getColumn(13));
    if (auto start = date_column(st.getColumn(14))) {
      t.baseline =
          baseline_dates{*start, *date_column(st.getColumn(15)), ext_column(st.getColumn(16))};
    }
    t.ext = ext_column(st.getColumn(17));
    p.tasks.push_back(std::move(t));
  }
  std::unordered_map<std::string, task*> index;
  index.reserve(p.tasks.size());
  for (auto& t : p.tasks) index[t.id] = &t;
  Statement units(db, "SELECT task_id, role, unit_id FROM task_unit ORDER BY task_id, role, pos");
  while (units.executeStep()) {
    task& t = find_in(index, units.getColumn(0).getString(), "task_unit");
    (units.getColumn(1).getString() == "responsible" ? t.responsible : t.support)
        .push_back(units.getColumn(2).getString());
  }
  Statement links(db,
                  "SELECT task_id, pred_id, type, lag, ext FROM task_link ORDER BY task_id, pos");
  while (links.executeStep()) {
    link l;
    l.task = links.getColumn(1).getString();
    l.type = link_type_from(links.getColumn(2).getString());
    l.lag = links.getColumn(3).getInt64();
    l.ext = ext_column(links.getColumn(4));
    find_in(index, links.getColumn(0).getString(), "task_link").after.push_back(std::move(l));
  }
  Statement effects(db,
                    "SELECT task_id, kind, item_id, veto_id, amount, text, value_num, value_den, "
                    "ext FROM task_effect ORDER BY task_id, pos");
  while (effects.executeStep()) {
    effect e;
    e.kind = effect_kind_from(effects.getColumn(1).getString());
    e.item = text_column(effects.getColumn(2));
    e.veto = text_column(effects.getColumn(3));
    e.amount = effects.getColumn(4).getInt64();
    e.text = text_column(effects.getColumn(5));
    e.value = *fraction_columns(effects, 6);
    e.ext = ext_column(effects.getColumn(8));
    find_in(index, effects.getColumn(0).getString(), "task_effect").effects.push_back(std::move(e));
  }
  Statement refs(db,
                 "SELECT task_id, effect_pos, ref FROM task_effect_ref "
                 "ORDER BY task_id, effect_pos, pos");
  while (refs.executeStep()) {
    task& t = find_in(index, refs.getColumn(0).getString(), "task_effect_ref");
    auto pos = static_cast<std::size_t>(refs.getColumn(1).getInt64());
    if (pos >= t.effects.size())
      throw error(errc::store, "task_effect_ref", "row without its effect in task " + t.id);
    t.effects[pos].ids.push_back(refs.getColumn(2).getString());
  }
}

}  // namespace

plan read_structure(SQLite::Database& db) {
  plan p;
  read_plan_info(db, p);
  read_units_and_sites(db, p);
  read_calendars(db, p);
  read_rubric(db, p.rubric);
  read_tasks(db, p);
  return p;
}

}  // namespace readiness::store
