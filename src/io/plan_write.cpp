// write_plan_json: the canonical `readiness/1` document — keys in a fixed order, absent optionals
// omitted, exact numbers, "x-" members kept (sorted by key, after the known ones).
#include <algorithm>

#include "io/json_writer.hpp"
#include "readiness/dates.hpp"
#include "readiness/model_names.hpp"
#include "readiness/plan_io.hpp"

namespace readiness::io {
namespace {

class plan_writer {
 public:
  explicit plan_writer(int indent) : w_(indent) {}
  std::string take() { return w_.take(); }

  void document(const plan& p);

 private:
  void text(std::string_view key, const std::string& value) {
    if (!value.empty()) w_.field(key, value);
  }
  void day(std::string_view key, const std::optional<date>& d) {
    if (d) w_.field(key, format_iso_date(*d));
  }
  void points(std::string_view key, const std::optional<centi>& c) {
    if (c) w_.key(key).points(*c);
  }
  void number(std::string_view key, const std::optional<fraction>& f) {
    if (f) w_.key(key).number(*f);
  }
  void whole(std::string_view key, const std::optional<std::int64_t>& n) {
    if (n) w_.field(key, *n);
  }
  void strings_always(std::string_view key, const std::vector<std::string>& list) {
    w_.key(key).begin_array();
    for (const auto& s : list) w_.value(s);
    w_.end_array();
  }
  void strings(std::string_view key, const std::vector<std::string>& list) {
    if (!list.empty()) strings_always(key, list);
  }
  void ranges(std::string_view key, const std::vector<date_range>& list) {
    if (list.empty()) return;
    w_.key(key).begin_array();
    for (const auto& r : list) w_.value(format_date_range(r));
    w_.end_array();
  }
  void end(const extensions& ext) {
    auto sorted = ext;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [key, raw] : sorted) w_.key(key).raw(raw);
    w_.end_object();
  }
  template <typename T, typename Write>
  void list(std::string_view key, const std::vector<T>& values, Write write) {
    if (values.empty()) return;
    w_.key(key).begin_array();
    for (const auto& v : values) (this->*write)(v);
    w_.end_array();
  }

  void inspection(const struct inspection& i);
  void calendar(const calendar_spec& c);
  void unit(const readiness::unit& u);
  void rubric(const readiness::rubric& r);
  void grade(const readiness::grade& g);
  void category(const readiness::category& c);
  void group(std::string_view key, const std::optional<item_group>& g);
  void item(const readiness::item& it);
  void rule(const readiness::rule& r);
  void condition(const readiness::condition& c);
  void level(const readiness::level& l);
  void sanction(const readiness::sanction& s);
  void veto(const readiness::veto& v);
  void gate(const readiness::gate& g);
  void assessment(const readiness::assessment& a);
  void input(const item_input& in);
  void evidence(const evidence_entry& e);
  void site(const readiness::site& s);
  void task(const readiness::task& t);
  void link(const readiness::link& l);
  void effect(const readiness::effect& e);
  void simulation(const simulation_settings& s);

  json_writer w_;
};

bool is_empty(const assessment& a) {
  return !a.as_of && a.items.empty() && a.vetoes.empty() && a.site_checks.empty() && a.ext.empty();
}

void plan_writer::document(const plan& p) {
  w_.begin_object();
  w_.field("format", "readiness/1");
  text("title", p.title);
  if (p.inspection) inspection(*p.inspection);
  if (p.calendar) {
    w_.key("calendar");
    calendar(*p.calendar);
  }
  list("units", p.units, &plan_writer::unit);
  w_.key("rubric");
  rubric(p.rubric);
  if (!is_empty(p.assessment)) assessment(p.assessment);
  list("evidence", p.evidence, &plan_writer::evidence);
  list("sites", p.sites, &plan_writer::site);
  list("tasks", p.tasks, &plan_writer::task);
  if (p.simulation) simulation(*p.simulation);
  end(p.ext);
}

void plan_writer::inspection(const struct inspection& i) {
  w_.key("inspection").begin_object();
  day("arrives", i.arrives);
  day("window_end", i.window_end);
  day("ready_by", i.ready_by);
  points("target", i.target);
  end(i.ext);
}

void plan_writer::calendar(const calendar_spec& c) {
  static const char* names[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
  w_.begin_object();
  text("base", c.base);
  if (c.weekend) {
    w_.key("weekend").begin_array();
    for (int d : {1, 2, 3, 4, 5, 6, 0})  // Monday first, as the week is read in China
      if (*c.weekend & weekday_bit(d)) w_.value(names[d]);
    w_.end_array();
  }
  ranges("holidays", c.holidays);
  ranges("workdays", c.workdays);
  strings("files", c.files);
  end(c.ext);
}

void plan_writer::unit(const readiness::unit& u) {
  w_.begin_object();
  w_.field("id", u.id);
  text("name", u.name);
  text("kind", u.kind);
  whole("capacity", u.capacity);
  if (u.calendar) {
    w_.key("calendar");
    calendar(*u.calendar);
  }
  end(u.ext);
}

void plan_writer::rubric(const readiness::rubric& r) {
  w_.begin_object();
  text("id", r.id);
  text("title", r.title);
  points("total", r.total);
  list("grades", r.grades, &plan_writer::grade);
  w_.key("categories").begin_array();
  for (const auto& c : r.categories) category(c);
  w_.end_array();
  group("bonus", r.bonus);
  group("penalties", r.penalties);
  list("vetoes", r.vetoes, &plan_writer::veto);
  list("gates", r.gates, &plan_writer::gate);
  end(r.ext);
}

void plan_writer::grade(const readiness::grade& g) {
  w_.begin_object();
  w_.key("min").points(g.min);
  w_.field("label", g.label);
  end(g.ext);
}

void plan_writer::category(const readiness::category& c) {
  w_.begin_object();
  w_.field("id", c.id);
  text("title", c.title);
  w_.key("points").points(c.points);
  number("weight", c.weight);
  w_.key("items").begin_array();
  for (const auto& it : c.items) item(it);
  w_.end_array();
  end(c.ext);
}

void plan_writer::group(std::string_view key, const std::optional<item_group>& g) {
  if (!g) return;
  w_.key(key).begin_object();
  points("cap", g->cap);
  w_.key("items").begin_array();
  for (const auto& it : g->items) item(it);
  w_.end_array();
  end(g->ext);
}

void plan_writer::item(const readiness::item& it) {
  w_.begin_object();
  w_.field("id", it.id);
  text("title", it.title);
  text("criteria", it.criteria);
  w_.key("points").points(it.points);
  rule(it.scoring);
  if (it.evidence) {
    w_.key("evidence").begin_object();
    text("method", it.evidence->method);
    strings("requires", it.evidence->required_kinds);
    end(it.evidence->ext);
  }
  text("owner", it.owner);
  whole("min_sample", it.min_sample);
  end(it.ext);
}

void plan_writer::rule(const readiness::rule& r) {
  w_.key("rule").begin_object();
  w_.field("kind", rule_kind_name(r.kind));
  if (r.kind == rule_kind::conditions) {
    w_.key("conditions").begin_array();
    for (const auto& c : r.conditions) condition(c);
    w_.end_array();
  }
  if (r.kind == rule_kind::per_unit) w_.key("unit").points(r.unit);
  points("cap", r.cap);
  if (r.kind == rule_kind::deduction || r.kind == rule_kind::penalty) w_.key("per").points(r.per);
  points("floor", r.floor);
  if (r.kind == rule_kind::levels) {
    w_.key("levels").begin_array();
    for (const auto& l : r.levels) level(l);
    w_.end_array();
  }
  number("zero_at", r.zero_at);
  number("full_at", r.full_at);
  text("site_type", r.site_type);
  if (r.kind == rule_kind::sites && r.site_type.empty()) strings_always("sites", r.sites);
  end(r.ext);
}

void plan_writer::condition(const readiness::condition& c) {
  w_.begin_object();
  w_.field("id", c.id);
  w_.key("points").points(c.points);
  text("title", c.title);
  end(c.ext);
}

void plan_writer::level(const readiness::level& l) {
  w_.begin_object();
  w_.field("label", l.label);
  w_.key("ratio").number(l.ratio);
  end(l.ext);
}

void plan_writer::sanction(const readiness::sanction& s) {
  w_.key("effect");
  if (s.what == sanction::kind::disqualify) {  // only the string form says "disqualify"
    w_.value("disqualify");
    return;
  }
  w_.begin_object();
  if (s.what == sanction::kind::cap_grade) w_.field("cap_grade", s.grade);
  if (s.what == sanction::kind::cap_score) w_.key("cap_score").points(s.score);
  end(s.ext);
}

void plan_writer::veto(const readiness::veto& v) {
  w_.begin_object();
  w_.field("id", v.id);
  text("title", v.title);
  sanction(v.effect);
  end(v.ext);
}

void plan_writer::gate(const readiness::gate& g) {
  w_.begin_object();
  text("id", g.id);
  w_.field("category", g.category);
  w_.key("min_ratio").number(g.min_ratio);
  sanction(g.effect);
  end(g.ext);
}

void plan_writer::assessment(const readiness::assessment& a) {
  w_.key("assessment").begin_object();
  day("as_of", a.as_of);
  if (!a.items.empty()) {
    w_.key("items").begin_object();
    for (const auto& [id, in] : a.items) {
      w_.key(id);
      input(in);
    }
    w_.end_object();
  }
  if (!a.vetoes.empty()) {
    w_.key("vetoes").begin_object();
    for (const auto& [id, triggered] : a.vetoes) w_.field(id, triggered);
    w_.end_object();
  }
  if (!a.site_checks.empty()) {
    w_.key("sites").begin_object();
    for (const auto& [site_id, checks] : a.site_checks) {
      w_.key(site_id).begin_object();
      for (const auto& [item_id, compliant] : checks) w_.field(item_id, compliant);
      w_.end_object();
    }
    w_.end_object();
  }
  end(a.ext);
}

void plan_writer::input(const item_input& in) {
  w_.begin_object();
  if (in.met) w_.field("met", *in.met);
  if (in.met_conditions) {
    w_.key("met").begin_array();
    for (const auto& c : *in.met_conditions) w_.value(c);
    w_.end_array();
  }
  whole("count", in.count);
  whole("deficiencies", in.deficiencies);
  if (in.level) w_.field("level", *in.level);
  number("value", in.value);
  whole("hits", in.hits);
  whole("of", in.of);
  text("note", in.note);
  end(in.ext);
}

void plan_writer::evidence(const evidence_entry& e) {
  w_.begin_object();
  w_.field("id", e.id);
  w_.field("item", e.item);
  w_.field("kind", e.kind);
  text("title", e.title);
  day("date", e.dated);
  end(e.ext);
}

void plan_writer::site(const readiness::site& s) {
  w_.begin_object();
  w_.field("id", s.id);
  text("name", s.name);
  text("type", s.type);
  text("unit", s.unit);
  end(s.ext);
}

void plan_writer::task(const readiness::task& t) {
  w_.begin_object();
  w_.field("id", t.id);
  text("title", t.title);
  text("parent", t.parent);
  text("lead", t.lead);
  strings("responsible", t.responsible);
  strings("support", t.support);
  text("owner", t.owner);
  whole("duration", t.duration);
  if (t.estimate) {
    w_.key("estimate").begin_object();
    w_.field("optimistic", t.estimate->optimistic);
    w_.field("likely", t.estimate->likely);
    w_.field("pessimistic", t.estimate->pessimistic);
    text("distribution", t.estimate->distribution);
    end(t.estimate->ext);
  }
  list("after", t.after, &plan_writer::link);
  day("not_before", t.not_before);
  day("due", t.due);
  number("progress", t.progress);
  day("started", t.started);
  day("finished", t.finished);
  if (t.baseline) {
    w_.key("baseline").begin_object();
    w_.field("start", format_iso_date(t.baseline->start));
    w_.field("finish", format_iso_date(t.baseline->finish));
    end(t.baseline->ext);
  }
  list("effects", t.effects, &plan_writer::effect);
  end(t.ext);
}

void plan_writer::link(const readiness::link& l) {
  if (l.type == link_type::fs && l.lag == 0 && l.ext.empty()) {
    w_.value(l.task);
    return;
  }
  w_.begin_object();
  w_.field("task", l.task);
  w_.field("type", link_type_name(l.type));
  w_.field("lag", l.lag);
  end(l.ext);
}

void plan_writer::effect(const readiness::effect& e) {
  w_.begin_object();
  if (e.kind == effect_kind::clear_veto) {
    w_.field("veto", e.veto);
    w_.field("clear", true);
    end(e.ext);
    return;
  }
  w_.field("item", e.item);
  switch (e.kind) {
    case effect_kind::met:
      w_.field("met", true);
      break;
    case effect_kind::conditions:
      strings_always("conditions", e.ids);
      break;
    case effect_kind::count:
      w_.field("count", e.amount);
      break;
    case effect_kind::resolve:
      w_.field("resolve", e.amount);
      break;
    case effect_kind::level:
      w_.field("level", e.text);
      break;
    case effect_kind::value:
      w_.key("value").number(e.value);
      break;
    case effect_kind::evidence:
      w_.field("evidence", e.text);
      break;
    case effect_kind::sites:
      strings_always("sites", e.ids);
      break;
    case effect_kind::clear_veto:
      break;
  }
  end(e.ext);
}

void plan_writer::simulation(const simulation_settings& s) {
  w_.key("simulation").begin_object();
  text("distribution", s.distribution);
  whole("iterations", s.iterations);
  if (s.seed) w_.key("seed").raw(std::to_string(*s.seed));
  end(s.ext);
}

}  // namespace

std::string write_plan_json(const plan& p, int indent) {
  plan_writer writer(indent);
  writer.document(p);
  std::string out = writer.take();
  if (indent > 0) out += '\n';
  return out;
}

}  // namespace readiness::io
