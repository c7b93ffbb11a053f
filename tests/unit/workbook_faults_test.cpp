// Workbook faults (SPEC §8, §9): a full disk, a kill in the middle of writing, a damaged file, a
// newer version, a locked database. Each gives a clear error and loses nothing: the file still
// opens and holds the last committed state. (Read-only files, files that are not workbooks and
// the version refusal itself are in workbook_test.cpp.)
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>

#include "readiness/error.hpp"
#include "readiness/plan_io.hpp"
#include "readiness/workbook.hpp"
#include "support/temp_folder.hpp"

using namespace readiness;
using test_support::temp_folder;

namespace {

namespace fs = std::filesystem;

plan example_plan() {
  return io::read_plan_file(std::string(READINESS_SOURCE_DIR) +
                            "/data/examples/district-2026.json");
}

errc code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const error& e) {
    return e.code();
  }
  return errc::ok;
}

std::string state_of(const std::string& path) {
  return io::write_plan_json(workbook::open(path, {workbook::access::read_only, 1000}).load(), 0);
}

std::string bytes_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

task_progress progress_of(const std::string& task, std::int64_t percent) {
  return task_progress{task, fraction{percent, 100}, std::nullopt, std::nullopt};
}

write_options at_time(int second) {
  write_options o;
  o.author = "faults";
  o.at = "2026-08-01T10:00:" + std::string(second < 10 ? "0" : "") + std::to_string(second) + "Z";
  return o;
}

// Runs body in a child process and returns its exit status (or 128 + signal).
int in_child(const std::function<int()>& body) {
  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    int status = 99;
    try {
      status = body();
    } catch (...) {
      status = 98;
    }
    ::_exit(status);
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::uintmax_t size_or_zero(const std::string& path) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  return ec ? 0 : size;
}

}  // namespace

TEST_CASE("a full disk refuses the write with errc::io and keeps the last committed state",
          "[workbook][faults]") {
  temp_folder dir("faults");
  std::string path = dir.file("full.sqlite");
  workbook::create(path, example_plan());
  workbook::open(path).apply(progress_of("T02", 40), at_time(1));
  const std::string committed = state_of(path);

  // The child may not grow any file past what exists now: the next big write hits the limit
  // (SIGXFSZ ignored, so write() fails with EFBIG as on a full disk).
  int status = in_child([&] {
    ::signal(SIGXFSZ, SIG_IGN);
    std::uintmax_t now = std::max(size_or_zero(path), size_or_zero(path + "-wal"));
    struct rlimit limit {};
    limit.rlim_cur = limit.rlim_max = static_cast<rlim_t>(now + 4096);
    if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) return 97;
    workbook wb = workbook::open(path);
    evidence_entry big;
    big.id = "E-big";
    big.item = "1.5";
    big.kind = "funding-voucher";
    big.title = std::string(2 << 20, 'x');
    std::vector<update> updates{progress_of("T02", 90), evidence_update{big, false}};
    errc code = code_of([&] { wb.apply(updates, at_time(2)); });
    return static_cast<int>(code);
  });
  CHECK(status == static_cast<int>(errc::io));
  CHECK(state_of(path) == committed);
  // And the workbook still takes writes once there is room again.
  workbook::open(path).apply(progress_of("T02", 60), at_time(3));
  CHECK(state_of(path) != committed);
}

TEST_CASE("a writer killed at any moment leaves a workbook at its last commit",
          "[workbook][faults]") {
  temp_folder dir("faults");
  std::string path = dir.file("killed.sqlite");
  workbook::create(path, example_plan());
  int pipe_ends[2];
  REQUIRE(::pipe(pipe_ends) == 0);
  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::close(pipe_ends[0]);
    workbook wb = workbook::open(path);
    for (std::int64_t i = 1;; ++i) {
      wb.apply(progress_of("T02", i % 100), {});
      char done = static_cast<char>(i % 100);
      if (::write(pipe_ends[1], &done, 1) != 1) ::_exit(1);
    }
  }
  ::close(pipe_ends[1]);
  // Let it commit a while, then kill it mid-stream.
  char last = -1, c = 0;
  auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(1500);
  int commits = 0;
  while (std::chrono::steady_clock::now() < until && ::read(pipe_ends[0], &c, 1) == 1) {
    last = c;
    if (++commits >= 40) break;
  }
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  while (::read(pipe_ends[0], &c, 1) == 1) last = c;  // commits reported before the kill
  ::close(pipe_ends[0]);
  REQUIRE(commits > 0);

  workbook wb = workbook::open(path);  // recovers the write-ahead log
  plan p = wb.load();
  auto t =
      std::find_if(p.tasks.begin(), p.tasks.end(), [](const task& x) { return x.id == "T02"; });
  REQUIRE(t != p.tasks.end());
  REQUIRE(t->progress);
  // The last reported commit, or the one after it whose report the kill cut off.
  std::int64_t percent = t->progress->num * 100 / t->progress->den;
  CHECK((percent == last || percent == (last + 1) % 100));
  CHECK(wb.history("T02").size() >= static_cast<std::size_t>(commits));
}

TEST_CASE("a truncated workbook is refused as damaged, not crashed on", "[workbook][faults]") {
  temp_folder dir("faults");
  std::string path = dir.file("whole.sqlite");
  workbook::create(path, example_plan());
  std::string bytes = bytes_of(path);
  REQUIRE(bytes.size() > 8192);
  std::string cut = dir.file("cut.sqlite");
  { std::ofstream(cut, std::ios::binary) << bytes.substr(0, bytes.size() / 2); }
  errc code = code_of([&] { workbook::open(cut).load(); });
  CHECK((code == errc::store || code == errc::io));
  std::string header_only = dir.file("header.sqlite");
  { std::ofstream(header_only, std::ios::binary) << bytes.substr(0, 100); }
  code = code_of([&] { workbook::open(header_only).load(); });
  CHECK((code == errc::store || code == errc::io));
  CHECK(code_of([&] { io::read_plan_file(cut); }) != errc::ok);
}

TEST_CASE("refusing a newer workbook leaves its bytes untouched", "[workbook][faults]") {
  temp_folder dir("faults");
  std::string path = dir.file("newer.sqlite");
  workbook::create(path, example_plan());
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = 1000");
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }
  std::string before = bytes_of(path);
  CHECK(code_of([&] { workbook::open(path); }) == errc::version);
  CHECK(code_of([&] {
          workbook::open(path, {workbook::access::read_only, 100});
        }) == errc::version);
  CHECK(code_of([&] { io::read_plan_file(path); }) == errc::version);
  CHECK(bytes_of(path) == before);
}

TEST_CASE("a write refused for a lock records nothing, and succeeds once the lock is gone",
          "[workbook][faults]") {
  temp_folder dir("faults");
  std::string path = dir.file("locked.sqlite");
  workbook::create(path, example_plan());
  const std::string committed = state_of(path);
  workbook wb = workbook::open(path, {workbook::access::read_write, 50});
  {
    SQLite::Database other(path, SQLite::OPEN_READWRITE);
    other.exec("PRAGMA busy_timeout = 50");
    SQLite::Transaction hold(other, SQLite::TransactionBehavior::EXCLUSIVE);
    CHECK(code_of([&] { wb.apply(progress_of("T02", 70), at_time(4)); }) == errc::busy);
    CHECK(wb.history("T02").size() ==
          workbook::open(path, {workbook::access::read_only, 1000}).history("T02").size());
  }  // the other connection rolls back and lets go
  CHECK(state_of(path) == committed);
  wb.apply(progress_of("T02", 70), at_time(5));
  CHECK(state_of(path) != committed);
}
