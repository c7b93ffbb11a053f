#include <algorithm>
#include <boost/json.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/json_walker.hpp"
#include "readiness/calendar_io.hpp"
#include "readiness/error.hpp"

namespace readiness::io {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using detail::child;

std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw error(errc::io, path, "cannot read the file");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void read_day(detail::object_fields& f, int year, holiday_file& out) {
  holiday_day day;
  if (auto name = f.read("name", &detail::reading::text)) day.name = *name;
  auto when = f.read("date", &detail::reading::day, true);
  auto off = f.read("isOffDay", &detail::reading::boolean, true);
  if (when && (when->year() < year - 1 || when->year() > year + 1)) {
    f.reader().sink.add(f.at("date"), "\"" + format_iso_date(*when) +
                                          "\" is more than a year away from the file's year " +
                                          std::to_string(year));
    return;
  }
  if (!when || !off) return;
  day.day = *when;
  day.off = *off;
  out.days.push_back(std::move(day));
}

holiday_file read_file_value(const json::value& root, detail::reading& r) {
  holiday_file out;
  const json::object* top = r.object(root, "");
  if (!top) return out;
  detail::object_fields f(*top, "", r);
  auto read_year = f.read("year", &detail::reading::whole, true, false);
  std::int64_t year = read_year.value_or(0);
  if (read_year && (year < 1900 || year > 2199)) {
    r.sink.add(f.at("year"), std::to_string(year) + " is out of range (1900 to 2199)");
    read_year.reset();
  }
  if (const auto* papers = f.get("papers"))
    if (auto list = r.strings(*papers, f.at("papers"), false)) out.papers = *list;
  const auto* days_value = f.require("days");
  if (!read_year || !days_value) return out;
  out.year = static_cast<int>(year);
  const json::array* days = r.array(*days_value, f.at("days"));
  if (!days) return out;
  for (std::size_t i = 0; i < days->size(); ++i) {
    std::string where = child(f.at("days"), i);
    if (const json::object* o = r.object((*days)[i], where)) {
      detail::object_fields day_fields(*o, where, r);
      read_day(day_fields, out.year, out);
    }
  }
  return out;
}

std::vector<std::string> json_files_in(const std::string& folder) {
  std::vector<std::string> out;
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return out;
  for (const auto& entry : fs::directory_iterator(folder, ec))
    if (entry.path().extension() == ".json" && entry.is_regular_file(ec))
      out.push_back(entry.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

bool has_cn_data(const std::string& dir) {
  std::error_code ec;
  return !dir.empty() && fs::is_directory(fs::path(dir) / "calendars" / "cn", ec);
}

}  // namespace

holiday_file parse_holiday_file(std::string_view text, const std::string& name) {
  json::error_code ec;
  json::value root = json::parse(json::string_view(text.data(), text.size()), ec);
  if (ec) throw error(errc::parse, name, "malformed JSON: " + ec.message());
  detail::diagnostics_sink sink(100);
  detail::reading r{sink};
  holiday_file out = read_file_value(root, r);
  if (!sink.empty()) {
    std::vector<diagnostic> located;
    for (const auto& d : sink.kept()) located.push_back({name + ": " + d.where, d.message});
    throw error(errc::validation, std::move(located));
  }
  out.source = name;
  return out;
}

holiday_file read_holiday_file(const std::string& path) {
  return parse_holiday_file(file_text(path), path);
}

std::string find_data_dir() {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("READINESS_DATA_DIR")) candidates.emplace_back(env);
#ifdef READINESS_INSTALL_DATA_DIR
  candidates.emplace_back(READINESS_INSTALL_DATA_DIR);
#endif
#ifdef READINESS_DATA_DIR
  candidates.emplace_back(READINESS_DATA_DIR);
#endif
  for (const auto& dir : candidates)
    if (has_cn_data(dir)) return dir;
  return {};
}

std::vector<holiday_file> load_holiday_files(const calendar_spec& spec, const std::string& origin) {
  std::vector<std::string> paths;
  if (spec.base == "cn") {
    std::string data = find_data_dir();
    if (data.empty())
      throw error(errc::not_found, "calendar/base",
                  "the built-in calendar data (calendars/cn) was not found; set "
                  "READINESS_DATA_DIR to the folder that holds it");
    paths = json_files_in((fs::path(data) / "calendars" / "cn").string());
    if (const char* extra = std::getenv("READINESS_CALENDAR_PATH")) {
      std::string list = extra;
      for (std::size_t start = 0; start <= list.size();) {
        std::size_t end = std::min(list.find(':', start), list.size());
        if (end > start)
          for (auto& p : json_files_in(list.substr(start, end - start))) paths.push_back(p);
        start = end + 1;
      }
    }
  } else if (!spec.base.empty()) {
    throw error(errc::validation, "calendar/base",
                "unknown calendar base \"" + spec.base + "\" (expected \"cn\" or none)");
  }
  for (const auto& f : spec.files) {
    fs::path p(f);
    paths.push_back((p.is_relative() && !origin.empty() ? fs::path(origin) / p : p).string());
  }
  std::vector<holiday_file> out;
  out.reserve(paths.size());
  for (const auto& p : paths) out.push_back(read_holiday_file(p));
  return out;
}

plan_calendars load_plan_calendars(const plan& p) {
  auto build = [&](const calendar_spec& spec) {
    return working_calendar(merge_calendar(spec, load_holiday_files(spec, p.origin)));
  };
  plan_calendars out{p.calendar ? build(*p.calendar) : working_calendar(), {}};
  for (const auto& u : p.units)
    if (u.calendar) out.units.emplace(u.id, build(*u.calendar));
  return out;
}

}  // namespace readiness::io
