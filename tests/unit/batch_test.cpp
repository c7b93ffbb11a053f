#include <catch2/catch.hpp>

#include <sstream>

#include "io/batch.hpp"
#include "readiness/error.hpp"
#include "unit/office_fixture.hpp"

using namespace readiness;

namespace {

// Record i meets item 1.1 when i is even, and has i % 3 deficiencies on 1.2.
std::string records(int n, int bad_every = 0) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    if (bad_every && i % bad_every == bad_every - 1) {
      out += "{\"id\": \"bad-" + std::to_string(i) + "\", \"items\": {\"1.1\": {\"met\": 7}}}\n";
      continue;
    }
    out += "{\"id\": \"r" + std::to_string(i) +
           "\", \"items\": {\"1.1\": {\"met\": " + (i % 2 ? "false" : "true") +
           "}, \"1.2\": {\"deficiencies\": " + std::to_string(i % 3) + "}}}\n";
    if (i % 10 == 0) out += "\n";  // blank lines are skipped but counted
  }
  return out;
}

struct collected {
  std::vector<std::string> ids;
  std::vector<centi> totals;
  std::vector<std::string> bad;
  io::batch_summary summary;
};

collected run(const std::string& text, unsigned threads, bool strict = false) {
  auto p = office_test::small_plan();
  std::istringstream in(text);
  collected c;
  io::batch_sink sink;
  sink.record = [&](const std::string& id, const score_total& t) {
    c.ids.push_back(id);
    c.totals.push_back(t.total);
  };
  sink.bad = [&](const std::string& m) { c.bad.push_back(m); };
  io::batch_options options;
  options.threads = threads;
  options.strict = strict;
  options.chunk_bytes = 1024;  // many chunks
  c.summary =
      io::run_batch(p, {{"in.jsonl", &in, text.size()}}, io::batch_format::jsonl, options, sink);
  return c;
}

}  // namespace

TEST_CASE("batch: results keep input order on several threads", "[batch]") {
  auto text = records(2000);
  auto one = run(text, 1);
  auto four = run(text, 4);
  REQUIRE(one.ids.size() == 2000);
  CHECK(four.ids == one.ids);
  CHECK(four.totals == one.totals);
  for (int i = 0; i < 2000; ++i)
    CHECK(one.ids[static_cast<std::size_t>(i)] == "r" + std::to_string(i));
  CHECK(one.totals[0] == 300);
  CHECK(one.totals[1] == 50);  // not met, one deficiency
  CHECK(one.summary.bad == 0);
}

TEST_CASE("batch: bad records are reported with file and line, and skipped", "[batch]") {
  auto text = records(100, 25);
  auto c = run(text, 3);
  CHECK(c.summary.bad == 4);
  CHECK(c.summary.records == 96);
  REQUIRE(c.bad.size() == 4);
  // record 24 sits on line 24 + 3 blank lines (after records 0, 10, 20) + 1
  CHECK(c.bad[0].rfind("in.jsonl:28:", 0) == 0);
  CHECK(c.bad[0].find("/items/1.1/met") != std::string::npos);
}

TEST_CASE("batch: --strict stops at the first bad record", "[batch]") {
  auto c = run(records(100, 25), 2, true);
  CHECK(c.summary.stopped);
  CHECK(c.summary.bad == 1);
  CHECK(c.ids.size() == 24);
  CHECK(c.ids.back() == "r23");
}

TEST_CASE("batch: malformed JSON and CRLF line ends", "[batch]") {
  auto c = run("{\"id\": \"a\"}\r\n{not json\r\n{\"id\": \"b\"}\r\n", 2);
  CHECK(c.ids == std::vector<std::string>{"a", "b"});
  REQUIRE(c.bad.size() == 1);
  CHECK(c.bad[0].rfind("in.jsonl:2", 0) == 0);
}

TEST_CASE("batch: a line over the record limit is reported with its length and skipped",
          "[batch]") {
  // 1.5 MiB on line 2, and 1.25 MiB without a line end at the end of the input: neither is kept
  // whole (the chunk reader counts past the limit), both are reported, the rest is scored.
  std::string huge(3 << 19, 'x'), tail(5 << 18, 'y');
  auto c = run("{\"id\": \"a\"}\n" + huge + "\n{\"id\": \"b\"}\n" + tail, 2);
  CHECK(c.ids == std::vector<std::string>{"a", "b"});
  REQUIRE(c.bad.size() == 2);
  CHECK(c.bad[0] == "in.jsonl:2: the record is 1572864 bytes, more than the limit of 1048576");
  CHECK(c.bad[1] == "in.jsonl:4: the record is 1310720 bytes, more than the limit of 1048576");
}

TEST_CASE("batch: documents are made on the workers and handed on in input order", "[batch]") {
  auto p = office_test::small_plan();
  std::string text = records(200);
  std::istringstream in(text);
  std::vector<std::string> ids, documents, bad;
  io::batch_sink sink;
  sink.document = [](std::string_view line, std::uint64_t number) {
    if (number == 7) throw error(errc::validation, "", "no document for line 7");
    return std::to_string(number) + " " + std::string(line);
  };
  sink.record_document = [&](const std::string& id, const score_total&, const std::string& d) {
    ids.push_back(id);
    documents.push_back(d);
  };
  sink.bad = [&](const std::string& m) { bad.push_back(m); };
  io::batch_options options;
  options.threads = 3;
  options.chunk_bytes = 1024;
  auto summary =
      io::run_batch(p, {{"in.jsonl", &in, text.size()}}, io::batch_format::jsonl, options, sink);
  CHECK(summary.records == 199);
  REQUIRE(bad.size() == 1);
  CHECK(bad[0] == "in.jsonl:7: no document for line 7");
  REQUIRE(ids.size() == 199);
  // Line 1 is r0, then a blank line; every document belongs to its own record's line.
  CHECK(documents[0].rfind("1 {\"id\": \"r0\",", 0) == 0);
  CHECK(ids[1] == "r1");
  CHECK(documents[1].rfind("3 {\"id\": \"r1\",", 0) == 0);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    INFO(i);
    CHECK(documents[i].find("\"" + ids[i] + "\"") != std::string::npos);
  }
}

TEST_CASE("batch: JSON Lines and CSV records", "[batch]") {
  score_total t;
  t.total = 8950;
  t.max = 10000;
  t.grade = "良好";
  t.target = 9000;
  t.gap = 50;
  std::string jsonl, csv;
  io::append_batch_record(jsonl, io::batch_format::jsonl, "d,1", t);
  CHECK(jsonl.rfind("{\"id\":\"d,1\",\"total\":{", 0) == 0);
  CHECK(jsonl.find("\"total\":89.5") != std::string::npos);
  CHECK(jsonl.back() == '\n');
  io::append_batch_record(csv, io::batch_format::csv, "d,1", t);
  CHECK(csv == "\"d,1\",0,0,0,89.5,100,良好,1,,,90,0.5\r\n");
  CHECK(io::batch_csv_header(true).rfind("id,place,inside,", 0) == 0);
}
