// Cross-check against TaskJuggler: for random plans with only FS links on a plain Monday–Friday
// calendar, every task's finish date must equal tj3's. Skipped (with a warning) without tj3.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include <unistd.h>

#include "readiness/dates.hpp"
#include "readiness/schedule.hpp"
#include "unit/schedule_fixture.hpp"

using namespace readiness;

namespace {

bool have_tj3() {
  return std::system("command -v tj3 >/dev/null 2>&1") == 0;
}

plan random_fs_plan(std::mt19937_64& rng, int n) {
  plan p = fixture::plan_on("2026-03-02", {});  // a Monday
  for (int i = 0; i < n; ++i) {
    task t = fixture::leaf("t" + std::to_string(i), static_cast<std::int64_t>(rng() % 9 + 1));
    int preds = i == 0 ? 0 : static_cast<int>(rng() % 4);
    for (int k = 0; k < preds; ++k) {
      std::string pred = "t" + std::to_string(rng() % static_cast<std::uint64_t>(i));
      bool seen = false;
      for (const auto& l : t.after) seen = seen || l.task == pred;
      if (!seen) t.after.push_back(fixture::dep(pred, link_type::fs, 0));
    }
    p.tasks.push_back(t);
  }
  return p;
}

// tj3's finish dates (the day before its end instant at 00:00), by task id.
std::map<std::string, std::string> run_tj3(const plan& p, const std::string& folder) {
  std::ofstream f(folder + "/plan.tjp");
  f << "project p \"p\" 2026-03-02 +2y {\n  timezone \"UTC\"\n  dailyworkinghours 24\n"
       "  workinghours mon - fri 0:00 - 24:00\n  workinghours sat, sun off\n}\n";
  for (const auto& t : p.tasks) {
    f << "task " << t.id << " \"" << t.id << "\" { ";
    if (t.after.empty()) f << "start 2026-03-02 ";
    for (std::size_t k = 0; k < t.after.size(); ++k)
      f << (k ? ", " : "depends ") << t.after[k].task;
    f << " length " << *t.duration << "d }\n";
  }
  f << "taskreport \"out\" {\n  formats csv\n  columns id, end\n  timeformat \"%Y-%m-%d\"\n}\n";
  f.close();
  std::string cmd = "cd '" + folder + "' && tj3 --no-color plan.tjp >/dev/null 2>&1";
  std::map<std::string, std::string> out;
  if (std::system(cmd.c_str()) != 0) return out;
  std::ifstream csv(folder + "/out.csv");
  std::string line;
  std::getline(csv, line);  // header
  while (std::getline(csv, line)) {
    auto semi = line.find(';');
    std::string id = line.substr(1, semi - 2), end = line.substr(semi + 2, 10);
    // The end instant is midnight after the last working day.
    date last = *parse_iso_date(end) - boost::gregorian::days(1);
    out[id] = format_iso_date(last);
  }
  return out;
}

}  // namespace

TEST_CASE("Finish dates equal TaskJuggler's for FS-only plans on Monday to Friday",
          "[schedule][tj3]") {
  if (!have_tj3()) {
    WARN("tj3 (TaskJuggler) is not installed: cross-check skipped");
    return;
  }
  // One folder per process: two test runs at once (two build folders) must not share files.
  auto folder = std::filesystem::temp_directory_path() /
                ("readiness-tj3-crosscheck-" + std::to_string(::getpid()));
  std::filesystem::create_directories(folder);
  std::mt19937_64 rng(2026);
  for (int round = 0; round < 4; ++round) {
    plan p = random_fs_plan(rng, 40);
    schedule s = fixture::run(p, working_calendar());
    auto theirs = run_tj3(p, folder.string());
    REQUIRE(theirs.size() == p.tasks.size());
    for (const auto& t : s.tasks) {
      INFO("round " << round << ", task " << t.id);
      CHECK(format_iso_date(t.ef) == theirs.at(t.id));
    }
  }
  std::filesystem::remove_all(folder);
}
