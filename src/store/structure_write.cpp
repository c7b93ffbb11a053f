#include <SQLiteCpp/Statement.h>

#include <string>

#include "readiness/model_names.hpp"
#include "store/ext_codec.hpp"
#include "store/names.hpp"
#include "store/sql.hpp"
#include "store/structure.hpp"

namespace readiness::store {
namespace {

using SQLite::Statement;

void write_plan_info(SQLite::Database& db, const plan& p) {
  Statement st(db, "INSERT INTO plan_info(id, title, ext, assessment_ext) VALUES (1, ?, ?, ?)");
  bind_text(st, 1, p.title);
  bind_ext(st, 2, p.ext);
  bind_ext(st, 3, p.assessment.ext);
  st.exec();
  if (p.inspection) {
    const auto& in = *p.inspection;
    Statement ins(db,
                  "INSERT INTO inspection(id, arrives, window_end, ready_by, target, ext) "
                  "VALUES (1, ?, ?, ?, ?, ?)");
    bind_date(ins, 1, in.arrives);
    bind_date(ins, 2, in.window_end);
    bind_date(ins, 3, in.ready_by);
    bind_int(ins, 4, in.target);
    bind_ext(ins, 5, in.ext);
    ins.exec();
  }
  if (p.simulation) {
    const auto& s = *p.simulation;
    Statement sim(db,
                  "INSERT INTO simulation(id, distribution, iterations, seed, ext) "
                  "VALUES (1, ?, ?, ?, ?)");
    bind_text(sim, 1, s.distribution);
    bind_int(sim, 2, s.iterations);
    // SQLite integers are signed: the seed's 64 bits are kept as they are.
    if (s.seed)
      sim.bind(3, static_cast<std::int64_t>(static_cast<std::int64_t>(*s.seed)));
    else
      sim.bind(3);
    bind_ext(sim, 4, s.ext);
    sim.exec();
  }
}

void write_calendar(SQLite::Database& db, const calendar_spec& c, const std::string& unit_id) {
  Statement st(db, "INSERT INTO calendar(unit_id, base, weekend, ext) VALUES (?, ?, ?, ?)");
  bind_text_or_null(st, 1, unit_id);
  bind_text(st, 2, c.base);
  if (c.weekend)
    st.bind(3, static_cast<int>(*c.weekend));
  else
    st.bind(3);
  bind_ext(st, 4, c.ext);
  st.exec();
  const std::int64_t id = db.getLastInsertRowid();
  Statement day(db,
                "INSERT INTO calendar_day(calendar_id, kind, pos, first, last) "
                "VALUES (?, ?, ?, ?, ?)");
  auto days = [&](const std::vector<date_range>& ranges, const char* kind) {
    for (std::size_t i = 0; i < ranges.size(); ++i) {
      day.reset();
      day.bind(1, id);
      day.bind(2, kind);
      day.bind(3, static_cast<std::int64_t>(i));
      bind_date(day, 4, ranges[i].first);
      bind_date(day, 5, ranges[i].last);
      day.exec();
    }
  };
  days(c.holidays, "holiday");
  days(c.workdays, "workday");
  Statement file(db, "INSERT INTO calendar_file(calendar_id, pos, path) VALUES (?, ?, ?)");
  for (std::size_t i = 0; i < c.files.size(); ++i) {
    file.reset();
    file.bind(1, id);
    file.bind(2, static_cast<std::int64_t>(i));
    bind_text(file, 3, c.files[i]);
    file.exec();
  }
}

void write_units_and_sites(SQLite::Database& db, const plan& p) {
  Statement st(db,
               "INSERT INTO unit(id, pos, name, kind, capacity, ext) VALUES (?, ?, ?, ?, ?, ?)");
  for (std::size_t i = 0; i < p.units.size(); ++i) {
    const auto& u = p.units[i];
    st.reset();
    bind_text(st, 1, u.id);
    st.bind(2, static_cast<std::int64_t>(i));
    bind_text(st, 3, u.name);
    bind_text(st, 4, u.kind);
    bind_int(st, 5, u.capacity);
    bind_ext(st, 6, u.ext);
    st.exec();
    if (u.calendar) write_calendar(db, *u.calendar, u.id);
  }
  Statement site_st(
      db, "INSERT INTO site(id, pos, name, type, unit_id, ext) VALUES (?, ?, ?, ?, ?, ?)");
  for (std::size_t i = 0; i < p.sites.size(); ++i) {
    const auto& s = p.sites[i];
    site_st.reset();
    bind_text(site_st, 1, s.id);
    site_st.bind(2, static_cast<std::int64_t>(i));
    bind_text(site_st, 3, s.name);
    bind_text(site_st, 4, s.type);
    bind_text_or_null(site_st, 5, s.unit);
    bind_ext(site_st, 6, s.ext);
    site_st.exec();
  }
}

class item_writer {
 public:
  explicit item_writer(SQLite::Database& db)
      : item_(db,
              "INSERT INTO item(id, grp, category_id, pos, title, criteria, points, owner_id, "
              "min_sample, ext, rule_kind, rule_unit, rule_cap, rule_per, rule_floor, "
              "zero_at_num, zero_at_den, full_at_num, full_at_den, site_type, rule_ext, "
              "has_evidence, evidence_method, evidence_ext) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
              "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        condition_(db,
                   "INSERT INTO condition(item_id, pos, id, points, title, ext) "
                   "VALUES (?, ?, ?, ?, ?, ?)"),
        level_(db,
               "INSERT INTO level(item_id, pos, label, ratio_num, ratio_den, ext) "
               "VALUES (?, ?, ?, ?, ?, ?)"),
        site_(db, "INSERT INTO item_site(item_id, pos, site_id) VALUES (?, ?, ?)"),
        kind_(db, "INSERT INTO item_required_kind(item_id, pos, kind) VALUES (?, ?, ?)") {}

  void write(const item& it, const char* group, const std::string& category, std::size_t pos) {
    const rule& r = it.scoring;
    item_.reset();
    bind_text(item_, 1, it.id);
    item_.bind(2, group);
    bind_text_or_null(item_, 3, category);
    item_.bind(4, static_cast<std::int64_t>(pos));
    bind_text(item_, 5, it.title);
    bind_text(item_, 6, it.criteria);
    item_.bind(7, static_cast<std::int64_t>(it.points));
    bind_text_or_null(item_, 8, it.owner);
    bind_int(item_, 9, it.min_sample);
    bind_ext(item_, 10, it.ext);
    item_.bind(11, readiness::rule_kind_name(r.kind));
    item_.bind(12, static_cast<std::int64_t>(r.unit));
    bind_int(item_, 13, r.cap);
    item_.bind(14, static_cast<std::int64_t>(r.per));
    bind_int(item_, 15, r.floor);
    bind_fraction(item_, 16, r.zero_at);
    bind_fraction(item_, 18, r.full_at);
    bind_text(item_, 20, r.site_type);
    bind_ext(item_, 21, r.ext);
    item_.bind(22, it.evidence ? 1 : 0);
    if (it.evidence) {
      bind_text(item_, 23, it.evidence->method);
      bind_ext(item_, 24, it.evidence->ext);
    } else {
      item_.bind(23);
      item_.bind(24);
    }
    item_.exec();
    for (std::size_t i = 0; i < r.conditions.size(); ++i) {
      const auto& c = r.conditions[i];
      condition_.reset();
      bind_text(condition_, 1, it.id);
      condition_.bind(2, static_cast<std::int64_t>(i));
      bind_text(condition_, 3, c.id);
      condition_.bind(4, static_cast<std::int64_t>(c.points));
      bind_text(condition_, 5, c.title);
      bind_ext(condition_, 6, c.ext);
      condition_.exec();
    }
    for (std::size_t i = 0; i < r.levels.size(); ++i) {
      const auto& l = r.levels[i];
      level_.reset();
      bind_text(level_, 1, it.id);
      level_.bind(2, static_cast<std::int64_t>(i));
      bind_text(level_, 3, l.label);
      bind_fraction(level_, 4, l.ratio);
      bind_ext(level_, 6, l.ext);
      level_.exec();
    }
    list(site_, it.id, r.sites);
    if (it.evidence) list(kind_, it.id, it.evidence->required_kinds);
  }

 private:
  static void list(Statement& st, const std::string& id, const std::vector<std::string>& values) {
    for (std::size_t i = 0; i < values.size(); ++i) {
      st.reset();
      bind_text(st, 1, id);
      st.bind(2, static_cast<std::int64_t>(i));
      bind_text(st, 3, values[i]);
      st.exec();
    }
  }

  Statement item_, condition_, level_, site_, kind_;
};

void write_rubric(SQLite::Database& db, const rubric& r) {
  Statement st(db, "INSERT INTO rubric(id, rubric_id, title, total, ext) VALUES (1, ?, ?, ?, ?)");
  bind_text(st, 1, r.id);
  bind_text(st, 2, r.title);
  bind_int(st, 3, r.total);
  bind_ext(st, 4, r.ext);
  st.exec();
  Statement grade_st(db, "INSERT INTO grade(pos, min, label, ext) VALUES (?, ?, ?, ?)");
  for (std::size_t i = 0; i < r.grades.size(); ++i) {
    grade_st.reset();
    grade_st.bind(1, static_cast<std::int64_t>(i));
    grade_st.bind(2, static_cast<std::int64_t>(r.grades[i].min));
    bind_text(grade_st, 3, r.grades[i].label);
    bind_ext(grade_st, 4, r.grades[i].ext);
    grade_st.exec();
  }
  item_writer items(db);
  Statement cat(db,
                "INSERT INTO category(id, pos, title, points, weight_num, weight_den, ext) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (std::size_t i = 0; i < r.categories.size(); ++i) {
    const auto& c = r.categories[i];
    cat.reset();
    bind_text(cat, 1, c.id);
    cat.bind(2, static_cast<std::int64_t>(i));
    bind_text(cat, 3, c.title);
    cat.bind(4, static_cast<std::int64_t>(c.points));
    bind_fraction(cat, 5, c.weight);
    bind_ext(cat, 7, c.ext);
    cat.exec();
    for (std::size_t k = 0; k < c.items.size(); ++k) items.write(c.items[k], "category", c.id, k);
  }
  Statement group(db, "INSERT INTO item_group(kind, cap, ext) VALUES (?, ?, ?)");
  auto write_group = [&](const std::optional<item_group>& g, const char* kind) {
    if (!g) return;
    group.reset();
    group.bind(1, kind);
    bind_int(group, 2, g->cap);
    bind_ext(group, 3, g->ext);
    group.exec();
    for (std::size_t k = 0; k < g->items.size(); ++k) items.write(g->items[k], kind, "", k);
  };
  write_group(r.bonus, "bonus");
  write_group(r.penalties, "penalties");
  Statement veto_st(
      db,
      "INSERT INTO veto(id, pos, title, effect, effect_grade, effect_score, effect_ext, "
      "ext) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  for (std::size_t i = 0; i < r.vetoes.size(); ++i) {
    const auto& v = r.vetoes[i];
    veto_st.reset();
    bind_text(veto_st, 1, v.id);
    veto_st.bind(2, static_cast<std::int64_t>(i));
    bind_text(veto_st, 3, v.title);
    veto_st.bind(4, sanction_name(v.effect.what));
    bind_text(veto_st, 5, v.effect.grade);
    veto_st.bind(6, static_cast<std::int64_t>(v.effect.score));
    bind_ext(veto_st, 7, v.effect.ext);
    bind_ext(veto_st, 8, v.ext);
    veto_st.exec();
  }
  Statement gate_st(
      db,
      "INSERT INTO gate(pos, id, category_id, min_ratio_num, min_ratio_den, effect, "
      "effect_grade, effect_score, effect_ext, ext) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (std::size_t i = 0; i < r.gates.size(); ++i) {
    const auto& g = r.gates[i];
    gate_st.reset();
    gate_st.bind(1, static_cast<std::int64_t>(i));
    bind_text(gate_st, 2, g.id);
    bind_text(gate_st, 3, g.category);
    bind_fraction(gate_st, 4, g.min_ratio);
    gate_st.bind(6, sanction_name(g.effect.what));
    bind_text(gate_st, 7, g.effect.grade);
    gate_st.bind(8, static_cast<std::int64_t>(g.effect.score));
    bind_ext(gate_st, 9, g.effect.ext);
    bind_ext(gate_st, 10, g.ext);
    gate_st.exec();
  }
}

class task_writer {
 public:
  explicit task_writer(SQLite::Database& db)
      : task_(db,
              "INSERT INTO task(id, pos, title, parent_id, lead_id, owner, duration, has_estimate, "
              "est_optimistic, est_likely, est_pessimistic, est_distribution, est_ext, "
              "not_before, due, baseline_start, baseline_finish, baseline_ext, ext) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        unit_(db, "INSERT INTO task_unit(task_id, role, pos, unit_id) VALUES (?, ?, ?, ?)"),
        link_(db,
              "INSERT INTO task_link(task_id, pos, pred_id, type, lag, ext) "
              "VALUES (?, ?, ?, ?, ?, ?)"),
        effect_(db,
                "INSERT INTO task_effect(task_id, pos, kind, item_id, veto_id, amount, text, "
                "value_num, value_den, ext) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        ref_(db, "INSERT INTO task_effect_ref(task_id, effect_pos, pos, ref) VALUES (?, ?, ?, ?)") {
  }

  void write(const task& t, std::size_t pos) {
    task_.reset();
    bind_text(task_, 1, t.id);
    task_.bind(2, static_cast<std::int64_t>(pos));
    bind_text(task_, 3, t.title);
    bind_text_or_null(task_, 4, t.parent);
    bind_text_or_null(task_, 5, t.lead);
    bind_text(task_, 6, t.owner);
    bind_int(task_, 7, t.duration);
    task_.bind(8, t.estimate ? 1 : 0);
    if (t.estimate) {
      task_.bind(9, t.estimate->optimistic);
      task_.bind(10, t.estimate->likely);
      task_.bind(11, t.estimate->pessimistic);
      bind_text(task_, 12, t.estimate->distribution);
      bind_ext(task_, 13, t.estimate->ext);
    } else {
      for (int i = 9; i <= 13; ++i) task_.bind(i);
    }
    bind_date(task_, 14, t.not_before);
    bind_date(task_, 15, t.due);
    if (t.baseline) {
      bind_date(task_, 16, t.baseline->start);
      bind_date(task_, 17, t.baseline->finish);
      bind_ext(task_, 18, t.baseline->ext);
    } else {
      for (int i = 16; i <= 18; ++i) task_.bind(i);
    }
    bind_ext(task_, 19, t.ext);
    task_.exec();
    units(t.id, "responsible", t.responsible);
    units(t.id, "support", t.support);
    for (std::size_t i = 0; i < t.after.size(); ++i) {
      const auto& l = t.after[i];
      link_.reset();
      bind_text(link_, 1, t.id);
      link_.bind(2, static_cast<std::int64_t>(i));
      bind_text(link_, 3, l.task);
      link_.bind(4, readiness::link_type_name(l.type));
      link_.bind(5, static_cast<std::int64_t>(l.lag));
      bind_ext(link_, 6, l.ext);
      link_.exec();
    }
    for (std::size_t i = 0; i < t.effects.size(); ++i) write_effect(t.id, i, t.effects[i]);
  }

 private:
  void units(const std::string& id, const char* role, const std::vector<std::string>& ids) {
    for (std::size_t i = 0; i < ids.size(); ++i) {
      unit_.reset();
      bind_text(unit_, 1, id);
      unit_.bind(2, role);
      unit_.bind(3, static_cast<std::int64_t>(i));
      bind_text(unit_, 4, ids[i]);
      unit_.exec();
    }
  }

  void write_effect(const std::string& id, std::size_t pos, const effect& e) {
    effect_.reset();
    bind_text(effect_, 1, id);
    effect_.bind(2, static_cast<std::int64_t>(pos));
    effect_.bind(3, readiness::effect_kind_name(e.kind));
    bind_text_or_null(effect_, 4, e.item);
    bind_text_or_null(effect_, 5, e.veto);
    effect_.bind(6, static_cast<std::int64_t>(e.amount));
    bind_text(effect_, 7, e.text);
    bind_fraction(effect_, 8, e.value);
    bind_ext(effect_, 10, e.ext);
    effect_.exec();
    for (std::size_t i = 0; i < e.ids.size(); ++i) {
      ref_.reset();
      bind_text(ref_, 1, id);
      ref_.bind(2, static_cast<std::int64_t>(pos));
      ref_.bind(3, static_cast<std::int64_t>(i));
      bind_text(ref_, 4, e.ids[i]);
      ref_.exec();
    }
  }

  Statement task_, unit_, link_, effect_, ref_;
};

}  // namespace

void write_structure(SQLite::Database& db, const plan& p) {
  write_plan_info(db, p);
  if (p.calendar) write_calendar(db, *p.calendar, "");
  write_units_and_sites(db, p);
  write_rubric(db, p.rubric);
  task_writer tasks(db);
  for (std::size_t i = 0; i < p.tasks.size(); ++i) tasks.write(p.tasks[i], i);
}

}  // namespace readiness::store
