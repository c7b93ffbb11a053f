// Batch scoring through the library's batch pipeline (io::run_batch): every result paired with its
// line, the same documents streamed and kept. Through the shared library only.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "capi_fixture.hpp"
#include "readiness/readiness.h"

using capi_test::batch_holder;
using capi_test::example_text;
using capi_test::plan_holder;
using capi_test::ranked_records;

TEST_CASE("batch results pair with their lines across chunks, threads, blank lines and CRLF",
          "[capi][batch]") {
  plan_holder h;
  // About 600 KB: more than two of the pipeline's chunks, with a long record in the middle.
  std::string records;
  std::vector<std::string> ids;  // per line; "" for a blank line, "!" for a bad one
  for (int i = 0; i < 6000; ++i) {
    if (i % 997 == 0) {
      records += "  \t\r\n";
      ids.push_back("");
    } else if (i % 1499 == 0) {
      records += "{\"id\": \"broken-" + std::to_string(i) + "\", \"items\": [}\r\n";
      ids.push_back("!");
    } else {
      std::string id = "r" + std::to_string(i);
      std::string pad = i == 3001 ? std::string(300000, ' ') : std::string(40, ' ');
      records += "{\"id\": \"" + id + "\"," + pad + "\"items\": {}}" + (i % 2 ? "\r\n" : "\n");
      ids.push_back(id);
    }
  }
  for (int threads : {1, 2, 4}) {
    INFO("threads " << threads);
    batch_holder b(h.plan, records, threads);
    size_t k = 0;
    for (size_t line = 0; line < ids.size(); ++line) {
      if (ids[line].empty()) continue;
      INFO("line " << line + 1);
      REQUIRE(k < rdy_batch_count(b.batch));
      if (ids[line] == "!") {
        CHECK(rdy_batch_record_status(b.batch, k) == RDY_ERR_PARSE);
        CHECK(std::string(rdy_batch_record_error(b.batch, k))
                  .rfind("line " + std::to_string(line + 1) + ": ", 0) == 0);
      } else {
        REQUIRE(rdy_batch_record_status(b.batch, k) == RDY_OK);
        CHECK(std::string(rdy_batch_record_id(b.batch, k)) == ids[line]);
      }
      ++k;
    }
    CHECK(k == rdy_batch_count(b.batch));
    CHECK(rdy_batch_failed_count(b.batch) == 4);  // lines 1500, 2999, 4498, 5997
  }
}

TEST_CASE("streamed records and kept records give the same documents", "[capi][batch]") {
  plan_holder h;
  batch_holder b(h.plan, ranked_records(), 2);
  struct seen {
    std::vector<std::string> documents;
    std::vector<int> statuses;
    std::vector<std::string> errors;
  } s;
  std::string records = ranked_records();
  REQUIRE(rdy_batch_score_jsonl(
              h.plan, records.data(), records.size(), 2,
              [](uint64_t index, const char* json, size_t len, int status, const char* error,
                 void* user) -> int {
                auto* out = static_cast<seen*>(user);
                REQUIRE(index == out->documents.size());
                out->documents.emplace_back(json ? std::string(json, len) : std::string("NULL"));
                out->statuses.push_back(status);
                out->errors.emplace_back(error);
                return 0;
              },
              &s) == RDY_OK);
  REQUIRE(s.documents.size() == rdy_batch_count(b.batch));
  for (size_t i = 0; i < s.documents.size(); ++i) {
    INFO("record " << i);
    CHECK(s.statuses[i] == rdy_batch_record_status(b.batch, i));
    CHECK(s.errors[i] == rdy_batch_record_error(b.batch, i));
    const char* kept = rdy_batch_record_json(b.batch, i);
    CHECK(s.documents[i] == (kept ? kept : "NULL"));
    if (kept) {
      CHECK(std::string(kept).find("\"format\":\"readiness-score/1\"") != std::string::npos);
      CHECK(rdy_batch_record_json(b.batch, i) == kept);  // made once, then the same text
    }
  }
}

TEST_CASE("a line over the record limit is a bad record at its place, even a blank one",
          "[capi][batch]") {
  plan_holder h;
  std::string records = "{\"id\": \"A\", \"items\": {}}\n" + std::string(1100000, ' ') + "\r\n" +
                        "{\"id\": \"B\"," + std::string(1100000, ' ') + "\"items\": {}}\n" +
                        "{\"id\": \"C\", \"items\": {}}\n";
  for (int threads : {1, 2}) {
    INFO("threads " << threads);
    batch_holder b(h.plan, records, threads);
    REQUIRE(rdy_batch_count(b.batch) == 4);
    CHECK(std::string(rdy_batch_record_id(b.batch, 0)) == "A");
    for (size_t k : {size_t{1}, size_t{2}}) {
      INFO("record " << k);
      CHECK(rdy_batch_record_status(b.batch, k) == RDY_ERR_LIMIT);
      std::string error = rdy_batch_record_error(b.batch, k);
      CHECK(error.rfind("line " + std::to_string(k + 1) + ": ", 0) == 0);
    }
    CHECK(std::string(rdy_batch_record_error(b.batch, 1)).find("1100001 bytes") !=
          std::string::npos);  // the line's full length, its '\r' included
    CHECK(std::string(rdy_batch_record_id(b.batch, 3)) == "C");
  }
}
