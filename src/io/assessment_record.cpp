// Batch records: one JSON object per line, read with the plan reader's assessment section.
#include "readiness/assessment_record.hpp"

#include <boost/json.hpp>

#include "io/plan_read_parts.hpp"
#include "readiness/error.hpp"

namespace readiness::io {
namespace {

using namespace detail;

// A record's own evidence entry and site: the same members a plan's have.
evidence_entry read_entry(const json::object& o, const std::string& where, reading& r) {
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

site read_record_site(const json::object& o, const std::string& where, reading& r, assessment& a) {
  object_fields f(o, where, r);
  site s;
  s.id = f.read("id", &reading::id, true).value_or("");
  s.name = f.read("name", &reading::text).value_or("");
  s.type = f.read("type", &reading::text).value_or("");
  s.unit = f.read("unit", &reading::text).value_or("");
  if (const auto* v = f.get("checks"))
    if (const auto* checks = r.object(*v, f.at("checks")))
      for (const auto& [item, ok] : *checks)
        if (auto flag = r.boolean(ok, child(f.at("checks"), std::string_view(item))))
          a.site_checks[s.id][std::string(item)] = *flag;
  f.finish(s.ext);
  return s;
}

[[noreturn]] void fail(errc code, const std::string& place, std::vector<diagnostic> found) {
  for (auto& d : found) d.where = place + (d.where.empty() ? "" : ": " + d.where);
  throw error(code, std::move(found));
}

}  // namespace

assessment_record parse_assessment_record(std::string_view line, const std::string& place) {
  json::value doc;
  try {
    doc = json::parse(line);
  } catch (const std::exception& e) {
    throw error(errc::parse, place, e.what());
  }
  diagnostics_sink sink(20);
  reading r{sink};
  assessment_record rec;
  const json::object* o = r.object(doc, "");
  if (o) {
    json::object section;
    for (const auto& [key, value] : *o) {
      if (key == "id") {
        rec.id = r.id(value, "/id").value_or("");
      } else if (key == "evidence") {
        rec.evidence = read_objects<evidence_entry>(value, "/evidence", r, read_entry);
      } else if (key == "site_list" || (key == "sites" && value.is_array())) {
        std::string at = "/" + std::string(key);
        std::vector<site> list;
        if (const auto* a = r.array(value, at))
          for (std::size_t i = 0; i < a->size(); ++i)
            if (const auto* so = r.object((*a)[i], child(at, i)))
              list.push_back(read_record_site(*so, child(at, i), r, rec.assessment));
        rec.sites = std::move(list);
      } else {
        section[key] = value;  // as_of, items, vetoes, sites: the assessment's own reader
      }
    }
    if (!o->contains("id")) sink.add("/id", "missing key \"id\" (each record names itself)", true);
    auto checks = std::move(rec.assessment.site_checks);
    rec.assessment = read_assessment(section, "", r);
    for (auto& [site_id, items] : checks)
      for (auto& [item_id, ok] : items) rec.assessment.site_checks[site_id][item_id] = ok;
  }
  if (!sink.empty()) fail(errc::validation, place, sink.kept());
  return rec;
}

void read_assessment_records(std::istream& in, const std::string& name,
                             const std::function<void(assessment_record&&)>& each,
                             const std::function<void(const error&)>& bad) {
  std::string line;
  std::uint64_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      each(parse_assessment_record(line, name + ":" + std::to_string(number)));
    } catch (const error& e) {
      bad(e);
    }
  }
}

}  // namespace readiness::io
