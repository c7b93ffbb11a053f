// The bad-input corpus (tests/data/bad/expected.tsv): every broken file, through the reader that
// must refuse it, gives exactly the expected code, place and reason — and no file goes unchecked.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "io/table_import.hpp"
#include "readiness/assessment_record.hpp"
#include "readiness/calendar_io.hpp"
#include "readiness/error.hpp"
#include "readiness/plan_io.hpp"
#include "readiness/schedule.hpp"
#include "readiness/workbook.hpp"

using namespace readiness;

namespace {

namespace fs = std::filesystem;

const std::string bad_dir = std::string(READINESS_TEST_DATA) + "/bad";

struct expectation {
  std::size_t line = 0;
  std::string file, reader, code, where, message;
};

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::string::size_type start = 0;
  for (;;) {
    auto tab = line.find('\t', start);
    out.push_back(line.substr(start, tab - start));
    if (tab == std::string::npos) return out;
    start = tab + 1;
  }
}

std::vector<expectation> expectations() {
  std::ifstream in(bad_dir + "/expected.tsv");
  std::vector<expectation> out;
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    auto cells = split_tabs(line);
    REQUIRE(cells.size() == 5);
    out.push_back({number, cells[0], cells[1], cells[2], cells[3], cells[4]});
  }
  return out;
}

std::string bytes_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs the named reader over the file; the error it throws (the first bad record's for records).
std::optional<error> refusal(const std::string& reader, const std::string& name) {
  std::string path = bad_dir + "/" + name;
  try {
    if (reader == "plan") {
      io::read_plan_file(path);
    } else if (reader == "schedule") {
      io::read_options no_validation;
      no_validation.validate = false;
      plan p = io::read_plan_file(path, no_validation);
      compute_schedule(p, io::load_plan_calendars(p));
    } else if (reader == "holiday") {
      io::parse_holiday_file(bytes_of(path), name);
    } else if (reader == "records") {
      std::istringstream in(bytes_of(path));
      std::optional<error> first;
      io::read_assessment_records(
          in, name, [](io::assessment_record&&) {},
          [&](const error& e) {
            if (!first) first = e;
          });
      return first;
    } else if (reader == "tasks-csv" || reader == "rubric-csv") {
      io::table_import_options options;
      options.year = 2026;
      if (reader == "tasks-csv")
        io::import_task_table(bytes_of(path), name, options);
      else
        io::import_rubric_table(bytes_of(path), name, options);
    } else if (reader == "workbook") {
      workbook::open(path);
    } else {
      FAIL("unknown reader " << reader);
    }
  } catch (const error& e) {
    return e;
  }
  return std::nullopt;
}

errc code_named(const std::string& name) {
  static const std::map<std::string, errc> codes{
      {"parse", errc::parse},     {"validation", errc::validation},
      {"cycle", errc::cycle},     {"not_found", errc::not_found},
      {"io", errc::io},           {"store", errc::store},
      {"version", errc::version}, {"limit", errc::limit},
      {"busy", errc::busy},       {"read_only", errc::read_only}};
  auto it = codes.find(name);
  if (it == codes.end()) FAIL("unknown error code " << name << " in expected.tsv");
  if (it == codes.end()) return errc::internal;
  return it->second;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

}  // namespace

TEST_CASE("every file of the bad-input corpus is refused with its exact error", "[bad_input]") {
  auto rows = expectations();
  REQUIRE(rows.size() >= 40);
  for (const auto& row : rows) {
    DYNAMIC_SECTION(row.file << " through " << row.reader << " (expected.tsv line " << row.line
                             << ")") {
      std::string where = replace_all(replace_all(row.where, "{path}", bad_dir + "/" + row.file),
                                      "{name}", row.file);
      auto e = refusal(row.reader, row.file);
      REQUIRE(e.has_value());
      INFO(format_diagnostics(e->diagnostics()));
      CHECK(std::string(errc_name(e->code())) == std::string(errc_name(code_named(row.code))));
      bool found = false;
      for (const auto& d : e->diagnostics())
        if (d.where == where && d.message.find(row.message) != std::string::npos &&
            !d.message.empty())
          found = true;
      CHECK(found);
    }
  }
}

TEST_CASE("every file of the bad-input corpus has an expected error", "[bad_input]") {
  std::set<std::string> listed;
  for (const auto& row : expectations()) listed.insert(row.file);
  for (const auto& entry : fs::directory_iterator(bad_dir)) {
    std::string name = entry.path().filename().string();
    if (name == "expected.tsv") continue;
    INFO(name);
    CHECK(listed.count(name) == 1);
  }
  for (const auto& name : listed) {
    INFO(name);
    CHECK(fs::exists(bad_dir + "/" + name));
  }
}

TEST_CASE("a refused record does not stop the good ones around it", "[bad_input]") {
  std::istringstream in(bytes_of(bad_dir + "/records-missing-id.jsonl"));
  std::vector<std::string> ids;
  int bad = 0;
  io::read_assessment_records(
      in, "r.jsonl", [&](io::assessment_record&& r) { ids.push_back(r.id); },
      [&](const error&) { ++bad; });
  CHECK(ids == std::vector<std::string>{"ok-1"});
  CHECK(bad == 1);
}
