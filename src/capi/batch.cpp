// Batch scoring of JSON Lines: records are scored in chunks on worker threads and handed to the
// caller in input order on the calling thread, so memory stays flat and callbacks never overlap.
#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

#include "capi/batch_record.hpp"
#include "capi/guard.hpp"
#include "capi/handles.hpp"

using namespace readiness::capi;

namespace {

constexpr std::size_t chunk_records = 2048;

struct line_ref {
  std::string_view text;
  std::uint64_t number;  // 1-based line number in the input
};

// Splits the next chunk of non-blank lines off text, starting at offset.
std::vector<line_ref> next_chunk(std::string_view text, std::size_t& offset,
                                 std::uint64_t& line_number) {
  std::vector<line_ref> lines;
  while (offset < text.size() && lines.size() < chunk_records) {
    std::size_t end = text.find('\n', offset);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(offset, end - offset);
    ++line_number;
    offset = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    lines.push_back({line, line_number});
  }
  return lines;
}

record_result score_one(const record_scorer& scorer, const line_ref& line) {
  record_result r;
  std::string message;
  std::string place = "line " + std::to_string(line.number);
  auto body = [&] { r = scorer(line.text, place); };
  int status = capture("rdy_batch", body, message);
  if (status != RDY_OK) {
    r = record_result{};
    r.status = status;
    r.error = message.compare(0, place.size(), place) == 0 ? message : place + ": " + message;
  }
  r.line = line.number;
  return r;
}

unsigned worker_count(int threads) {
  if (threads > 0) return static_cast<unsigned>(threads);
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : n;
}

// Scores every record; deliver(result, index) runs on the calling thread in input order and
// returns false to stop. Returns false when stopped.
bool run_batch(const rdy_plan* rubric, std::string_view text, int threads,
               const std::function<bool(record_result&, std::uint64_t)>& deliver) {
  record_scorer scorer = make_record_scorer(impl(rubric)->value);
  unsigned workers = worker_count(threads);
  std::size_t offset = 0;
  std::uint64_t line_number = 0, index = 0;
  std::vector<record_result> results;
  while (offset < text.size()) {
    std::vector<line_ref> lines = next_chunk(text, offset, line_number);
    results.assign(lines.size(), record_result{});
    unsigned n = std::min<unsigned>(workers, static_cast<unsigned>(lines.size()));
    if (n <= 1) {
      for (std::size_t i = 0; i < lines.size(); ++i) results[i] = score_one(scorer, lines[i]);
    } else {
      std::vector<std::thread> pool;
      for (unsigned w = 0; w < n; ++w)
        pool.emplace_back([&, w] {
          for (std::size_t i = w; i < lines.size(); i += n)
            results[i] = score_one(scorer, lines[i]);
        });
      for (auto& t : pool) t.join();
    }
    for (auto& r : results)
      if (!deliver(r, index++)) return false;
  }
  return true;
}

void check_batch_arguments(const rdy_plan* rubric, const char* text, size_t len, int threads,
                           const char* function) {
  require(rubric, function, "rubric_plan");
  text_argument(text, len, function, "text");
  if (threads < 0 || threads > 256) invalid_argument(function, "threads must be 0 … 256");
}

}  // namespace

extern "C" {

int rdy_batch_score_jsonl(const rdy_plan* rubric_plan, const char* text, size_t len, int threads,
                          rdy_record_fn callback, void* user_data) {
  return guard("rdy_batch_score_jsonl", [&] {
    check_batch_arguments(rubric_plan, text, len, threads, "rdy_batch_score_jsonl");
    require(reinterpret_cast<const void*>(callback), "rdy_batch_score_jsonl", "callback");
    std::uint64_t stopped_at = 0;
    bool finished = run_batch(rubric_plan, std::string_view(text ? text : "", len), threads,
                              [&](record_result& r, std::uint64_t index) {
                                bool ok = r.status == RDY_OK;
                                int stop = callback(index, ok ? r.json.c_str() : nullptr,
                                                    ok ? r.json.size() : 0, r.status,
                                                    r.error.c_str(), user_data);
                                stopped_at = index;
                                return stop == 0;
                              });
    if (!finished)
      throw readiness::error(readiness::errc::cancelled, "record " + std::to_string(stopped_at),
                             "the callback stopped the batch");
  });
}

int rdy_batch_run_jsonl(const rdy_plan* rubric_plan, const char* text, size_t len, int threads,
                        rdy_batch** out) {
  return guard("rdy_batch_run_jsonl", [&] {
    check_batch_arguments(rubric_plan, text, len, threads, "rdy_batch_run_jsonl");
    require(out, "rdy_batch_run_jsonl", "out");
    auto batch = std::make_unique<batch_handle>();
    run_batch(rubric_plan, std::string_view(text ? text : "", len), threads,
              [&](record_result& r, std::uint64_t) {
                if (r.status != RDY_OK) ++batch->failed;
                batch->records.push_back({std::move(r.id), r.has_id, r.status, r.line,
                                          std::move(r.error), std::move(r.json), r.totals});
                return true;
              });
    *out = wrap(batch.release());
  });
}

void rdy_batch_destroy(rdy_batch* batch) {
  retire(impl(batch));
}

int rdy_batch_to_jsonl(const rdy_batch* batch, char** out_text, size_t* out_len) {
  return guard("rdy_batch_to_jsonl", [&] {
    require(batch, "rdy_batch_to_jsonl", "batch");
    require(out_text, "rdy_batch_to_jsonl", "out_text");
    std::string text;
    for (const auto& r : impl(batch)->records) {
      if (r.status == RDY_OK) {
        text += r.json;
      } else {
        text += "{\"line\":" + std::to_string(r.line) + ",\"status\":" + std::to_string(r.status) +
                ",\"error\":";
        std::string message = r.error.substr(r.error.find(": ") + 2);  // after "line N: "
        text += '"';
        for (char c : message) {
          switch (c) {
            case '"':
              text += "\\\"";
              break;
            case '\\':
              text += "\\\\";
              break;
            case '\n':
              text += "\\n";
              break;
            case '\r':
              text += "\\r";
              break;
            case '\t':
              text += "\\t";
              break;
            default:
              if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
                text += buf;
              } else {
                text += c;
              }
          }
        }
        text += "\"}";
      }
      text += '\n';
    }
    give_string(text, out_text, out_len);
  });
}

size_t rdy_batch_count(const rdy_batch* b) {
  return live(b) ? impl(b)->records.size() : 0;
}
size_t rdy_batch_failed_count(const rdy_batch* b) {
  return live(b) ? impl(b)->failed : 0;
}

static const batch_handle::record_row* record_at(const rdy_batch* b, size_t index) {
  return live(b) && index < impl(b)->records.size() ? &impl(b)->records[index] : nullptr;
}

const char* rdy_batch_record_id(const rdy_batch* b, size_t index) {
  auto* r = record_at(b, index);
  return r && r->has_id ? r->id.c_str() : nullptr;
}
int rdy_batch_record_status(const rdy_batch* b, size_t index) {
  auto* r = record_at(b, index);
  return r ? r->status : -1;
}
const char* rdy_batch_record_error(const rdy_batch* b, size_t index) {
  auto* r = record_at(b, index);
  return r ? r->error.c_str() : nullptr;
}
const char* rdy_batch_record_json(const rdy_batch* b, size_t index) {
  auto* r = record_at(b, index);
  return r && r->status == RDY_OK ? r->json.c_str() : nullptr;
}
int64_t rdy_batch_record_points(const rdy_batch* b, size_t index, int field) {
  auto* r = record_at(b, index);
  if (!r || r->status != RDY_OK || field < 0 || field >= points_field_count) return no_value;
  return r->totals.points[static_cast<std::size_t>(field)];
}
const char* rdy_batch_record_grade(const rdy_batch* b, size_t index) {
  auto* r = record_at(b, index);
  return r && r->status == RDY_OK ? r->totals.grade.c_str() : nullptr;
}
int rdy_batch_record_qualified(const rdy_batch* b, size_t index) {
  auto* r = record_at(b, index);
  return r && r->status == RDY_OK ? r->totals.qualified : -1;
}

}  // extern "C"
