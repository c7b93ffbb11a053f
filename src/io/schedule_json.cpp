#include "io/json_writer.hpp"
#include "readiness/dates.hpp"
#include "readiness/schedule_io.hpp"

namespace readiness::io {
namespace {

void write_date(json_writer& w, const char* key, const std::optional<date>& d) {
  w.key(key);
  if (d)
    w.value(format_iso_date(*d));
  else
    w.null();
}

void write_int(json_writer& w, const char* key, const std::optional<std::int64_t>& v) {
  w.key(key);
  if (v)
    w.value(*v);
  else
    w.null();
}

void write_task(json_writer& w, const scheduled_task& t, bool levelled) {
  w.begin_object();
  w.field("id", t.id);
  w.field("title", t.title);
  w.field("lead", t.lead);
  write_date(w, "es", t.es);
  write_date(w, "ef", t.ef);
  write_date(w, "ls", t.ls);
  write_date(w, "lf", t.lf);
  write_int(w, "total_float", t.total_float);
  write_int(w, "free_float", t.free_float);
  w.field("critical", t.critical);
  w.field("light", light_name(t.light));
  write_date(w, "deadline", t.deadline);
  w.field("done", t.done);
  w.field("remaining", t.remaining);
  w.field("summary", t.summary);
  w.field("milestone", t.milestone);
  w.field("in_progress", t.in_progress);
  w.field("provisional", t.provisional);
  w.field("finish_index", t.finish_index);
  if (levelled) write_int(w, "delay", t.delay);
  w.end_object();
}

}  // namespace

std::string write_schedule_json(const schedule& s, int indent) {
  json_writer w(indent);
  w.begin_object();
  w.field("format", "readiness-schedule/1");
  write_date(w, "as_of", s.as_of);
  write_date(w, "day0", s.day0);
  write_date(w, "ready_by", s.ready_by);
  w.field("provisional", s.provisional);
  write_date(w, "finish", s.finish);
  w.field("levelled", s.levelled);
  w.key("tasks").begin_array();
  for (const auto& t : s.tasks) write_task(w, t, s.levelled);
  w.end_array();
  w.key("driving_path").begin_array();
  for (const auto& id : s.driving_path) w.value(id);
  w.end_array();
  w.end_object();
  std::string out = w.take();
  out += '\n';
  return out;
}

}  // namespace readiness::io
