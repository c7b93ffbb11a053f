// The batch pipeline: reader → workers → ordered hand-off, with bounded chunks in flight.
#include "io/batch.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "io/csv.hpp"
#include "io/json_writer.hpp"
#include "io/record_limit.hpp"
#include "io/record_scorer.hpp"
#include "io/score_json.hpp"
#include "readiness/assessment_record.hpp"
#include "readiness/error.hpp"
#include "readiness/limits.hpp"

namespace readiness::io {
namespace {

struct chunk {
  std::uint64_t sequence = 0;
  const std::string* file = nullptr;
  std::uint64_t first_line = 0;   // line number of the first line in `text`
  std::uint64_t bytes_after = 0;  // bytes read when this chunk was cut (progress)
  std::string text;               // whole lines
  // A line over limits::max_record_bytes is not kept: an empty line stands in for it, and its
  // number and length are here, for the error.
  std::uint64_t long_line = 0, long_line_bytes = 0;
};

struct scored {
  std::string id;
  score_total total;
  std::string document;  // made by batch_sink::document, when set
};

struct chunk_result {
  std::uint64_t sequence = 0;
  std::uint64_t bytes_after = 0;
  std::string text;                                      // formatted records (fast path)
  std::vector<scored> records;                           // when the sink wants values
  std::vector<std::pair<std::size_t, std::string>> bad;  // (records before it, message)
  std::uint64_t count = 0;
};

// The shared, immutable scoring context.
struct scorer {
  compiled_rubric rubric;
  struct rubric source;
  std::vector<evidence_entry> evidence;
  std::optional<centi> target;

  score_total score(const assessment_record& r) const {
    const compiled_rubric& use = r.sites ? compile_rubric(source, *r.sites) : rubric;
    return score_totals(use, r.assessment, r.evidence ? *r.evidence : evidence, target);
  }
};

// What a worker needs to know of the sink: whether it wants text, and its document maker.
struct record_output {
  batch_format format = batch_format::jsonl;
  bool want_text = false;
  const std::function<std::string(std::string_view, std::uint64_t)>* document = nullptr;
};

void process(const scorer& s, const chunk& c, const record_output& o, chunk_result& out) {
  record_scorer fast(s.rubric);
  std::string id;
  score_total total;
  out.sequence = c.sequence;
  out.bytes_after = c.bytes_after;
  std::string_view text = c.text;
  std::uint64_t line = c.first_line;
  std::string place;
  std::uint64_t number = 0;
  auto position = [&] { return o.want_text ? out.text.size() : out.records.size(); };
  auto locate = [&] { place = *c.file + ":" + std::to_string(number); };  // only when needed
  auto refuse = [&](std::string message) {
    locate();
    if (message.compare(0, place.size(), place) != 0) message = place + ": " + message;
    out.bad.emplace_back(position(), std::move(message));
  };
  while (!text.empty()) {
    auto end = text.find('\n');
    std::string_view l = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    number = line++;
    if (number == c.long_line && c.long_line_bytes != 0) {
      locate();
      refuse(record_too_long(c.long_line_bytes, place).what());
      continue;
    }
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    if (l.find_first_not_of(" \t") == std::string_view::npos) continue;
    try {
      if (!fast.score(l, s.evidence, s.target, id, total)) {
        locate();
        assessment_record r = parse_assessment_record(l, place);
        total = s.score(r);
        id = std::move(r.id);
      }
      std::string document = o.document ? (*o.document)(l, number) : std::string();
      if (o.want_text)
        append_batch_record(out.text, o.format, id, total);
      else
        out.records.push_back({std::move(id), std::move(total), std::move(document)});
      ++out.count;
    } catch (const error& e) {
      refuse(e.what());
    }
  }
}

// Cuts an input into chunks of whole lines.
class chunk_reader {
 public:
  chunk_reader(const std::vector<batch_input>& inputs, std::size_t chunk_bytes)
      : inputs_(inputs), chunk_bytes_(std::max<std::size_t>(chunk_bytes, 1024)) {}

  // The next chunk, or nullopt at the end of every input.
  std::optional<chunk> next() {
    while (current_ < inputs_.size()) {
      const batch_input& in = inputs_[current_];
      chunk c;
      c.file = &in.name;
      c.first_line = line_;
      c.text = std::move(carry_);
      carry_.clear();
      bool eof = false;
      while (c.text.size() < chunk_bytes_ && !eof) {
        std::size_t old = c.text.size();
        c.text.resize(old + chunk_bytes_);
        in.stream->read(c.text.data() + old, static_cast<std::streamsize>(chunk_bytes_));
        auto got = static_cast<std::size_t>(in.stream->gcount());
        c.text.resize(old + got);
        bytes_ += got;
        if (got == 0 || !*in.stream) eof = true;
        if (in.stream->bad()) throw error(errc::io, in.name, "cannot read");
      }
      if (!eof) {
        // keep the last partial line for the next chunk
        auto last = c.text.rfind('\n');
        if (last == std::string::npos) {
          continue_line(c, in);
        } else {
          carry_.assign(c.text, last + 1, std::string::npos);
          c.text.resize(last + 1);
        }
      } else {
        ++current_;
      }
      line_ =
          eof ? 1
              : line_ + static_cast<std::uint64_t>(std::count(c.text.begin(), c.text.end(), '\n'));
      c.sequence = sequence_++;
      c.bytes_after = bytes_;
      if (c.text.empty()) continue;
      return c;
    }
    return std::nullopt;
  }

 private:
  // A line longer than a chunk (the chunk holds nothing else): read on to its end, keeping it
  // only while it is within the record limit; past it, the line is counted, not kept, so memory
  // stays bounded whatever the input.
  void continue_line(chunk& c, const batch_input& in) {
    std::uint64_t length = c.text.size();
    bool ended = false;
    for (int ch; (ch = in.stream->rdbuf()->sbumpc()) != std::char_traits<char>::eof();) {
      ++bytes_;
      if (ch == '\n') {
        ended = true;
        break;
      }
      ++length;
      if (length <= limits::max_record_bytes) c.text += static_cast<char>(ch);
    }
    if (!ended) in.stream->setstate(std::ios::eofbit);
    if (length > limits::max_record_bytes) {
      c.long_line = c.first_line;
      c.long_line_bytes = length;
      c.text.clear();
    }
    c.text += '\n';
  }

  const std::vector<batch_input>& inputs_;
  std::size_t chunk_bytes_;
  std::size_t current_ = 0;
  std::uint64_t line_ = 1;
  std::uint64_t bytes_ = 0;
  std::uint64_t sequence_ = 0;
  std::string carry_;
};

class pipeline {
 public:
  pipeline(const scorer& s, const std::vector<batch_input>& inputs, batch_format format,
           const batch_options& options, const batch_sink& sink)
      : scorer_(s),
        reader_(inputs, options.chunk_bytes),
        format_(format),
        options_(options),
        sink_(sink) {}

  batch_summary run() {
    unsigned threads = options_.threads ? options_.threads : std::thread::hardware_concurrency();
    if (threads == 0) threads = 1;
    if (threads == 1) return run_inline();
    max_in_flight_ = 2 * threads + 2;
    std::vector<std::thread> workers;
    std::thread reader([this] { read_all(); });
    for (unsigned i = 0; i < threads; ++i) workers.emplace_back([this] { work(); });
    try {
      hand_on();
    } catch (...) {
      stop();
      reader.join();
      for (auto& w : workers) w.join();
      throw;
    }
    stop();
    reader.join();
    for (auto& w : workers) w.join();
    if (failure_) std::rethrow_exception(failure_);
    return summary_;
  }

 private:
  bool want_text() const { return static_cast<bool>(sink_.text); }
  record_output output() const {
    return {format_, want_text(), sink_.document ? &sink_.document : nullptr};
  }

  batch_summary run_inline() {
    while (auto c = reader_.next()) {
      chunk_result r;
      process(scorer_, *c, output(), r);
      if (!deliver(r)) break;
    }
    return summary_;
  }

  // Hands one chunk's results on; false when --strict stops here.
  bool deliver(chunk_result& r) {
    std::size_t done = 0;
    auto flush_to = [&](std::size_t upto) {
      if (want_text()) {
        if (upto > done) sink_.text(std::string_view(r.text).substr(done, upto - done));
      } else {
        for (std::size_t i = done; i < upto; ++i)
          if (sink_.document)
            sink_.record_document(r.records[i].id, r.records[i].total, r.records[i].document);
          else
            sink_.record(r.records[i].id, r.records[i].total);
      }
      done = std::max(done, upto);
    };
    for (const auto& [before, message] : r.bad) {
      flush_to(before);
      ++summary_.bad;
      if (sink_.bad) sink_.bad(message);
      if (options_.strict) {
        summary_.stopped = true;
        summary_.records += count_before(r, before);
        return false;
      }
    }
    flush_to(want_text() ? r.text.size() : r.records.size());
    summary_.records += r.count;
    summary_.bytes = r.bytes_after;
    if (sink_.progress) sink_.progress(summary_.bytes, summary_.records);
    return true;
  }

  // Records delivered before the bad one at `offset` (text offset or record index).
  std::uint64_t count_before(const chunk_result& r, std::size_t offset) const {
    if (!want_text()) return offset;
    if (format_ == batch_format::jsonl || format_ == batch_format::csv)
      return static_cast<std::uint64_t>(
          std::count(r.text.begin(), r.text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
    return 0;
  }

  void read_all() {
    try {
      while (true) {
        std::unique_lock<std::mutex> lock(mutex_);
        space_.wait(lock, [&] { return stopping_ || in_flight_ < max_in_flight_; });
        if (stopping_) break;
        lock.unlock();
        auto c = reader_.next();
        lock.lock();
        if (!c) break;
        ++in_flight_;
        todo_.push_back(std::move(*c));
        work_ready_.notify_one();
      }
    } catch (...) {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!failure_) failure_ = std::current_exception();
    }
    std::lock_guard<std::mutex> lock(mutex_);
    reading_done_ = true;
    work_ready_.notify_all();
    result_ready_.notify_all();
  }

  void work() {
    while (true) {
      chunk c;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        work_ready_.wait(lock, [&] { return stopping_ || !todo_.empty() || reading_done_; });
        if (stopping_ || todo_.empty()) return;
        c = std::move(todo_.front());
        todo_.pop_front();
      }
      chunk_result r;
      try {
        process(scorer_, c, output(), r);
      } catch (...) {  // not a bad record (those are results) but, say, memory running out
        std::lock_guard<std::mutex> lock(mutex_);
        if (!failure_) failure_ = std::current_exception();
        result_ready_.notify_all();
        return;
      }
      std::lock_guard<std::mutex> lock(mutex_);
      done_.emplace(r.sequence, std::move(r));
      result_ready_.notify_one();
    }
  }

  void hand_on() {
    std::uint64_t next = 0;
    while (true) {
      chunk_result r;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        result_ready_.wait(lock, [&] {
          return done_.count(next) || (reading_done_ && in_flight_ == 0) || failure_;
        });
        if (!done_.count(next)) return;
        r = std::move(done_[next]);
        done_.erase(next);
      }
      ++next;
      bool go_on = deliver(r);
      {
        std::lock_guard<std::mutex> lock(mutex_);
        --in_flight_;
        space_.notify_one();
        if (reading_done_ && in_flight_ == 0) result_ready_.notify_all();
      }
      if (!go_on) return;
    }
  }

  void stop() {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    space_.notify_all();
    work_ready_.notify_all();
  }

  const scorer& scorer_;
  chunk_reader reader_;
  batch_format format_;
  const batch_options& options_;
  const batch_sink& sink_;
  batch_summary summary_;

  std::mutex mutex_;
  std::condition_variable space_, work_ready_, result_ready_;
  std::deque<chunk> todo_;
  std::map<std::uint64_t, chunk_result> done_;
  std::size_t in_flight_ = 0, max_in_flight_ = 4;
  bool reading_done_ = false, stopping_ = false;
  std::exception_ptr failure_;  // the first failure of the reader or a worker, for the caller
};

void append_csv_text(std::string& out, std::string_view text, bool comma = true) {
  if (comma) out += ',';
  append_csv_field(out, text);
}

std::string joined(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : " ") + id;
  return out;
}

}  // namespace

void append_batch_record(std::string& out, batch_format format, const std::string& id,
                         const score_total& total, const ranked_record* ranked) {
  if (format == batch_format::jsonl) {
    json_writer w(std::move(out));
    w.begin_object();
    w.field("id", id);
    if (ranked) {
      w.field("place", ranked->place);
      w.field("inside", ranked->inside);
    }
    w.key("total");
    write_score_total(w, total);
    w.end_object();
    out = w.take();
    out += '\n';
    return;
  }
  append_csv_text(out, id, false);
  if (ranked) {
    out += ',' + std::to_string(ranked->place);
    out += ranked->inside ? ",1" : ",0";
  }
  for (centi c : {total.base, total.bonus, total.penalty, total.total, total.max})
    out += ',' + format_centi(c);
  append_csv_text(out, total.grade);
  out += total.qualified ? ",1" : ",0";
  append_csv_text(out, joined(total.vetoes_triggered));
  append_csv_text(out, joined(total.gates_failed));
  out += ',' + (total.target ? format_centi(*total.target) : std::string());
  out += ',' + (total.gap ? format_centi(*total.gap) : std::string());
  out += "\r\n";
}

std::string batch_csv_header(bool ranked) {
  return std::string("id") + (ranked ? ",place,inside" : "") +
         ",base,bonus,penalty,total,max,grade,qualified,vetoes_triggered,gates_failed,target,gap"
         "\r\n";
}

batch_summary run_batch(const plan& rubric_plan, const std::vector<batch_input>& inputs,
                        batch_format format, const batch_options& options, const batch_sink& sink) {
  scorer s{compile_rubric(rubric_plan.rubric, rubric_plan.sites), rubric_plan.rubric,
           rubric_plan.evidence,
           rubric_plan.inspection ? rubric_plan.inspection->target : std::nullopt};
  pipeline p(s, inputs, format, options, sink);
  return p.run();
}

}  // namespace readiness::io
