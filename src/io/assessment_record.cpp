// Batch records: one JSON object per line, read with the plan reader's assessment section.
#include "readiness/assessment_record.hpp"

#include <boost/json.hpp>
#include <istream>
#include <string>

#include "io/plan_read_parts.hpp"
#include "io/record_limit.hpp"
#include "readiness/error.hpp"
#include "readiness/limits.hpp"

namespace readiness::io {
namespace {

using namespace detail;

// A record's own site: a plan's site plus its checks.
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

// std::getline with a bound: keeps at most limit + 1 bytes of a line (enough to know it is too
// long) and skips the rest, so one endless line cannot take the memory. `length` is the whole
// line's. False at the end of the input.
bool read_bounded_line(std::istream& in, std::string& line, std::size_t limit,
                       std::size_t& length) {
  line.clear();
  length = 0;
  std::streambuf* buf = in.rdbuf();
  if (buf == nullptr || !in.good()) return false;
  bool any = false;
  for (;;) {
    int c = buf->sbumpc();
    if (c == std::char_traits<char>::eof()) {
      in.setstate(std::ios::eofbit);
      return any;
    }
    any = true;
    if (c == '\n') return true;
    ++length;
    if (line.size() <= limit) line.push_back(static_cast<char>(c));
  }
}

[[noreturn]] void fail(errc code, const std::string& place, std::vector<diagnostic> found) {
  for (auto& d : found) d.where = place + (d.where.empty() ? "" : ": " + d.where);
  throw error(code, std::move(found));
}

}  // namespace

error record_too_long(std::uint64_t bytes, const std::string& place) {
  return error(errc::limit, place,
               "the record is " + std::to_string(bytes) + " bytes, more than the limit of " +
                   std::to_string(limits::max_record_bytes));
}

assessment_record parse_assessment_record(std::string_view line, const std::string& place) {
  if (line.size() > limits::max_record_bytes) throw record_too_long(line.size(), place);
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
        rec.evidence = read_objects<evidence_entry>(value, "/evidence", r, read_evidence);
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
  std::size_t length = 0;
  std::uint64_t number = 0;
  while (read_bounded_line(in, line, limits::max_record_bytes, length)) {
    ++number;
    std::string place = name + ":" + std::to_string(number);
    if (length > limits::max_record_bytes) {
      bad(record_too_long(length, place));
      continue;
    }
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      each(parse_assessment_record(line, place));
    } catch (const error& e) {
      bad(e);
    }
  }
}

}  // namespace readiness::io
