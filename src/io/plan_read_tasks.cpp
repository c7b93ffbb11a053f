// The tasks section of a plan document (SPEC §5, §6).
#include <array>
#include <boost/json.hpp>

#include "io/plan_read_parts.hpp"
#include "readiness/model_names.hpp"

namespace readiness::io::detail {
namespace {

std::optional<link> read_link(const json::value& v, const std::string& where, reading& r) {
  if (v.is_string()) {
    auto id = r.id(v, where);
    if (!id) return std::nullopt;
    return link{*id, link_type::fs, 0, {}};
  }
  const auto* o = v.if_object();
  if (!o) {
    r.type_error(where, v, "a task id or an object");
    return std::nullopt;
  }
  object_fields f(*o, where, r);
  link out;
  out.task = f.read("task", &reading::id, true).value_or("");
  if (auto type = f.read("type", &reading::text)) {
    if (auto t = link_type_named(*type))
      out.type = *t;
    else
      r.sink.add(f.at("type"), quoted(*type) + " is not a link type (FS, SS, FF or SF)");
  }
  out.lag = f.read("lag", &reading::whole, false, true).value_or(0);
  f.finish(out.ext);
  return out;
}

bool is_distribution(std::string_view name) {
  return name == "triangular" || name == "pert";
}

std::string distribution(object_fields& f) {
  auto name = f.read("distribution", &reading::text);
  if (!name) return "";
  if (!is_distribution(*name)) {
    f.reader().sink.add(f.at("distribution"),
                        quoted(*name) + " is not a distribution (\"triangular\" or \"pert\")");
    return "";
  }
  return *name;
}

std::string number_text(double d) {
  auto f = fraction_from_double(d);
  return f ? format_fraction(*f) : "?";
}

estimate read_estimate(const json::object& o, const std::string& where, reading& r) {
  object_fields f(o, where, r);
  estimate e;
  bool complete = true;
  auto three_point = [&](const char* key, double& out) {
    auto v = f.read(key, &reading::real, true);
    if (v && *v < 0) {
      r.sink.add(f.at(key), "must not be negative, got " + number_text(*v));
      v.reset();
    }
    complete = complete && v.has_value();
    out = v.value_or(0);
  };
  three_point("optimistic", e.optimistic);
  three_point("likely", e.likely);
  three_point("pessimistic", e.pessimistic);
  if (complete && !(e.optimistic <= e.likely && e.likely <= e.pessimistic))
    r.sink.add(where, "optimistic <= likely <= pessimistic does not hold (" +
                          number_text(e.optimistic) + ", " + number_text(e.likely) + ", " +
                          number_text(e.pessimistic) + ")");
  e.distribution = distribution(f);
  f.finish(e.ext);
  return e;
}

baseline_dates read_baseline(const json::object& o, const std::string& where, reading& r) {
  object_fields f(o, where, r);
  baseline_dates b;
  auto start = f.read("start", &reading::day, true);
  auto finish = f.read("finish", &reading::day, true);
  if (start) b.start = *start;
  if (finish) b.finish = *finish;
  if (start && finish && *finish < *start)
    r.sink.add(f.at("finish"), "the baseline finishes before it starts");
  f.finish(b.ext);
  return b;
}

constexpr std::array<const char*, 8> effect_actions{"met",   "conditions", "count",    "resolve",
                                                    "level", "value",      "evidence", "sites"};

effect read_effect(const json::object& o, const std::string& where, reading& r) {
  object_fields f(o, where, r);
  effect e;
  if (f.has("veto")) {
    e.kind = effect_kind::clear_veto;
    e.veto = f.read("veto", &reading::id, true).value_or("");
    if (auto clear = f.read("clear", &reading::boolean, true); clear && !*clear)
      r.sink.add(f.at("clear"), "must be true (an effect can only clear a veto)");
    if (f.has("item"))
      r.sink.add(f.at("item"), "an effect names an item or a veto, not both", true);
    f.get("item");
    f.finish(e.ext);
    return e;
  }
  e.item = f.read("item", &reading::id, true).value_or("");
  const char* action = nullptr;
  for (const char* key : effect_actions) {
    if (!f.has(key)) continue;
    if (action) {
      r.sink.add(f.at(key), "an effect does one thing; this one already has " + quoted(action),
                 true);
      f.get(key);
      continue;
    }
    action = key;
    std::string_view a(key);
    const json::value& v = *f.get(key);
    std::string at = f.at(key);
    if (a == "met") {
      e.kind = effect_kind::met;
      if (auto met = r.boolean(v, at); met && !*met)
        r.sink.add(at, "must be true (an effect can only meet an item)");
    } else if (a == "conditions") {
      e.kind = effect_kind::conditions;
      e.ids = r.strings(v, at, true).value_or(std::vector<std::string>{});
    } else if (a == "count") {
      e.kind = effect_kind::count;
      e.amount = r.whole(v, at, true).value_or(0);
    } else if (a == "resolve") {
      e.kind = effect_kind::resolve;
      e.amount = r.whole(v, at, false).value_or(0);
    } else if (a == "level") {
      e.kind = effect_kind::level;
      e.text = r.text(v, at).value_or("");
    } else if (a == "value") {
      e.kind = effect_kind::value;
      e.value = r.number(v, at).value_or(fraction{});
    } else if (a == "evidence") {
      e.kind = effect_kind::evidence;
      e.text = r.id(v, at).value_or("");
    } else {
      e.kind = effect_kind::sites;
      e.ids = r.strings(v, at, true).value_or(std::vector<std::string>{});
    }
  }
  if (!action)
    r.sink.add(where,
               "missing the effect: one of \"met\", \"conditions\", \"count\", "
               "\"resolve\", \"level\", \"value\", \"evidence\" or \"sites\"",
               true);
  f.finish(e.ext);
  return e;
}

}  // namespace

task read_task(const json::object& o, const std::string& where, reading& r) {
  object_fields f(o, where, r);
  task t;
  const std::vector<std::string> none;
  t.id = f.read("id", &reading::id, true).value_or("");
  t.title = f.read("title", &reading::text).value_or("");
  t.parent = f.read("parent", &reading::text).value_or("");
  t.lead = f.read("lead", &reading::text).value_or("");
  t.responsible = f.read("responsible", &reading::strings, false, true).value_or(none);
  t.support = f.read("support", &reading::strings, false, true).value_or(none);
  t.owner = f.read("owner", &reading::text).value_or("");
  t.duration = f.read("duration", &reading::whole, false, false);
  if (const auto* v = f.get("estimate"))
    if (const auto* eo = r.object(*v, f.at("estimate")))
      t.estimate = read_estimate(*eo, f.at("estimate"), r);
  if (const auto* v = f.get("after")) {
    std::string at = f.at("after");
    if (const auto* a = r.array(*v, at))
      for (std::size_t i = 0; i < a->size(); ++i)
        if (auto l = read_link((*a)[i], child(at, i), r)) t.after.push_back(std::move(*l));
  }
  t.not_before = f.read("not_before", &reading::day);
  t.due = f.read("due", &reading::day);
  t.progress = f.read("progress", &reading::share);
  t.started = f.read("started", &reading::day);
  t.finished = f.read("finished", &reading::day);
  if (const auto* v = f.get("baseline"))
    if (const auto* bo = r.object(*v, f.at("baseline")))
      t.baseline = read_baseline(*bo, f.at("baseline"), r);
  if (const auto* v = f.get("effects"))
    t.effects = read_objects<effect>(*v, f.at("effects"), r, read_effect);
  f.finish(t.ext);
  return t;
}

}  // namespace readiness::io::detail
