// Batch scoring (SPEC §6): JSON Lines assessments scored against one rubric on all cores, in a
// bounded pipeline — one reader cuts the input into chunks of whole lines, workers score chunks,
// the calling thread hands results on in input order. At most a fixed number of chunks is in
// flight, so memory stays flat whatever the input size.
#ifndef READINESS_IO_BATCH_HPP
#define READINESS_IO_BATCH_HPP

#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "readiness/model.hpp"
#include "readiness/rank.hpp"
#include "readiness/scoring.hpp"

namespace readiness::io {

struct batch_input {
  std::string name;  // for messages: "records.jsonl", or "<stdin>"
  std::istream* stream = nullptr;
  std::uint64_t size = 0;  // bytes, when known (progress); 0 otherwise
};

struct batch_options {
  unsigned threads = 0;                 // 0: every core
  bool strict = false;                  // stop at the first bad record
  std::size_t chunk_bytes = 256 << 10;  // a chunk holds whole lines of about this many bytes
};

enum class batch_format { jsonl, csv };

// What the pipeline hands on, always on the calling thread and in input order.
struct batch_sink {
  // One record's result. `line` is its line in `file`.
  std::function<void(const std::string& id, const score_total& total)> record;
  // A bad record: "FILE:LINE: reason" (already formatted).
  std::function<void(const std::string& message)> bad;
  // Output text ready to write (formatted records of a chunk); when set, `record` is not called
  // and each worker formats its own records — the fast path.
  std::function<void(std::string_view text)> text;
  // Optional: makes a good record's document (from its line and line number) on the worker
  // threads, so documents are made in parallel; `record_document` then gets each one, on the
  // calling thread and in input order, instead of `record`. A readiness::error it throws makes
  // the record bad with that message.
  std::function<std::string(std::string_view line, std::uint64_t number)> document;
  std::function<void(const std::string& id, const score_total& total, const std::string& document)>
      record_document;
  // Progress: bytes read so far and records done.
  std::function<void(std::uint64_t bytes, std::uint64_t records)> progress;
};

struct batch_summary {
  std::uint64_t records = 0;  // scored
  std::uint64_t bad = 0;
  std::uint64_t bytes = 0;
  bool stopped = false;  // --strict stopped at a bad record
};

// Scores every record. The rubric, sites, evidence and target come from `rubric_plan` (its other
// sections are ignored); a record's own evidence and sites replace the plan's for that record.
// `format` decides the text handed to sink.text. errc::io when an input cannot be read.
batch_summary run_batch(const plan& rubric_plan, const std::vector<batch_input>& inputs,
                        batch_format format, const batch_options& options, const batch_sink& sink);

// One output record: JSON Lines {"id", "total": <score total object>} (with "place" and "inside"
// when ranked), or a CSV row. The CSV header matches.
void append_batch_record(std::string& out, batch_format format, const std::string& id,
                         const score_total& total, const ranked_record* ranked = nullptr);
std::string batch_csv_header(bool ranked);

}  // namespace readiness::io

#endif
