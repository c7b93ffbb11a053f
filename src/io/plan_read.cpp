// read_plan_json: text → JSON (with its place on a parse error) → model (every problem with its
// JSON pointer) → validation.
#include <boost/json.hpp>

#include "io/plan_limits.hpp"
#include "io/plan_read_parts.hpp"
#include "io/text_place.hpp"
#include "readiness/plan_io.hpp"
#include "readiness/validate.hpp"

namespace readiness::io {
namespace {

using namespace detail;

constexpr const char* plan_format = "readiness/1";
constexpr unsigned max_depth = 64;

unit read_unit(const json::object& o, const std::string& where, reading& r) {
  object_fields f(o, where, r);
  unit u;
  u.id = f.read("id", &reading::id, true).value_or("");
  u.name = f.read("name", &reading::text).value_or("");
  u.kind = f.read("kind", &reading::text).value_or("");
  u.capacity = f.read("capacity", &reading::whole, false, false);
  if (const auto* v = f.get("calendar"))
    if (const auto* co = r.object(*v, f.at("calendar")))
      u.calendar = read_calendar(*co, f.at("calendar"), r);
  f.finish(u.ext);
  return u;
}

site read_site(const json::object& o, const std::string& where, reading& r) {
  object_fields f(o, where, r);
  site s;
  s.id = f.read("id", &reading::id, true).value_or("");
  s.name = f.read("name", &reading::text).value_or("");
  s.type = f.read("type", &reading::text).value_or("");
  s.unit = f.read("unit", &reading::text).value_or("");
  f.finish(s.ext);
  return s;
}

struct inspection read_inspection(const json::object& o, const std::string& where, reading& r) {
  object_fields f(o, where, r);
  struct inspection i;
  i.arrives = f.read("arrives", &reading::day);
  i.window_end = f.read("window_end", &reading::day);
  i.ready_by = f.read("ready_by", &reading::day);
  i.target = f.read("target", &reading::points);
  f.finish(i.ext);
  return i;
}

simulation_settings read_simulation(const json::object& o, const std::string& where, reading& r) {
  object_fields f(o, where, r);
  simulation_settings s;
  if (auto name = f.read("distribution", &reading::text)) {
    if (*name == "triangular" || *name == "pert")
      s.distribution = *name;
    else
      r.sink.add(f.at("distribution"),
                 quoted(*name) + " is not a distribution (\"triangular\" or \"pert\")");
  }
  s.iterations = f.read("iterations", &reading::whole, false, false);
  if (const auto* v = f.get("seed")) {  // the whole unsigned 64-bit range
    if (v->is_uint64())
      s.seed = v->get_uint64();
    else if (auto seed = r.whole(*v, f.at("seed"), false))
      s.seed = static_cast<std::uint64_t>(*seed);
  }
  f.finish(s.ext);
  return s;
}

template <typename T, typename Read>
std::optional<T> read_section(object_fields& f, const char* key, Read read) {
  const auto* v = f.get(key);
  if (!v) return std::nullopt;
  const auto* o = f.reader().object(*v, f.at(key));
  if (!o) return std::nullopt;
  return read(*o, f.at(key), f.reader());
}

plan read_document(const json::object& root, reading& r) {
  object_fields f(root, "", r);
  plan p;
  if (auto format = f.read("format", &reading::text, true); format && *format != plan_format)
    r.sink.add(f.at("format"),
               "unsupported format " + quoted(*format) + " (expected \"" +
                   std::string(plan_format) + "\")",
               true);
  p.title = f.read("title", &reading::text).value_or("");
  p.inspection = read_section<struct inspection>(f, "inspection", read_inspection);
  p.calendar = read_section<calendar_spec>(f, "calendar", read_calendar);
  if (const auto* v = f.get("units")) p.units = read_objects<unit>(*v, f.at("units"), r, read_unit);
  if (const auto* v = f.require("rubric"))
    if (const auto* o = r.object(*v, f.at("rubric"))) p.rubric = read_rubric(*o, f.at("rubric"), r);
  if (auto a = read_section<assessment>(f, "assessment", read_assessment)) p.assessment = *a;
  if (const auto* v = f.get("evidence"))
    p.evidence = read_objects<evidence_entry>(*v, f.at("evidence"), r, read_evidence);
  if (const auto* v = f.get("sites")) p.sites = read_objects<site>(*v, f.at("sites"), r, read_site);
  if (const auto* v = f.get("tasks")) p.tasks = read_objects<task>(*v, f.at("tasks"), r, read_task);
  p.simulation = read_section<simulation_settings>(f, "simulation", read_simulation);
  f.finish(p.ext);
  return p;
}

json::value parse_json(std::string_view text) {
  if (auto bad = invalid_utf8_offset(text); bad != std::string_view::npos)
    throw error(errc::parse, line_column(text, bad), "invalid UTF-8");
  json::parse_options options;
  options.max_depth = max_depth;
  json::stream_parser parser({}, options);
  json::error_code ec;
  std::size_t used = parser.write(text.data(), text.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec == json::error::too_deep)
    throw error(errc::limit, line_column(text, used),
                "nested deeper than " + std::to_string(max_depth) + " levels");
  if (ec) throw error(errc::parse, line_column(text, used), ec.message());
  return parser.release();
}

// The reader's findings, then validation's, up to max_errors in all.
std::vector<diagnostic> combine(const diagnostics_sink& sink, std::vector<diagnostic> more,
                                std::size_t max_errors) {
  std::vector<diagnostic> out = sink.kept();
  std::size_t total = sink.total() + more.size();
  for (auto& d : more) {
    if (out.size() >= max_errors) break;
    out.push_back(std::move(d));
  }
  if (total > out.size())
    out.push_back({"", "… " + std::to_string(total - out.size()) + " more errors not shown"});
  return out;
}

}  // namespace

namespace detail {

evidence_entry read_evidence(const json::object& o, const std::string& where, reading& r) {
  object_fields f(o, where, r);
  evidence_entry e;
  e.id = f.read("id", &reading::id, true).value_or("");
  e.item = f.read("item", &reading::id, true).value_or("");
  e.kind = f.read("kind", &reading::id, true).value_or("");
  e.title = f.read("title", &reading::text).value_or("");
  e.dated = f.read("date", &reading::day);
  f.finish(e.ext);
  return e;
}

}  // namespace detail

plan read_plan_json(std::string_view text, const read_options& options) {
  if (text.size() > options.max_bytes)
    throw error(errc::limit, "",
                "the document is " + std::to_string(text.size()) +
                    " bytes, more than the limit of " + std::to_string(options.max_bytes));
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a byte-order mark
  json::value document = parse_json(text);
  const auto* root = document.if_object();
  if (!root)
    throw error(errc::validation, "",
                std::string("expected the plan object, got ") + json_kind_name(document));
  diagnostics_sink sink(options.max_errors);
  reading r{sink};
  plan p = read_document(*root, r);
  check_plan_limits(p);
  std::vector<diagnostic> found;
  if (options.validate && !sink.has_structural()) found = validate(p);
  if (!sink.empty() || !found.empty())
    throw error(errc::validation, combine(sink, std::move(found), options.max_errors));
  return p;
}

}  // namespace readiness::io
