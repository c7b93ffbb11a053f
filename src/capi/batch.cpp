// Batch scoring of JSON Lines through the library's one batch pipeline (io::run_batch, the same
// as `readiness batch`): it cuts the text into chunks, scores them on worker threads and hands the
// results on in input order on the calling thread, so memory stays flat and callbacks never
// overlap. This file adapts its sink to the C ABI: it pairs each result with its line (the sink
// does not say which line a result came from), recovers a bad record's status code (the sink
// passes only the message) and makes a good record's result document (the sink passes only the
// totals) — see batch_record.hpp.
#include <algorithm>
#include <functional>
#include <istream>
#include <memory>
#include <streambuf>
#include <utility>
#include <vector>

#include "capi/batch_record.hpp"
#include "capi/guard.hpp"
#include "capi/handles.hpp"
#include "io/batch.hpp"
#include "io/json_writer.hpp"
#include "readiness/forecast_io.hpp"
#include "readiness/limits.hpp"
#include "readiness/rank.hpp"

using namespace readiness::capi;

namespace {

// The pipeline's name for the text; its messages read "line:N: reason".
const std::string input_name = "line";

// Reads borrowed text in place: the pipeline streams it without a copy of the whole input.
class view_buffer : public std::streambuf {
 public:
  explicit view_buffer(std::string_view text) {
    char* begin = const_cast<char*>(text.data());  // never written: a get area only
    setg(begin, begin, begin + text.size());
  }
};

// The text's non-blank lines in order, cut exactly as the pipeline cuts them (on '\n', without a
// trailing '\r', skipping lines of only spaces and tabs), so the k-th result is the k-th line. A
// line over the record limit is a record whatever it holds (the pipeline reports it without
// looking at it), and keeps its '\r', so reading it again reports its full length.
class line_cursor {
 public:
  explicit line_cursor(std::string_view text) : text_(text) {}

  struct line {
    std::string_view text;
    std::uint64_t number = 0;  // 1-based
  };

  line next() {
    while (offset_ < text_.size()) {
      std::size_t end = text_.find('\n', offset_);
      if (end == std::string_view::npos) end = text_.size();
      std::string_view l = text_.substr(offset_, end - offset_);
      ++number_;
      offset_ = end + 1;
      if (l.size() > readiness::limits::max_record_bytes) return {l, number_};
      if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
      if (l.find_first_not_of(" \t") == std::string_view::npos) continue;
      return {l, number_};
    }
    throw readiness::error(readiness::errc::internal, "rdy_batch",
                           "the batch pipeline handed on more records than the text has lines");
  }

 private:
  std::string_view text_;
  std::size_t offset_ = 0;
  std::uint64_t number_ = 0;
};

std::string place_of(std::uint64_t line) {
  return "line " + std::to_string(line);
}

// One record as the C ABI reports it.
struct outcome {
  std::uint64_t line = 0;
  std::string_view text;  // the record's line
  int status = RDY_OK;
  std::string error;                              // "line N: reason" for a bad record
  const std::string* id = nullptr;                // a good record's
  const readiness::score_total* total = nullptr;  // a good record's
  const std::string* document = nullptr;          // a good record's, when documents are made
};

// Makes a record's document from its line and line number, on the pipeline's workers.
using document_maker = std::function<std::string(std::string_view, std::uint64_t)>;

// A bad record: the pipeline refused the line with `message` ("line:N: reason"). Reading the line
// again with the C ABI's place ("line N") gives its status code and the message in the ABI's form.
void explain_bad(const readiness::capi::record_context& context, outcome& o,
                 const std::string& message) {
  std::string expected = input_name + ":" + std::to_string(o.line) + ":";
  if (message.compare(0, expected.size(), expected) != 0)
    throw readiness::error(readiness::errc::internal, "rdy_batch",
                           "the batch pipeline refused \"" + message + "\" but line " +
                               std::to_string(o.line) + " was expected");
  std::string place = place_of(o.line);
  std::string reason;
  o.status = capture(
      "rdy_batch", [&] { (void)record_document(context, o.text, place); }, reason);
  if (o.status == RDY_OK) {  // the pipeline refused what reads well here: report its message
    o.status = RDY_ERR_INTERNAL;
    reason = message;
  }
  o.error = reason.compare(0, place.size(), place) == 0 ? reason : place + ": " + reason;
}

struct stop_batch {};  // thrown by a deliver callback to stop the pipeline

// Runs every record of text through the pipeline; deliver(outcome) runs on the calling thread in
// input order and returns false to stop. Returns false when stopped.
template <typename Deliver>
bool run_batch(const readiness::plan& rubric, const record_context& context, std::string_view text,
               int threads, Deliver&& deliver, const document_maker* document = nullptr) {
  view_buffer buffer(text);
  std::istream in(&buffer);
  std::vector<readiness::io::batch_input> inputs{{input_name, &in, text.size()}};
  readiness::io::batch_options options;
  options.threads = static_cast<unsigned>(threads);
  line_cursor cursor(text);
  readiness::io::batch_sink sink;
  auto good = [&](const std::string& id, const readiness::score_total& total,
                  const std::string* made) {
    auto l = cursor.next();
    outcome o;
    o.line = l.number;
    o.text = l.text;
    o.id = &id;
    o.total = &total;
    o.document = made;
    if (!deliver(o)) throw stop_batch{};
  };
  sink.record = [&](const std::string& id, const readiness::score_total& total) {
    good(id, total, nullptr);
  };
  if (document) {
    sink.document = *document;
    sink.record_document = [&](const std::string& id, const readiness::score_total& total,
                               const std::string& made) { good(id, total, &made); };
  }
  sink.bad = [&](const std::string& message) {
    auto l = cursor.next();
    outcome o;
    o.line = l.number;
    o.text = l.text;
    explain_bad(context, o, message);
    if (!deliver(o)) throw stop_batch{};
  };
  try {
    readiness::io::run_batch(rubric, inputs, readiness::io::batch_format::jsonl, options, sink);
  } catch (const stop_batch&) {
    return false;
  }
  return true;
}

void check_batch_arguments(const rdy_plan* rubric, const char* text, size_t len, int threads,
                           const char* function) {
  require(rubric, function, "rubric_plan");
  text_argument(text, len, function, "text");
  if (threads < 0 || threads > 256) invalid_argument(function, "threads must be 0 … 256");
}

const batch_handle::record_row* record_at(const rdy_batch* b, size_t index) {
  return live(b) && index < impl(b)->records.size() ? &impl(b)->records[index] : nullptr;
}

// A good record's document, made on first use; NULL for a bad record (or when it cannot be made:
// out of memory).
const std::string* document_at(const rdy_batch* b, size_t index) {
  auto* r = record_at(b, index);
  if (!r || r->status != RDY_OK) return nullptr;
  auto& d = impl(b)->documents[index];
  std::call_once(d.once, [&] {
    std::string message;
    int status = capture(
        "rdy_batch_record_json",
        [&] { d.text = record_document(*impl(b)->context, r->source, place_of(r->line)); },
        message);
    d.made = status == RDY_OK;
  });
  return d.made ? &d.text : nullptr;
}

const ranking_handle* ranking_of(const rdy_ranking* r) {
  return live(r) ? impl(r) : nullptr;
}

bool same_total(const readiness::score_total& a, const readiness::score_total& b) {
  return a.base == b.base && a.bonus == b.bonus && a.penalty == b.penalty && a.total == b.total &&
         a.max == b.max && a.grade == b.grade && a.qualified == b.qualified &&
         a.vetoes_triggered == b.vetoes_triggered && a.gates_failed == b.gates_failed &&
         a.target == b.target && a.gap == b.gap;
}

// Ranks with the engine's rank(), then finds each ranked record's batch index: the first unused
// good record with the same id and totals (records equal in both are interchangeable).
std::unique_ptr<ranking_handle> make_ranking(const batch_handle& batch,
                                             const std::optional<readiness::quota>& q) {
  std::vector<readiness::scored_record> scored;
  std::vector<std::size_t> good;
  for (std::size_t i = 0; i < batch.records.size(); ++i) {
    const auto& r = batch.records[i];
    if (r.status != RDY_OK) continue;
    scored.push_back({r.id, r.total});
    good.push_back(i);
  }
  auto out = std::make_unique<ranking_handle>();
  out->value = readiness::rank(std::move(scored), q);
  std::vector<std::size_t> by_id = good;  // good record indices, by id then input order
  std::stable_sort(by_id.begin(), by_id.end(), [&](std::size_t a, std::size_t b) {
    return batch.records[a].id < batch.records[b].id;
  });
  std::vector<bool> used(batch.records.size(), false);
  out->place.assign(batch.records.size(), no_value);
  for (const auto& ranked : out->value.records) {
    auto first = std::lower_bound(
        by_id.begin(), by_id.end(), ranked.id,
        [&](std::size_t i, const std::string& id) { return batch.records[i].id < id; });
    std::size_t found = batch.records.size();
    for (auto it = first; it != by_id.end() && batch.records[*it].id == ranked.id; ++it)
      if (!used[*it] && same_total(batch.records[*it].total, ranked.total)) {
        found = *it;
        break;
      }
    if (found == batch.records.size())
      throw readiness::error(readiness::errc::internal, "rdy_batch_rank",
                             "ranked record \"" + ranked.id + "\" not found in the batch");
    used[found] = true;
    out->index.push_back(found);
    out->place[found] = ranked.place;
    out->totals.push_back(batch.records[found].totals);
  }
  return out;
}

}  // namespace

extern "C" {

int rdy_batch_score_jsonl(const rdy_plan* rubric_plan, const char* text, size_t len, int threads,
                          rdy_record_fn callback, void* user_data) {
  return guard("rdy_batch_score_jsonl", [&] {
    check_batch_arguments(rubric_plan, text, len, threads, "rdy_batch_score_jsonl");
    require(reinterpret_cast<const void*>(callback), "rdy_batch_score_jsonl", "callback");
    const readiness::plan& rubric = impl(rubric_plan)->value;
    auto context = make_record_context(rubric);
    std::uint64_t index = 0;
    // Documents are made on the pipeline's workers, in parallel; a record whose document cannot
    // be made comes back bad, with its status from explain_bad.
    document_maker make = [&](std::string_view line, std::uint64_t number) {
      return record_document(*context, line, place_of(number));
    };
    bool finished = run_batch(
        rubric, *context, std::string_view(text ? text : "", len), threads,
        [&](outcome& o) {
          bool ok = o.status == RDY_OK;
          const std::string* document = o.document;
          int stop = callback(index, ok ? document->c_str() : nullptr, ok ? document->size() : 0,
                              o.status, o.error.c_str(), user_data);
          ++index;
          return stop == 0;
        },
        &make);
    if (!finished)
      throw readiness::error(readiness::errc::cancelled, "record " + std::to_string(index - 1),
                             "the callback stopped the batch");
  });
}

int rdy_batch_run_jsonl(const rdy_plan* rubric_plan, const char* text, size_t len, int threads,
                        rdy_batch** out) {
  return guard("rdy_batch_run_jsonl", [&] {
    check_batch_arguments(rubric_plan, text, len, threads, "rdy_batch_run_jsonl");
    require(out, "rdy_batch_run_jsonl", "out");
    const readiness::plan& rubric = impl(rubric_plan)->value;
    auto batch = std::make_unique<batch_handle>();
    batch->context = make_record_context(rubric);
    run_batch(rubric, *batch->context, std::string_view(text ? text : "", len), threads,
              [&](outcome& o) {
                batch_handle::record_row row;
                row.status = o.status;
                row.line = o.line;
                if (o.status == RDY_OK) {
                  row.id = *o.id;
                  row.has_id = true;
                  row.source.assign(o.text);
                  row.total = *o.total;
                  row.totals = flatten_totals(*o.total);
                } else {
                  row.error = std::move(o.error);
                  ++batch->failed;
                }
                batch->records.push_back(std::move(row));
                return true;
              });
    batch->documents = std::make_unique<batch_handle::document[]>(batch->records.size());
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
    const auto& records = impl(batch)->records;
    for (std::size_t i = 0; i < records.size(); ++i) {
      const auto& r = records[i];
      if (r.status == RDY_OK) {
        const std::string* document = document_at(batch, i);
        if (!document) throw std::bad_alloc();
        text += *document;
      } else {
        text += "{\"line\":" + std::to_string(r.line) + ",\"status\":" + std::to_string(r.status) +
                ",\"error\":";
        readiness::io::append_json_string(
            text, r.error.substr(r.error.find(": ") + 2));  // after "line N: "
        text += '}';
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
  const std::string* document = document_at(b, index);
  return document ? document->c_str() : nullptr;
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

int rdy_batch_rank(const rdy_batch* batch, const char* quota, rdy_ranking** out) {
  return guard("rdy_batch_rank", [&] {
    require(batch, "rdy_batch_rank", "batch");
    require(out, "rdy_batch_rank", "out");
    std::optional<readiness::quota> q;
    if (quota != nullptr && *quota != '\0') {
      try {
        q = readiness::parse_quota(quota);
      } catch (const readiness::error& e) {
        const auto& d = e.diagnostics();
        invalid_argument("rdy_batch_rank",
                         "quota " + (d.empty() ? std::string(e.what()) : d.front().message));
      }
    }
    *out = wrap(make_ranking(*impl(batch), q).release());
  });
}

void rdy_ranking_destroy(rdy_ranking* ranking) {
  retire(impl(ranking));
}

int rdy_ranking_to_json(const rdy_ranking* ranking, char** out_json, size_t* out_len) {
  return guard("rdy_ranking_to_json", [&] {
    require(ranking, "rdy_ranking_to_json", "ranking");
    require(out_json, "rdy_ranking_to_json", "out_json");
    give_string(readiness::io::write_ranking_json(impl(ranking)->value, 2), out_json, out_len);
  });
}

size_t rdy_ranking_count(const rdy_ranking* ranking) {
  auto* r = ranking_of(ranking);
  return r ? r->value.records.size() : 0;
}
size_t rdy_ranking_inside_count(const rdy_ranking* ranking) {
  auto* r = ranking_of(ranking);
  return r ? static_cast<size_t>(r->value.inside) : 0;
}

static const readiness::ranked_record* ranked_at(const rdy_ranking* ranking, size_t position) {
  auto* r = ranking_of(ranking);
  return r && position < r->value.records.size() ? &r->value.records[position] : nullptr;
}

size_t rdy_ranking_record_index(const rdy_ranking* ranking, size_t position) {
  return ranked_at(ranking, position) ? impl(ranking)->index[position] : SIZE_MAX;
}
const char* rdy_ranking_record_id(const rdy_ranking* ranking, size_t position) {
  auto* r = ranked_at(ranking, position);
  return r ? r->id.c_str() : nullptr;
}
int64_t rdy_ranking_record_place(const rdy_ranking* ranking, size_t position) {
  auto* r = ranked_at(ranking, position);
  return r ? r->place : no_value;
}
int rdy_ranking_record_inside(const rdy_ranking* ranking, size_t position) {
  auto* r = ranked_at(ranking, position);
  return r ? (r->inside ? 1 : 0) : -1;
}
int64_t rdy_ranking_record_points(const rdy_ranking* ranking, size_t position, int field) {
  if (!ranked_at(ranking, position) || field < 0 || field >= points_field_count) return no_value;
  return impl(ranking)->totals[position].points[static_cast<std::size_t>(field)];
}

int64_t rdy_ranking_place_of(const rdy_ranking* ranking, size_t index) {
  auto* r = ranking_of(ranking);
  return r && index < r->place.size() ? r->place[index] : no_value;
}
int rdy_ranking_inside_of(const rdy_ranking* ranking, size_t index) {
  auto* r = ranking_of(ranking);
  if (!r || index >= r->place.size() || r->place[index] == no_value) return -1;
  return r->place[index] <= r->value.inside ? 1 : 0;
}

}  // extern "C"
