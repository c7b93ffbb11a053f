// The forecast document (readiness-forecast/1) and forecast_plan().
#include "io/json_writer.hpp"
#include "io/score_json.hpp"
#include "readiness/calendar_io.hpp"
#include "readiness/dates.hpp"
#include "readiness/forecast_io.hpp"

namespace readiness::io {
namespace {

void date_or_null(json_writer& w, const std::optional<date>& d) {
  if (d)
    w.value(format_iso_date(*d));
  else
    w.null();
}

void write_curve(json_writer& w, const readiness_forecast& f) {
  w.key("curve").begin_array();
  for (const auto& pt : f.curve) {
    w.begin_object().field("date", format_iso_date(pt.day));
    w.key("total").points(pt.total);
    w.field("qualified", pt.qualified);
    w.key("grade");
    if (pt.grade.empty())
      w.null();
    else
      w.value(pt.grade);
    w.end_object();
  }
  w.end_array();
}

void write_at_risk(json_writer& w, const readiness_forecast& f) {
  w.key("at_risk").begin_array();
  for (const auto& e : f.at_risk) {
    w.begin_object().field("task", e.task).field("item", e.item).field("veto", e.veto);
    w.key("points").points(e.points);
    w.field("unit", e.unit)
        .field("finish", format_iso_date(e.finish))
        .field("deadline", format_iso_date(e.deadline))
        .field("on_day", e.on_day)
        .end_object();
  }
  w.end_array();
  w.key("points_at_risk").points(f.points_at_risk);
  w.key("points_missing").points(f.points_missing);
}

void write_gaps(json_writer& w, const readiness_forecast& f) {
  w.key("uncovered").begin_array();
  for (const auto& g : f.uncovered) {
    w.begin_object().field("id", g.id);
    w.key("lost").points(g.lost);
    w.field("owner", g.owner).end_object();
  }
  w.end_array();
  w.key("shortfalls").begin_array();
  for (const auto& s : f.on_day.shortfalls) {
    w.begin_object().field("id", s.id);
    w.key("lost").points(s.lost);
    w.end_object();
  }
  w.end_array();
  w.key("bonus_opportunities").begin_array();
  for (const auto& b : f.on_day.bonus_opportunities) {
    w.begin_object().field("id", b.id);
    w.key("gain").points(b.gain);
    w.end_object();
  }
  w.end_array();
}

void write_units(json_writer& w, const readiness_forecast& f) {
  w.key("units").begin_array();
  for (const auto& u : f.units) {
    w.begin_object()
        .field("id", u.id)
        .field("name", u.name)
        .field("tasks", u.tasks)
        .field("done", u.done)
        .field("red", u.red)
        .field("yellow", u.yellow)
        .field("blue", u.blue)
        .field("green", u.green)
        .field("late", u.late);
    w.key("points_at_risk").points(u.points_at_risk);
    w.field("items_owned", u.items_owned);
    w.key("points_lost").points(u.points_lost);
    w.end_object();
  }
  w.end_array();
}

void write_priorities(json_writer& w, const readiness_forecast& f) {
  w.key("priorities").begin_array();
  for (const auto& p : f.priorities) {
    w.begin_object()
        .field("task", p.task)
        .field("title", p.title)
        .field("lead", p.lead)
        .field("light", light_name(p.light))
        .field("critical", p.critical);
    w.key("own").points(p.own);
    w.key("downstream").points(p.downstream);
    w.key("secured").points(p.own + p.downstream);
    w.field("remaining", p.remaining)
        .field("latest_start", format_iso_date(p.latest_start))
        .field("finish", format_iso_date(p.finish))
        .field("reason", p.reason)
        .end_object();
  }
  w.end_array();
}

}  // namespace

std::string write_forecast_json(const readiness_forecast& f, int indent) {
  json_writer w(indent);
  w.begin_object().field("format", "readiness-forecast/1");
  w.field("as_of", format_iso_date(f.as_of)).field("ready_by", format_iso_date(f.ready_by));
  w.key("arrives");
  date_or_null(w, f.arrives);
  w.key("target");
  if (f.target)
    w.points(*f.target);
  else
    w.null();
  w.field("provisional", f.provisional);
  w.key("now");
  write_score_total(w, f.now.total);
  w.key("on_day");
  write_score_total(w, f.on_day.total);
  w.key("reaches_target");
  date_or_null(w, f.reaches_target);
  write_curve(w, f);
  write_at_risk(w, f);
  write_gaps(w, f);
  write_units(w, f);
  write_priorities(w, f);
  w.end_object();
  return w.take();
}

readiness_forecast forecast_plan(const plan& p, const schedule_options& options) {
  plan_calendars calendars = load_plan_calendars(p);
  task_graph graph(p);
  schedule s = compute_schedule(p, graph, calendars, options);
  compiled_rubric rubric = compile_rubric(p.rubric, p.sites);
  return forecast(p, graph, calendars, s, rubric);
}

}  // namespace readiness::io
