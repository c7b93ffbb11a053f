// Batch scoring throughput: 100,000 JSON Lines assessments of a 200-item rubric, against the raw
// parse speed of the same file with Boost.JSON alone (the limit for this input), in one run.
// Set READINESS_BATCH_RECORDS to change the count.
#include <benchmark/benchmark.h>

#include <boost/json.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "io/batch.hpp"
#include "readiness/model.hpp"

namespace {

using namespace readiness;

// Ten categories of twenty items cycling through check, conditions, deduction, ratio, levels.
plan rubric_plan() {
  plan p;
  p.rubric.id = "bench";
  centi total = 0;
  for (int c = 1; c <= 10; ++c) {
    category cat;
    cat.id = std::to_string(c);
    cat.title = "大项" + cat.id;
    for (int i = 1; i <= 20; ++i) {
      item it;
      it.id = cat.id + "." + std::to_string(i);
      it.title = "小项" + it.id;
      it.points = 50;
      switch (i % 5) {
        case 0:
          it.scoring.kind = rule_kind::check;
          break;
        case 1:
          it.scoring.kind = rule_kind::conditions;
          for (const char* id : {"a", "b"}) {
            condition cond;
            cond.id = id;
            cond.points = 25;
            it.scoring.conditions.push_back(cond);
          }
          break;
        case 2:
          it.scoring.kind = rule_kind::deduction;
          it.scoring.per = 10;
          break;
        case 3:
          it.scoring.kind = rule_kind::ratio;
          break;
        default:
          it.scoring.kind = rule_kind::levels;
          for (auto [label, n] :
               {std::pair<const char*, int>{"优", 10}, {"良", 8}, {"中", 6}, {"差", 0}}) {
            level l;
            l.label = label;
            l.ratio = make_fraction(n, 10);
            it.scoring.levels.push_back(l);
          }
      }
      cat.points += it.points;
      cat.items.push_back(std::move(it));
    }
    total += cat.points;
    p.rubric.categories.push_back(std::move(cat));
  }
  p.rubric.total = total;
  struct inspection in;
  in.target = 9000;
  p.inspection = in;
  return p;
}

std::size_t record_count() {
  if (const char* n = std::getenv("READINESS_BATCH_RECORDS")) return std::strtoull(n, nullptr, 10);
  return 100000;
}

// The records file, written once per run.
const std::string& records_file() {
  static const std::string path = [] {
    auto file = std::filesystem::temp_directory_path() /
                ("readiness-batch-bench-" + std::to_string(::getpid()) + ".jsonl");
    std::ofstream out(file, std::ios::binary);
    std::mt19937_64 rng(7);
    std::string line;
    for (std::size_t r = 0; r < record_count(); ++r) {
      line = "{\"id\":\"town-" + std::to_string(r) + "\",\"as_of\":\"2026-07-30\",\"items\":{";
      for (int c = 1; c <= 10; ++c)
        for (int i = 1; i <= 20; ++i) {
          if (c + i > 2) line += ',';
          line += "\"" + std::to_string(c) + "." + std::to_string(i) + "\":";
          switch (i % 5) {
            case 0:
              line += rng() % 4 ? "{\"met\":true}" : "{\"met\":false}";
              break;
            case 1:
              line += rng() % 2 ? "{\"met\":[\"a\",\"b\"]}" : "{\"met\":[\"a\"]}";
              break;
            case 2:
              line += "{\"deficiencies\":" + std::to_string(rng() % 4) + "}";
              break;
            case 3:
              line += "{\"value\":0." + std::to_string(70 + rng() % 30) + "}";
              break;
            default:
              line += rng() % 2 ? "{\"level\":\"优\"}" : "{\"level\":\"良\"}";
          }
        }
      line += "}}\n";
      out << line;
    }
    return file.string();
  }();
  return path;
}

std::uint64_t file_size() {
  return std::filesystem::file_size(records_file());
}

void BM_boost_json_parse(benchmark::State& state) {
  const std::string& path = records_file();
  std::uint64_t records = 0;
  for (auto _ : state) {
    std::ifstream in(path, std::ios::binary);
    // The fastest way Boost.JSON offers, as the batch's own reader uses it: one parser reused,
    // each value built in a reused buffer (monotonic_resource) rather than on the heap.
    boost::json::stream_parser parser;
    std::vector<unsigned char> buffer(64 << 10);
    std::string line;
    while (std::getline(in, line)) {
      boost::json::monotonic_resource memory(buffer.data(), buffer.size());
      parser.reset(boost::json::storage_ptr(&memory));
      parser.write(line);
      parser.finish();
      {
        boost::json::value v = parser.release();
        benchmark::DoNotOptimize(v);
      }
      parser.reset();
      ++records;
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(records));
  state.SetBytesProcessed(static_cast<std::int64_t>(file_size() * state.iterations()));
}

void BM_batch(benchmark::State& state) {
  const std::string& path = records_file();
  plan p = rubric_plan();
  std::uint64_t records = 0, out_bytes = 0;
  for (auto _ : state) {
    std::ifstream in(path, std::ios::binary);
    io::batch_sink sink;
    sink.text = [&](std::string_view text) { out_bytes += text.size(); };
    io::batch_options options;
    options.threads = static_cast<unsigned>(state.range(0));
    auto summary =
        io::run_batch(p, {{"bench.jsonl", &in, 0}}, io::batch_format::jsonl, options, sink);
    if (summary.bad) state.SkipWithError("bad records");
    records += summary.records;
  }
  benchmark::DoNotOptimize(out_bytes);
  state.SetItemsProcessed(static_cast<std::int64_t>(records));
  state.SetBytesProcessed(static_cast<std::int64_t>(file_size() * state.iterations()));
}

}  // namespace

// Wall time: the pipeline's worth is in its use of several cores.
BENCHMARK(BM_boost_json_parse)->Unit(benchmark::kMillisecond)->Iterations(2)->UseRealTime();
BENCHMARK(BM_batch)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->Iterations(2)->UseRealTime();

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  std::filesystem::remove(records_file());
  return 0;
}
