// The risk document (readiness-risk/1), the ranking document, and simulate_plan().
#include <cmath>

#include "io/json_writer.hpp"
#include "io/score_json.hpp"
#include "readiness/calendar_io.hpp"
#include "readiness/dates.hpp"
#include "readiness/forecast_io.hpp"

namespace readiness::io {
namespace {

// A share or a correlation, to four decimals, exactly as written.
void write_share(json_writer& w, double x) {
  w.number(make_fraction(static_cast<std::int64_t>(std::llround(x * 10000.0)), 10000));
}

void write_date(json_writer& w, const std::optional<date>& d) {
  if (d)
    w.value(format_iso_date(*d));
  else
    w.null();
}

}  // namespace

std::string write_risk_json(const risk_result& r, int indent) {
  json_writer w(indent);
  w.begin_object().field("format", "readiness-risk/1");
  w.field("iterations", static_cast<std::int64_t>(r.iterations));
  w.key("seed").raw(std::to_string(r.seed));
  w.field("as_of", format_iso_date(r.as_of));
  w.key("ready_by");
  write_date(w, r.ready_by);
  w.key("target");
  if (r.target)
    w.points(*r.target);
  else
    w.null();
  w.field("provisional", r.provisional);
  w.key("finish").begin_object();
  w.field("p50", format_iso_date(r.finish_p50))
      .field("p80", format_iso_date(r.finish_p80))
      .field("p95", format_iso_date(r.finish_p95))
      .end_object();
  w.key("score").begin_object();
  w.key("mean").points(r.score.mean_centi);
  w.key("p10").points(r.score.p10);
  w.key("p50").points(r.score.p50);
  w.key("p90").points(r.score.p90);
  w.key("p_target");
  if (r.score.p_target)
    write_share(w, *r.score.p_target);
  else
    w.null();
  w.key("p_qualified");
  write_share(w, r.score.p_qualified);
  w.end_object();
  w.key("tasks").begin_array();
  for (const auto& t : r.tasks) {
    w.begin_object().field("id", t.id).field("summary", t.summary).field("uncertain", t.uncertain);
    w.key("deadline");
    write_date(w, t.deadline);
    w.key("p_on_time");
    write_share(w, t.p_on_time);
    w.field("p50", format_iso_date(t.p50))
        .field("p80", format_iso_date(t.p80))
        .field("p95", format_iso_date(t.p95));
    w.key("criticality");
    write_share(w, t.criticality);
    w.key("sensitivity");
    write_share(w, t.sensitivity);
    w.end_object();
  }
  w.end_array().end_object();
  return w.take();
}

std::string write_ranking_json(const ranking& r, int indent) {
  json_writer w(indent);
  w.begin_object().field("format", "readiness-ranking/1");
  w.field("count", static_cast<std::int64_t>(r.records.size()));
  w.key("quota");
  if (!r.applied)
    w.null();
  else if (r.applied->is_share)
    w.value(format_fraction(make_fraction(r.applied->share.num * 100, r.applied->share.den)) + "%");
  else
    w.value(r.applied->count);
  w.field("inside", r.inside);
  w.key("records").begin_array();
  for (const auto& rec : r.records) {
    w.begin_object().field("place", rec.place).field("id", rec.id).field("inside", rec.inside);
    w.key("total");
    write_score_total(w, rec.total);
    w.end_object();
  }
  w.end_array().end_object();
  return w.take();
}

risk_result simulate_plan(const plan& p, const simulation_options& options) {
  plan_calendars calendars = load_plan_calendars(p);
  task_graph graph(p);
  compiled_rubric rubric = compile_rubric(p.rubric, p.sites);
  return simulate(p, graph, calendars, rubric, options);
}

}  // namespace readiness::io
