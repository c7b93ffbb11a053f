// readiness batch RUBRIC [RECORDS.jsonl …]: many assessments scored against one rubric.
#include <chrono>
#include <climits>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <ostream>

#include "cli/command.hpp"
#include "io/batch.hpp"
#include "readiness/error.hpp"
#include "readiness/plan_io.hpp"
#include "readiness/rank.hpp"

namespace readiness::cli {
namespace {

unsigned thread_option(const arguments& args) {
  auto v = args.get("--threads");
  if (!v) return 0;
  if (v->empty() || v->size() > 4 || v->find_first_not_of("0123456789") != std::string::npos ||
      std::stoi(*v) == 0)
    throw usage_error{"--threads: '" + *v + "' is not a positive number"};
  return static_cast<unsigned>(std::stoi(*v));
}

io::batch_format format_option(const arguments& args) {
  auto v = args.get("--format").value_or("jsonl");
  if (v == "jsonl") return io::batch_format::jsonl;
  if (v == "csv") return io::batch_format::csv;
  throw usage_error{"--format: '" + v + "' is not jsonl or csv"};
}

// A bar on standard error, redrawn at most ten times a second; only on a terminal.
class progress_bar {
 public:
  progress_bar(std::ostream& err, bool shown, std::uint64_t total)
      : err_(err), shown_(shown), total_(total) {}

  void update(std::uint64_t bytes, std::uint64_t records, bool force = false) {
    if (!shown_) return;
    auto now = std::chrono::steady_clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    err_ << '\r';
    if (total_ > 0) {
      int width = 30;
      auto filled = static_cast<int>(width * std::min<std::uint64_t>(bytes, total_) / total_);
      err_ << '[' << std::string(static_cast<std::size_t>(filled), '#')
           << std::string(static_cast<std::size_t>(width - filled), '.') << "] "
           << (100 * std::min<std::uint64_t>(bytes, total_) / total_) << "% ";
    }
    err_ << records << " records" << std::flush;
    drawn_ = true;
  }
  void clear() {
    if (shown_ && drawn_) err_ << "\r\033[K" << std::flush;
    drawn_ = false;
  }

 private:
  std::ostream& err_;
  bool shown_;
  std::uint64_t total_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
};

int run(const arguments& args, context& ctx) {
  const unsigned threads = thread_option(args);
  const io::batch_format format = format_option(args);
  const bool ranked = args.has("--rank") || args.has("--quota");
  std::optional<quota> q;
  if (auto text = args.get("--quota")) {
    try {
      q = parse_quota(*text);
    } catch (const error& e) {
      throw usage_error{"--quota: " + std::string(e.what())};
    }
  }
  plan rubric_plan = io::read_plan_file(args.positional.at(0));

  std::vector<std::unique_ptr<std::ifstream>> files;
  std::vector<io::batch_input> inputs;
  std::uint64_t total_bytes = 0;
  for (std::size_t i = 1; i < args.positional.size(); ++i) {
    const std::string& path = args.positional[i];
    if (path == "-") {
      inputs.push_back({"<stdin>", &std::cin, 0});
      continue;
    }
    auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
    if (!*file) throw error(errc::io, path, "cannot open");
    std::error_code ec;
    auto size = std::filesystem::file_size(path, ec);
    inputs.push_back({path, file.get(), ec ? 0 : size});
    total_bytes += ec ? 0 : size;
    files.push_back(std::move(file));
  }
  if (inputs.empty()) inputs.push_back({"<stdin>", &std::cin, 0});

  progress_bar bar(ctx.err, ctx.err_is_terminal, total_bytes);
  std::vector<scored_record> kept;
  io::batch_sink sink;
  sink.bad = [&](const std::string& message) {
    bar.clear();
    ctx.err << message << '\n';
  };
  sink.progress = [&](std::uint64_t bytes, std::uint64_t records) { bar.update(bytes, records); };
  if (ranked)
    sink.record = [&](const std::string& id, const score_total& total) {
      kept.push_back({id, total});
    };
  else
    sink.text = [&](std::string_view text) {
      ctx.out.write(text.data(), static_cast<std::streamsize>(text.size()));
    };
  if (format == io::batch_format::csv) ctx.out << io::batch_csv_header(ranked);

  io::batch_options options;
  options.threads = threads;
  options.strict = args.has("--strict");
  io::batch_summary summary = io::run_batch(rubric_plan, inputs, format, options, sink);
  bar.update(summary.bytes, summary.records, true);
  bar.clear();

  if (ranked) {
    ranking r = rank(std::move(kept), q);
    std::string out;
    for (const auto& rec : r.records) {
      io::append_batch_record(out, format, rec.id, rec.total, &rec);
      if (out.size() > (1u << 20)) {
        ctx.out << out;
        out.clear();
      }
    }
    ctx.out << out;
  }
  ctx.out.flush();
  if (summary.bad > 0 || ctx.err_is_terminal)
    ctx.err << summary.records << " records scored, " << summary.bad << " bad"
            << (summary.stopped ? " (stopped: --strict)" : "") << '\n';
  return summary.bad > 0 ? exit_failure : exit_ok;
}

const command_registration registration{
    {"batch",
     "RUBRIC [RECORDS.jsonl …] [--format jsonl|csv] [--strict] [--threads N] "
     "[--rank [--quota 10%]]",
     "score JSON Lines assessments against the rubric of a plan, on all cores, in input order",
     {{"--format", true, "jsonl (default) or csv"},
      {"--strict", false, "stop at the first bad record"},
      {"--threads", true, "worker threads (default: every core)"},
      {"--rank", false, "rank the results (qualified, total, id) and add place and inside"},
      {"--quota", true, "with --rank: a count (5) or a share (10%) marked inside"}},
     1,
     SIZE_MAX,
     run}};

}  // namespace
}  // namespace readiness::cli
