#include <catch2/catch.hpp>
#include <string>

#include "readiness/plan_io.hpp"
#include "unit/plan_test_support.hpp"

using namespace readiness;
using namespace plan_test;

TEST_CASE("malformed JSON is a parse error naming line and column", "[plan_read]") {
  check_only(file_error("bad/malformed.json"), errc::parse, "line 4, column 14", "syntax error");
  check_only(text_error("{\"format\": \"readiness/1\",\n \"title\": \"x\""), errc::parse,
             "line 2, column 14", "incomplete JSON");
  check_only(text_error("{} {}"), errc::parse, "line 1, column 4", "extra data");
  check_only(text_error(""), errc::parse, "line 1, column 1", "incomplete JSON");
}

TEST_CASE("invalid UTF-8 is a parse error at the bad byte", "[plan_read]") {
  check_only(file_error("bad/invalid-utf8.json"), errc::parse, "line 3, column 14",
             "invalid UTF-8");
  check_only(text_error("{\"title\": \"\xC0\xAF\"}"), errc::parse, "line 1, column 12",
             "invalid UTF-8");  // an overlong "/"
  check_only(text_error("{\"title\": \"\xED\xA0\x80\"}"), errc::parse, "line 1, column 12",
             "invalid UTF-8");  // a surrogate
}

TEST_CASE("a value of the wrong type names its pointer and both types", "[plan_read]") {
  check_only(file_error("bad/wrong-type.json"), errc::validation, "/title",
             "expected a string, got number");
  check_only(text_error(R"({"format": "readiness/1", "units": {}, "rubric": {"categories": []}})"),
             errc::validation, "/units", "expected an array, got object");
  check_only(text_error(R"({"format": "readiness/1", "rubric": {"categories": []},
                            "tasks": [{"id": "T1", "duration": 1, "responsible": ["a", 3]}]})"),
             errc::validation, "/tasks/0/responsible/1", "expected a string, got number");
  check_only(text_error(R"({"format": "readiness/1", "rubric": {"categories": []},
                            "tasks": [{"id": "T1", "duration": "3"}]})"),
             errc::validation, "/tasks/0/duration", "expected a whole number, got string");
  check_only(text_error(R"({"format": "readiness/1", "rubric": {"categories": [true]}})"),
             errc::validation, "/rubric/categories/0", "expected an object, got boolean");
  check_only(text_error(R"({"format": null, "rubric": {"categories": []}})"), errc::validation,
             "/format", "expected a string, got null");
  check_only(text_error("[]"), errc::validation, "", "expected the plan object, got array");
}

TEST_CASE("unknown keys are errors; x- keys are kept", "[plan_read]") {
  check_only(file_error("bad/unknown-key.json"), errc::validation,
             "/rubric/categories/0/items/0/titel", "unknown key \"titel\"");
  check_only(text_error(R"({"format": "readiness/1", "rubric": {"categories": []}, "a/b~c": 1})"),
             errc::validation, "/a~1b~0c", "unknown key \"a/b~c\"");
  plan p = io::read_plan_file(data_path("plan-full.json"));
  REQUIRE(p.ext.size() == 2);
  CHECK(p.ext[0] ==
        std::pair<std::string, std::string>{"x-generator", R"({"name":"hand","version":1.5})"});
  CHECK(p.ext[1] == std::pair<std::string, std::string>{"x-a", "null"});
  REQUIRE(p.inspection->ext.size() == 1);
  CHECK(p.inspection->ext[0].second == "\"team of 5\"");
  CHECK(p.rubric.categories[0].items[3].scoring.ext[0].first == "x-how");
  CHECK(p.assessment.items.at("P1").ext[0].second == R"(["信访办"])");
}

TEST_CASE("a missing required key names the object that lacks it", "[plan_read]") {
  check_only(file_error("bad/missing-key.json"), errc::validation, "/rubric/categories/0",
             "missing required key \"points\"");
  check_only(text_error(R"({"rubric": {"categories": []}})"), errc::validation, "",
             "missing required key \"format\"");
  check_only(text_error(R"({"format": "readiness/1", "rubric": {"categories": [{"id": "1",
               "points": 1, "items": [{"id": "1.1", "points": 1, "rule": {"kind": "per_unit"}}]}]}})"),
             errc::validation, "/rubric/categories/0/items/0/rule",
             "missing required key \"unit\" (a \"per_unit\" rule needs it)");
}

TEST_CASE("the format must be readiness/1", "[plan_read]") {
  check_only(file_error("bad/bad-format.json"), errc::validation, "/format",
             "unsupported format \"readiness/2\" (expected \"readiness/1\")");
}

TEST_CASE("durations must be whole and not negative", "[plan_read]") {
  check_only(file_error("bad/negative-duration.json"), errc::validation, "/tasks/0/duration",
             "must not be negative, got -3");
  check_only(file_error("bad/fractional-duration.json"), errc::validation, "/tasks/0/duration",
             "expected a whole number, got 2.5");
  // A whole number written with a fraction part is still whole.
  plan p = io::read_plan_json(R"({"format": "readiness/1", "rubric": {"categories": []},
                                  "tasks": [{"id": "T1", "duration": 4.0, "after": [],
                                             "effects": []}]})");
  CHECK(*p.tasks[0].duration == 4);
}

TEST_CASE("lags may be negative but must be whole; counts must not be negative", "[plan_read]") {
  const char* lag = R"({"format": "readiness/1", "rubric": {"categories": []},
      "tasks": [{"id": "T1", "duration": 1}, {"id": "T2", "duration": 1,
                 "after": [{"task": "T1", "type": "SS", "lag": 1.5}]}]})";
  check_only(text_error(lag), errc::validation, "/tasks/1/after/0/lag",
             "expected a whole number, got 1.5");
  check_only(text_error(R"({"format": "readiness/1", "rubric": {"categories": [{"id": "1",
               "points": 1, "items": [{"id": "1.1", "points": 1, "rule": {"kind": "per_unit",
               "unit": 0.5}}]}]}, "assessment": {"items": {"1.1": {"count": -1}}}})"),
             errc::validation, "/assessment/items/1.1/count", "must not be negative, got -1");
  check_only(text_error(R"({"format": "readiness/1", "rubric": {"categories": []},
      "tasks": [{"id": "T0", "duration": 1},
                {"id": "T1", "duration": 1, "after": [{"task": "T0", "type": "XS"}]}]})"),
             errc::validation, "/tasks/1/after/0/type",
             "\"XS\" is not a link type (FS, SS, FF or SF)");
}

TEST_CASE("progress must lie in 0…1", "[plan_read]") {
  check_only(file_error("bad/progress-out-of-range.json"), errc::validation, "/tasks/0/progress",
             "must be between 0 and 1, got 1.5");
}

TEST_CASE("dates must exist and lie in 1900…2199", "[plan_read]") {
  check_only(file_error("bad/date-not-a-day.json"), errc::validation, "/tasks/0/due",
             "\"2026-02-30\" is not a date");
  check_only(file_error("bad/date-out-of-range.json"), errc::validation, "/tasks/0/not_before",
             "\"1899-12-31\" is out of range (1900-01-01 to 2199-12-31)");
  check_only(text_error(R"({"format": "readiness/1", "rubric": {"categories": []},
                            "calendar": {"holidays": ["2026-10-07/2026-10-01"]}})"),
             errc::validation, "/calendar/holidays/0",
             "\"2026-10-07/2026-10-01\" is not a date range (its first day is after its last)");
  check_only(text_error(R"({"format": "readiness/1", "rubric": {"categories": []},
                            "calendar": {"weekend": ["saturday"]}})"),
             errc::validation, "/calendar/weekend/0",
             "\"saturday\" is not a day of the week (mon, tue, wed, thu, fri, sat or sun)");
}

TEST_CASE("estimates need optimistic <= likely <= pessimistic", "[plan_read]") {
  check_only(file_error("bad/estimate-order.json"), errc::validation, "/tasks/0/estimate",
             "optimistic <= likely <= pessimistic does not hold (7, 5, 18)");
}

TEST_CASE("points have at most two decimals", "[plan_read]") {
  check_only(file_error("bad/too-many-decimals.json"), errc::validation,
             "/rubric/categories/0/points", "0.125 has more than 2 decimal places");
  plan p = io::read_plan_file(data_path("plan-full.json"));
  CHECK(p.rubric.categories[0].items[0].scoring.conditions[2].points == 75);
  CHECK(*p.inspection->target == 9050);
}

TEST_CASE("ids are non-empty and at most 64 bytes", "[plan_read]") {
  check_only(text_error(R"({"format": "readiness/1", "rubric": {"categories": []},
                            "units": [{"id": ""}]})"),
             errc::validation, "/units/0/id", "an id must not be empty");
  std::string long_id(65, 'u');
  check_only(text_error(R"({"format": "readiness/1", "rubric": {"categories": []},
                            "units": [{"id": ")" +
                        long_id + "\"}]}"),
             errc::validation, "/units/0/id", "an id must be at most 64 bytes, got 65");
}

TEST_CASE("null for an optional member means absent", "[plan_read]") {
  plan p = io::read_plan_json(R"({"format": "readiness/1", "title": null, "inspection": null,
      "rubric": {"categories": [], "total": null},
      "tasks": [{"id": "T1", "duration": 2, "finished": null, "progress": null, "lead": null}]})");
  CHECK(p.title.empty());
  CHECK_FALSE(p.inspection);
  CHECK_FALSE(p.rubric.total);
  CHECK_FALSE(p.tasks[0].finished);
  CHECK_FALSE(p.tasks[0].progress);
}

TEST_CASE("the reader fills every member of the model", "[plan_read]") {
  plan p = io::read_plan_file(data_path("plan-full.json"));
  CHECK(p.origin == std::string(READINESS_TEST_DATA));
  CHECK(*p.calendar->weekend == default_weekend);
  CHECK(p.calendar->holidays.size() == 2);
  CHECK(p.calendar->holidays[1].first == p.calendar->holidays[1].last);
  CHECK(*p.units[1].calendar->weekend == weekday_bit(0));
  const task& t = p.tasks[2];
  REQUIRE(t.after.size() == 3);
  CHECK(t.after[0].task == "T01");
  CHECK(t.after[0].type == link_type::fs);
  CHECK(t.after[1].type == link_type::ss);
  CHECK(t.after[1].lag == -2);
  CHECK(t.after[2].ext.size() == 1);
  CHECK(t.estimate->pessimistic == 18.5);
  CHECK(t.estimate->distribution == "pert");
  CHECK(*t.progress == make_fraction(3, 10));
  REQUIRE(t.effects.size() == 9);
  CHECK(t.effects[0].kind == effect_kind::sites);
  CHECK(t.effects[6].kind == effect_kind::count);
  CHECK(t.effects[6].amount == -1);
  CHECK(t.effects[8].kind == effect_kind::clear_veto);
  CHECK(t.effects[8].veto == "V2");
  CHECK(*p.simulation->seed == 18446744073709551615ull);
  CHECK(p.rubric.vetoes[2].effect.what == sanction::kind::cap_score);
  CHECK(p.rubric.vetoes[2].effect.score == 5950);
  CHECK(p.rubric.gates[0].name() == "2");
  CHECK(*p.assessment.items.at("1.1").met_conditions == std::vector<std::string>{"a", "c"});
  CHECK(*p.assessment.items.at("2.2").hits == 24);
  CHECK(p.assessment.site_checks.at("S1").at("2.4") == false);
}

TEST_CASE("several errors are reported together, reader's then validation's", "[plan_read]") {
  error e = file_error("bad/several-errors.json");
  INFO(describe(e.diagnostics()));
  CHECK(e.code() == errc::validation);
  REQUIRE(e.diagnostics().size() == 4);
  CHECK(e.diagnostics()[0].where == "/tasks/0/due");
  CHECK(e.diagnostics()[0].message == "\"2026-13-01\" is not a date");
  CHECK(e.diagnostics()[1].where == "/tasks/0/progress");
  CHECK(e.diagnostics()[1].message == "must be between 0 and 1, got -0.5");
  CHECK(e.diagnostics()[2].where == "/tasks/0/lead");
  CHECK(e.diagnostics()[2].message == "unknown unit \"v\"");
  CHECK(e.diagnostics()[3].where == "/tasks/0/after/0");
  CHECK(e.diagnostics()[3].message == "unknown task \"T2\"");
}

TEST_CASE("structural errors are reported without validation's follow-on noise", "[plan_read]") {
  // The wrong type stops validation, which would also report the unknown lead.
  check_only(text_error(R"({"format": "readiness/1", "rubric": {"categories": []},
                            "tasks": [{"id": "T1", "lead": "nobody", "duration": 1, "title": 1}]})"),
             errc::validation, "/tasks/0/title", "expected a string, got number");
}

TEST_CASE("diagnostics stop at max_errors with a final count", "[plan_read]") {
  io::read_options options;
  options.max_errors = 2;
  error e = text_error(R"({"format": "readiness/1", "rubric": {"categories": []},
                           "a": 1, "b": 2, "c": 3, "d": 4, "e": 5})",
                       options);
  REQUIRE(e.diagnostics().size() == 3);
  CHECK(e.diagnostics()[0].where == "/a");
  CHECK(e.diagnostics()[1].where == "/b");
  CHECK(e.diagnostics()[2].where == "");
  CHECK(e.diagnostics()[2].message == "… 3 more errors not shown");
}

TEST_CASE("documents nested too deeply or too large are refused, not crashed on", "[plan_read]") {
  std::string deep = R"({"format": "readiness/1", "rubric": {"categories": []}, "x-deep": )" +
                     std::string(100, '[') + std::string(100, ']') + "}";
  error e = text_error(deep);
  CHECK(e.code() == errc::limit);
  REQUIRE(e.diagnostics().size() == 1);
  CHECK(e.diagnostics()[0].where == "line 1, column 130");  // the 64th "["
  CHECK(e.diagnostics()[0].message == "nested deeper than 64 levels");
  std::string ok = R"({"format": "readiness/1", "rubric": {"categories": []}, "x-deep": )" +
                   std::string(63, '[') + std::string(63, ']') + "}";
  CHECK_NOTHROW(io::read_plan_json(ok));

  io::read_options small;
  small.max_bytes = 100;
  error big = file_error("plan-full.json", small);
  CHECK(big.code() == errc::limit);
  CHECK(big.diagnostics()[0].message.find("more than the limit of 100") != std::string::npos);
  check_only(text_error(std::string(101, ' '), small), errc::limit, "",
             "the document is 101 bytes, more than the limit of 100");
}

TEST_CASE("a byte-order mark is skipped", "[plan_read]") {
  plan p = io::read_plan_json(
      "\xEF\xBB\xBF{\"format\": \"readiness/1\", \"rubric\": "
      "{\"categories\": []}}");
  CHECK(p.rubric.categories.empty());
}

TEST_CASE("read_plan_file reports unreadable files and workbooks", "[plan_read]") {
  error missing = file_error("no-such-plan.json");
  CHECK(missing.code() == errc::io);
  CHECK(missing.diagnostics()[0].where == data_path("no-such-plan.json"));
  CHECK_THROWS_AS(io::read_text_file(data_path("no-such-plan.json")), error);
  error folder = file_error("bad");
  CHECK(folder.code() == errc::io);
  // A file with the SQLite header goes to the workbook reader, never to the JSON parser.
  error workbook = file_error("bad/workbook-header.bin");
  CHECK((workbook.code() != errc::parse || workbook.diagnostics()[0].where.rfind("line ", 0) != 0));
}

TEST_CASE("validation can be turned off", "[plan_read]") {
  io::read_options options;
  options.validate = false;
  plan p = io::read_plan_file(data_path("bad/unknown-task.json"), options);
  CHECK(p.tasks[0].after[0].task == "T-99");
}
