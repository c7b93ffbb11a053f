// The SQLite workbook: lossless round trip, history and as-of rebuilds, baselines, schema
// versions, refusals, and bad updates that leave the file as it was.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "readiness/dates.hpp"
#include "readiness/error.hpp"
#include "readiness/plan_io.hpp"
#include "readiness/validate.hpp"
#include "readiness/workbook.hpp"
#include "store/schema.hpp"
#include "support/temp_folder.hpp"
#include "support/workbook_plans.hpp"

using namespace readiness;
using test_support::temp_folder;

namespace {

date day(const char* text) {
  return *parse_iso_date(text);
}

plan example_plan() {
  return io::read_plan_file(std::string(READINESS_SOURCE_DIR) +
                            "/data/examples/district-2026.json");
}

plan full_plan() {
  return io::read_plan_file(std::string(READINESS_SOURCE_DIR) + "/tests/data/plan-full.json");
}

// Without its extra holiday file, which lives beside the document, not the workbook.
plan schedulable_plan() {
  plan p = full_plan();
  p.calendar->files.clear();
  return p;
}

errc code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const error& e) {
    return e.code();
  }
  return errc::ok;
}

error error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const error& e) {
    return e;
  }
  FAIL("no error");
  throw std::logic_error("unreachable");
}

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

write_options by(const std::string& author, const std::string& at) {
  return {author, at};
}

// Everything a reader could see of the workbook: its plan, history size and baselines.
std::string content_of(const std::string& path) {
  workbook wb = workbook::open(path, {workbook::access::read_only, 1000});
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  return io::write_plan_json(wb.load()) + "\nrevisions " +
         db.execAndGet("SELECT count(*) FROM revision").getString() + "\nbaselines " +
         std::to_string(wb.baselines().size());
}

void check_round_trip(const plan& original, const std::string& path) {
  REQUIRE(validate(original).empty());
  workbook wb = workbook::create(path, original);
  std::string expected = io::write_plan_json(original);
  CHECK(io::write_plan_json(wb.load()) == expected);
  // And through a fresh connection, as another process would read it.
  CHECK(io::write_plan_json(workbook::open(path).load()) == expected);
}

}  // namespace

TEST_CASE("workbook: the example plan round-trips to the identical document", "[workbook]") {
  temp_folder dir("wb");
  check_round_trip(example_plan(), dir.file("district.sqlite"));
}

TEST_CASE("workbook: a plan with every field and x- member round-trips", "[workbook]") {
  temp_folder dir("wb");
  check_round_trip(full_plan(), dir.file("full.sqlite"));
}

TEST_CASE("workbook: generated plans round-trip", "[workbook]") {
  temp_folder dir("wb");
  for (std::size_t n : {12u, 57u, 400u})
    for (std::uint64_t seed : {1u, 2u}) {
      INFO("tasks " << n << " seed " << seed);
      check_round_trip(workbook_plans::generate_plan(n, seed),
                       dir.file("gen-" + std::to_string(n) + "-" + std::to_string(seed)));
    }
}

TEST_CASE("workbook: the plan read back names the workbook's folder as its origin", "[workbook]") {
  temp_folder dir("wb");
  workbook wb = workbook::create(dir.file("a.sqlite"), full_plan());
  CHECK(wb.load().origin == dir.path().string());
}

TEST_CASE("workbook: create refuses an existing file unless asked to overwrite", "[workbook]") {
  temp_folder dir("wb");
  std::string path = dir.file("a.sqlite");
  { std::ofstream(path) << "keep me"; }
  CHECK(code_of([&] { workbook::create(path, full_plan()); }) == errc::io);
  CHECK(file_bytes(path) == "keep me");
  workbook::create_options overwrite;
  overwrite.overwrite = true;
  workbook wb = workbook::create(path, full_plan(), overwrite);
  CHECK(wb.load().title == full_plan().title);
}

TEST_CASE("workbook: create refuses an invalid plan and leaves no file", "[workbook]") {
  temp_folder dir("wb");
  plan p = full_plan();
  p.tasks[0].progress = fraction{3, 2};
  CHECK(code_of([&] { workbook::create(dir.file("bad.sqlite"), p); }) == errc::validation);
  CHECK(!std::filesystem::exists(dir.file("bad.sqlite")));
}

TEST_CASE("workbook: a progress change on day X is invisible as of X-1", "[workbook][history]") {
  temp_folder dir("wb");
  workbook wb = workbook::create(dir.file("h.sqlite"), full_plan());
  wb.apply(task_progress{"T06", make_fraction(3, 5), std::nullopt, std::nullopt},
           by("李四", "2026-08-05T09:30:00Z"));
  wb.apply(task_progress{"T06", fraction{1, 1}, std::nullopt, day("2026-08-10")},
           by("王五", "2026-08-10T17:00:00Z"));

  auto progress_of = [&](std::optional<date> as_of) {
    plan p = wb.load(as_of);
    for (const auto& t : p.tasks)
      if (t.id == "T06") return t;
    FAIL("no T06");
    return task{};
  };
  CHECK(progress_of(day("2026-08-04")).progress == make_fraction(3, 10));
  CHECK(progress_of(day("2026-08-05")).progress == make_fraction(3, 5));
  CHECK(!progress_of(day("2026-08-09")).finished);
  CHECK(progress_of(day("2026-08-10")).finished == day("2026-08-10"));
  CHECK(progress_of(std::nullopt).progress == fraction{1, 1});

  // The status date is the asked day, or the day of the latest change.
  CHECK(wb.load(day("2026-08-07")).assessment.as_of == day("2026-08-07"));
  CHECK(wb.load().assessment.as_of == day("2026-08-10"));
  // The imported status counts from the document's status date; before it nothing is known.
  plan before = wb.load(day("2026-07-29"));
  CHECK(before.assessment.items.empty());
  CHECK(before.evidence.empty());
  CHECK(io::write_plan_json(wb.load(day("2026-07-30"))) == io::write_plan_json(full_plan()));
}

TEST_CASE("workbook: item inputs, vetoes, site checks and evidence have history",
          "[workbook][history]") {
  temp_folder dir("wb");
  workbook wb = workbook::create(dir.file("h.sqlite"), full_plan());
  item_input fewer;
  fewer.deficiencies = 1;
  wb.apply(
      std::vector<update>{
          item_assessment{"1.4", fewer}, veto_flag{"V2", false}, site_check{"S2", "2.3", true},
          evidence_update{{"E3", "1.4", "report", "整改报告", day("2026-08-06"), {}}, false}},
      by("张三", "2026-08-06T08:00:00Z"));
  wb.apply(evidence_update{{"E2", "", "", "", std::nullopt, {}}, true},
           by("张三", "2026-08-07T08:00:00Z"));

  plan now = wb.load();
  CHECK(now.assessment.items.at("1.4").deficiencies == 1);
  CHECK(now.assessment.vetoes.at("V2") == false);
  CHECK(now.assessment.site_checks.at("S2").at("2.3") == true);
  REQUIRE(now.evidence.size() == 2);
  CHECK(now.evidence[0].id == "E1");
  CHECK(now.evidence[1].id == "E3");

  plan then = wb.load(day("2026-08-05"));
  CHECK(then.assessment.items.at("1.4").deficiencies == 2);
  CHECK(then.assessment.vetoes.at("V2") == true);
  CHECK(io::write_plan_json(then) != io::write_plan_json(now));
  CHECK(wb.load(day("2026-08-06")).evidence.size() == 3);

  auto log = wb.history_item("1.4");
  REQUIRE(log.size() == 3);  // imported input, the change, the new evidence entry
  CHECK(log[1].author == "张三");
  CHECK(log[1].at == "2026-08-06T08:00:00.000Z");
  CHECK(log[1].field == "input");
  CHECK(log[1].from == "deficiencies 2");
  CHECK(log[1].to == "deficiencies 1");
  CHECK(log[2].subject == "evidence E3");

  auto sites = wb.history_item("2.3");
  REQUIRE(sites.size() == 3);
  CHECK(sites.back().subject == "site S2 / item 2.3");
  CHECK(sites.back().from == "not compliant");
  CHECK(sites.back().to == "compliant");
}

TEST_CASE("workbook: a task's change log lists each field from and to", "[workbook][history]") {
  temp_folder dir("wb");
  workbook wb = workbook::create(dir.file("h.sqlite"), full_plan());
  wb.apply(task_progress{"T07", make_fraction(1, 2), day("2026-08-03"), std::nullopt},
           by("李四", "2026-08-05T09:30:00Z"));
  auto log = wb.history("T07");
  REQUIRE(log.size() == 2);
  CHECK(log[0].field == "progress");
  CHECK(log[0].from == "");
  CHECK(log[0].to == "0.5");
  CHECK(log[1].field == "started");
  CHECK(log[1].to == "2026-08-03");
  CHECK(log[1].author == "李四");
  CHECK(wb.history("T06").size() >= 2);  // imported progress and started date
  CHECK(code_of([&] { wb.history("T99"); }) == errc::not_found);
}

TEST_CASE("workbook: bad updates are refused, named, and leave the file unchanged",
          "[workbook][validation]") {
  temp_folder dir("wb");
  std::string path = dir.file("v.sqlite");
  workbook::create(path, full_plan());
  const std::string before = content_of(path);
  workbook wb = workbook::open(path);
  const write_options when = by("x", "2026-08-05T09:00:00Z");

  auto refused = [&](const update& u, const std::string& where_starts) {
    error e = error_of([&] { wb.apply(u, when); });
    CHECK(e.code() == errc::validation);
    REQUIRE(!e.diagnostics().empty());
    CHECK(e.diagnostics()[0].where.rfind(where_starts, 0) == 0);
    CHECK(content_of(path) == before);
  };
  SECTION("progress outside 0…1") {
    refused(task_progress{"T06", fraction{3, 2}, std::nullopt, std::nullopt}, "task T06");
  }
  SECTION("unknown task") {
    refused(task_progress{"T99", fraction{1, 2}, std::nullopt, std::nullopt}, "task T99");
  }
  SECTION("finished after the status date") {
    refused(task_progress{"T06", fraction{1, 1}, std::nullopt, day("2026-12-01")}, "task T06");
  }
  SECTION("an input that does not suit the item's rule") {
    item_input wrong;
    wrong.level = "差";
    refused(item_assessment{"2.1", wrong}, "item 2.1");
    item_input kind;
    kind.deficiencies = 1;
    refused(item_assessment{"1.2", kind}, "item 1.2");
  }
  SECTION("unknown item, veto, site") {
    item_input in;
    in.met = true;
    refused(item_assessment{"9.9", in}, "item 9.9");
    refused(veto_flag{"V9", true}, "veto V9");
    refused(site_check{"S9", "2.3", true}, "site S9");
  }
  SECTION("evidence for an unknown item, or removing what is not there") {
    refused(evidence_update{{"E9", "9.9", "minutes", "", std::nullopt, {}}, false}, "evidence E9");
    refused(evidence_update{{"E9", "", "", "", std::nullopt, {}}, true}, "evidence E9");
  }
  SECTION("one bad update spoils its whole batch") {
    item_input ok;
    ok.met = true;
    error e = error_of([&] {
      wb.apply(
          std::vector<update>{item_assessment{"1.2", ok},
                              task_progress{"T06", fraction{2, 1}, std::nullopt, std::nullopt}},
          when);
    });
    CHECK(e.code() == errc::validation);
    CHECK(content_of(path) == before);
  }
  SECTION("a time that is not a UTC time") {
    CHECK(code_of([&] {
            wb.apply(task_progress{"T06", fraction{1, 2}, std::nullopt, std::nullopt},
                     by("x", "2026-08-05 09:00"));
          }) == errc::invalid_argument);
    CHECK(content_of(path) == before);
  }
}

TEST_CASE("workbook: baselines are named, chosen, and the latest is the default",
          "[workbook][baseline]") {
  temp_folder dir("wb");
  workbook wb = workbook::create(dir.file("b.sqlite"), schedulable_plan());
  // Without a saved baseline the document's own dates stay.
  auto baseline_of = [](const plan& p, const std::string& id) {
    for (const auto& t : p.tasks)
      if (t.id == id) return t.baseline;
    return std::optional<baseline_dates>();
  };
  REQUIRE(baseline_of(wb.load(), "T06"));
  CHECK(baseline_of(wb.load(), "T06")->finish == day("2026-08-07"));

  wb.save_baseline("计划一", by("办公室", "2026-08-01T08:00:00Z"));
  wb.apply(task_progress{"T06", make_fraction(2, 5), std::nullopt, std::nullopt},
           by("x", "2026-08-02T08:00:00Z"));
  wb.save_baseline("", by("办公室", "2026-08-20T08:00:00Z"));
  CHECK(code_of([&] { wb.save_baseline("计划一", {}); }) == errc::validation);

  auto list = wb.baselines();
  REQUIRE(list.size() == 2);
  CHECK(list[0].name == "计划一");
  CHECK(list[1].name == "2026-08-20");
  CHECK(list[0].tasks == 4);

  plan first = wb.load(load_options{std::nullopt, std::string("计划一")});
  plan latest = wb.load();
  REQUIRE(baseline_of(first, "T06"));
  REQUIRE(baseline_of(latest, "T06"));
  CHECK(baseline_of(latest, "T01")->finish == day("2026-07-24"));  // a done task: its actual dates
  plan own = wb.load(load_options{std::nullopt, std::string()});
  CHECK(baseline_of(own, "T06")->finish == day("2026-08-07"));
  // As of a day, only baselines saved by then count.
  plan early = wb.load(day("2026-08-10"));
  CHECK(baseline_of(early, "T06")->start == baseline_of(first, "T06")->start);
  CHECK(code_of([&] {
          wb.load(load_options{day("2026-07-31"), std::string("计划一")});
        }) == errc::not_found);
  CHECK(code_of([&] {
          wb.load(load_options{std::nullopt, std::string("nope")});
        }) == errc::not_found);
}

TEST_CASE("workbook: an older schema (version 1, built by hand) is migrated on open",
          "[workbook][schema]") {
  temp_folder dir("wb");
  std::string path = dir.file("v1.sqlite");
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA application_id = " + std::to_string(store::workbook_application_id));
    db.exec(store::migrations().at(0).sql);
    db.exec("PRAGMA user_version = 1");
    db.exec(
        "INSERT INTO plan_info(id, title) VALUES (1, '旧计划');"
        "INSERT INTO rubric(id, rubric_id, title, total) VALUES (1, 'r', '标准', 200);"
        "INSERT INTO grade(pos, min, label) VALUES (0, 0, '合格');"
        "INSERT INTO category(id, pos, title, points) VALUES ('1', 0, '大项', 200);"
        "INSERT INTO item(id, grp, category_id, pos, title, criteria, points, rule_kind, "
        "  rule_unit, rule_per, site_type, has_evidence) "
        "  VALUES ('1.1', 'category', '1', 0, '小项', '', 200, 'check', 0, 0, '', 0);"
        "INSERT INTO unit(id, pos, name, kind) VALUES ('office', 0, '办公室', 'office');"
        "INSERT INTO task(id, pos, title, lead_id, owner, duration, has_estimate) "
        "  VALUES ('T1', 0, '任务', 'office', '', 3, 0);"
        "INSERT INTO revision(at, author, kind, as_of) "
        "  VALUES ('2026-07-01T00:00:00.000Z', 'old', 'import', '2026-07-01');"
        "INSERT INTO task_status(revision_id, task_id, progress_num, progress_den) "
        "  VALUES (1, 'T1', 1, 2);");
  }
  workbook wb = workbook::open(path);
  {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == workbook::schema_version);
  }
  plan p = wb.load();
  CHECK(p.title == "旧计划");
  REQUIRE(p.tasks.size() == 1);
  CHECK(p.tasks[0].progress == make_fraction(1, 2));
  CHECK(p.assessment.as_of == day("2026-07-01"));
  wb.save_baseline("after-upgrade", by("x", "2026-07-02T00:00:00Z"));
  CHECK(wb.baselines().size() == 1);
}

TEST_CASE("workbook: a file from a newer version is refused clearly", "[workbook][schema]") {
  temp_folder dir("wb");
  std::string path = dir.file("new.sqlite");
  workbook::create(path, full_plan());
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = 99");
  }
  error e = error_of([&] { workbook::open(path); });
  CHECK(e.code() == errc::version);
  CHECK(std::string(e.what()).find("99") != std::string::npos);
  CHECK(code_of([&] {
          workbook::open(path, {workbook::access::read_only, 100});
        }) == errc::version);
}

TEST_CASE("workbook: files that are not workbooks are refused clearly", "[workbook][schema]") {
  temp_folder dir("wb");
  std::string text = dir.file("plan.json");
  { std::ofstream(text) << "{\"format\": \"readiness/1\"}"; }
  CHECK(code_of([&] { workbook::open(text); }) == errc::store);
  std::string other = dir.file("other.sqlite");
  {
    SQLite::Database db(other, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE t(x)");
  }
  error e = error_of([&] { workbook::open(other); });
  CHECK(e.code() == errc::store);
  CHECK(std::string(e.what()).find("not a workbook") != std::string::npos);
  CHECK(code_of([&] { workbook::open(dir.file("missing.sqlite")); }) == errc::not_found);
}

TEST_CASE("workbook: a read-only file can be read but not written", "[workbook][safety]") {
  if (::geteuid() == 0) {
    WARN("running as root: file permissions do not stop writes; checking read-only opens only");
  }
  temp_folder dir("wb");
  std::string path = dir.file("ro.sqlite");
  workbook::create(path, full_plan());
  ::chmod(path.c_str(), 0444);
  if (::geteuid() != 0) CHECK(code_of([&] { workbook::open(path); }) == errc::read_only);
  workbook ro = workbook::open(path, {workbook::access::read_only, 1000});
  CHECK(io::write_plan_json(ro.load()) == io::write_plan_json(full_plan()));
  CHECK(code_of([&] {
          ro.apply(task_progress{"T06", fraction{1, 2}, std::nullopt, std::nullopt}, {});
        }) == errc::read_only);
  CHECK(code_of([&] { ro.save_baseline("b", {}); }) == errc::read_only);
}

TEST_CASE("workbook: a writer waiting too long for the lock gets errc::busy",
          "[workbook][safety]") {
  temp_folder dir("wb");
  std::string path = dir.file("busy.sqlite");
  workbook::create(path, full_plan());
  SQLite::Database other(path, SQLite::OPEN_READWRITE);
  SQLite::Transaction hold(other, SQLite::TransactionBehavior::IMMEDIATE);
  workbook wb = workbook::open(path, {workbook::access::read_write, 50});
  CHECK(code_of([&] {
          wb.apply(task_progress{"T06", fraction{1, 2}, std::nullopt, std::nullopt}, {});
        }) == errc::busy);
  // Readers are not blocked by the writer (WAL).
  CHECK(wb.load().tasks.size() == 4);
}

TEST_CASE("workbook: the history tables refuse changes and deletions", "[workbook][safety]") {
  temp_folder dir("wb");
  std::string path = dir.file("a.sqlite");
  workbook::create(path, full_plan());
  SQLite::Database db(path, SQLite::OPEN_READWRITE);
  CHECK_THROWS(db.exec("DELETE FROM task_status"));
  CHECK_THROWS(db.exec("UPDATE revision SET author = 'someone else'"));
}
