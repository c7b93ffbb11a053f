// The workbook under real processes. One program, several roles:
//   workbook_safety crash        — a writer is killed with SIGKILL at random moments; after each
//                                  kill the file passes integrity_check and holds exactly the
//                                  committed updates (all logged ones, at most one more).
//   workbook_safety concurrency  — two writers and three readers for a few seconds; readers never
//                                  see half of a write, and no write is lost.
//   workbook_safety bad_input    — rejected updates leave the file's bytes as they were.
// The child roles (writer, pair-writer, reader) are started by the parent through exec.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "readiness/error.hpp"
#include "readiness/workbook.hpp"
#include "support/temp_folder.hpp"
#include "support/workbook_plans.hpp"

using namespace readiness;

namespace {

std::string self;  // this program, for exec

[[noreturn]] void fail(const std::string& message) {
  std::cerr << "FAILED: " << message << "\n";
  std::exit(1);
}

void expect(bool ok, const std::string& message) {
  if (!ok) fail(message);
}

// Leaf tasks still open in the generated plan: their progress may be set to anything.
std::vector<std::string> open_tasks(const plan& p, std::size_t count) {
  std::vector<std::string> out;
  for (const auto& t : p.tasks)
    if (t.duration && !t.finished && out.size() < count) out.push_back(t.id);
  return out;
}

plan safety_plan() {
  return workbook_plans::generate_plan(60, 11);
}

// Update k of the crash sequence: which task, and which progress.
std::string crash_task(const std::vector<std::string>& tasks, long k) {
  return tasks[static_cast<std::size_t>(k) % tasks.size()];
}
fraction crash_progress(long k) {
  return make_fraction((k * 7) % 1000, 1000);
}

pid_t spawn(const std::vector<std::string>& args) {
  pid_t pid = ::fork();
  if (pid < 0) fail("fork");
  if (pid == 0) {
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(self.c_str()));
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(self.c_str(), argv.data());
    std::perror("execv");
    std::_Exit(127);
  }
  return pid;
}

int wait_for(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + WTERMSIG(status);
}

long count_updates(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  return db.execAndGet("SELECT count(*) FROM revision WHERE kind = 'update'").getInt64();
}

// ---------------------------------------------------------------------------------------------
// crash

int crash_writer(const std::string& path, const std::string& log, long total) {
  workbook wb = workbook::open(path);
  std::vector<std::string> tasks = open_tasks(wb.load(), 8);
  long k = count_updates(path);
  int fd = ::open(log.c_str(), O_WRONLY | O_APPEND | O_CREAT, 0644);
  if (fd < 0) fail("cannot open the side log");
  for (; k < total; ++k) {
    wb.apply(task_progress{crash_task(tasks, k), crash_progress(k), std::nullopt, std::nullopt},
             {"crash-writer", std::nullopt});
    // Logged only once committed: a kill between commit and log leaves one update unlogged.
    std::string line = std::to_string(k) + "\n";
    if (::write(fd, line.data(), line.size()) != static_cast<ssize_t>(line.size()))
      fail("cannot write the side log");
  }
  ::close(fd);
  return 0;
}

long logged_updates(const std::string& log) {
  std::ifstream in(log);
  long last = -1, k = 0;
  while (in >> k) {
    // An update committed but not logged before a kill leaves a gap of exactly one.
    expect(k == last + 1 || k == last + 2, "the side log skips from " + std::to_string(last));
    last = k;
  }
  return last + 1;
}

void verify_committed(const std::string& path, const std::vector<std::string>& tasks,
                      long committed) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  std::string integrity = db.execAndGet("PRAGMA integrity_check").getString();
  expect(integrity == "ok", "integrity_check: " + integrity);
  SQLite::Statement rows(db,
                         "SELECT s.task_id, s.progress_num, s.progress_den FROM revision r JOIN "
                         "task_status s ON s.revision_id = r.id WHERE r.kind = 'update' "
                         "ORDER BY r.id");
  long k = 0;
  while (rows.executeStep()) {
    fraction want = crash_progress(k);
    expect(rows.getColumn(0).getString() == crash_task(tasks, k) &&
               rows.getColumn(1).getInt64() == want.num && rows.getColumn(2).getInt64() == want.den,
           "update " + std::to_string(k) + " is not the one the writer made");
    ++k;
  }
  expect(k == committed, "every committed update has exactly one status row");
}

int crash_test() {
  test_support::temp_folder dir("crash");
  const std::string path = dir.file("crash.sqlite");
  const std::string log = dir.file("committed.log");
  const long total = 1500;
  workbook::create(path, safety_plan());
  std::vector<std::string> tasks = open_tasks(workbook::open(path).load(), 8);
  std::mt19937 rng(std::random_device{}());
  int kills = 0;
  for (int round = 0; round < 10; ++round) {
    const long before = logged_updates(log);
    pid_t pid = spawn({"writer", path, log, std::to_string(total)});
    // Kill while updates are being written: once the writer has logged one, at a random moment.
    for (int wait = 0; wait < 2000 && logged_updates(log) == before; ++wait)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    std::this_thread::sleep_for(std::chrono::microseconds(rng() % 60000));
    ::kill(pid, SIGKILL);
    int status = wait_for(pid);
    if (status == 128 + SIGKILL) ++kills;
    long logged = logged_updates(log);
    long committed = count_updates(path);
    std::cout << "round " << round << ": " << (status == 128 + SIGKILL ? "killed" : "finished")
              << ", logged " << logged << ", committed " << committed << "\n";
    expect(committed >= logged && committed <= logged + 1,
           "committed " + std::to_string(committed) + " vs logged " + std::to_string(logged));
    verify_committed(path, tasks, committed);
    plan p = workbook::open(path).load();  // opens, migrates nothing, loads a valid plan
    expect(!p.tasks.empty(), "the plan loads after the kill");
  }
  expect(kills >= 5, "the writer was killed mid-run at least five times");
  // A last writer runs to the end: the sequence completes with nothing lost or doubled.
  expect(wait_for(spawn({"writer", path, log, std::to_string(total)})) == 0, "final writer");
  expect(count_updates(path) == total, "all updates committed once");
  verify_committed(path, tasks, total);
  std::cout << "crash: " << kills << " kills, " << total << " updates, file intact\n";
  return 0;
}

// ---------------------------------------------------------------------------------------------
// concurrency

// Writer w records task progress and an item count together, in one transaction: k / 1000 and
// k. A reader that ever sees them disagree saw half a write.
const char* const pair_items[] = {"1.3", "2.3"};

int pair_writer(const std::string& path, int w, double seconds) {
  workbook wb = workbook::open(path, {workbook::access::read_write, 10000});
  std::vector<std::string> tasks = open_tasks(wb.load(), 2);
  auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  long k = 0;
  while (std::chrono::steady_clock::now() < end) {
    ++k;
    item_input in;
    in.count = k % 1000;
    wb.apply(std::vector<update>{task_progress{tasks[static_cast<std::size_t>(w)],
                                               make_fraction(k % 1000, 1000), std::nullopt,
                                               std::nullopt},
                                 item_assessment{pair_items[w], in}},
             {"writer-" + std::to_string(w), std::nullopt});
  }
  std::cout << k << std::endl;
  return 0;
}

int reader(const std::string& path, double seconds) {
  workbook wb = workbook::open(path, {workbook::access::read_only, 10000});
  auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  long loads = 0;
  while (std::chrono::steady_clock::now() < end) {
    plan p = wb.load();
    std::vector<std::string> tasks = open_tasks(p, 2);
    for (int w = 0; w < 2; ++w) {
      const task* t = nullptr;
      for (const auto& each : p.tasks)
        if (each.id == tasks[static_cast<std::size_t>(w)]) t = &each;
      auto it = p.assessment.items.find(pair_items[w]);
      if (!t || it == p.assessment.items.end()) fail("reader: a task or item is missing");
      fraction progress = t->progress.value_or(fraction{0, 1});
      std::int64_t count = it->second.count.value_or(-1);
      // The setup made every pair agree before any reader started.
      if (make_fraction(count, 1000) != progress)
        fail("reader saw half a write: progress " + format_fraction(progress) + ", count " +
             std::to_string(count));
    }
    ++loads;
  }
  std::cout << loads << std::endl;
  return 0;
}

int concurrency_test() {
  test_support::temp_folder dir("concurrency");
  const std::string path = dir.file("shared.sqlite");
  workbook wb = workbook::create(path, safety_plan());
  // Start from agreeing pairs, so every snapshot a reader can take must agree.
  {
    std::vector<std::string> tasks = open_tasks(wb.load(), 2);
    std::vector<update> start;
    for (int w = 0; w < 2; ++w) {
      item_input in;
      in.count = 0;
      start.push_back(task_progress{tasks[static_cast<std::size_t>(w)], fraction{0, 1},
                                    std::nullopt, std::nullopt});
      start.push_back(item_assessment{pair_items[w], in});
    }
    wb.apply(start, {"setup", std::nullopt});
  }
  const double seconds = 3.0;
  std::vector<pid_t> pids;
  std::vector<std::string> files;
  auto launch = [&](std::vector<std::string> args, const std::string& out_file) {
    pid_t pid = ::fork();
    if (pid == 0) {
      int fd = ::open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      ::dup2(fd, STDOUT_FILENO);
      std::vector<char*> argv{const_cast<char*>(self.c_str())};
      for (auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      ::execv(self.c_str(), argv.data());
      std::_Exit(127);
    }
    pids.push_back(pid);
    files.push_back(out_file);
  };
  for (int w = 0; w < 2; ++w)
    launch({"pair-writer", path, std::to_string(w), std::to_string(seconds)},
           dir.file("writer" + std::to_string(w) + ".out"));
  for (int r = 0; r < 3; ++r)
    launch({"reader", path, std::to_string(seconds)}, dir.file("reader" + std::to_string(r)));
  for (pid_t pid : pids) expect(wait_for(pid) == 0, "a writer or reader failed");
  auto number_in = [](const std::string& file) {
    std::ifstream in(file);
    long n = -1;
    in >> n;
    return n;
  };
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  expect(db.execAndGet("PRAGMA integrity_check").getString() == "ok", "integrity_check");
  plan final_plan = workbook::open(path).load();
  std::vector<std::string> tasks = open_tasks(final_plan, 2);
  for (int w = 0; w < 2; ++w) {
    long writes = number_in(files[static_cast<std::size_t>(w)]);
    SQLite::Statement count(db, "SELECT count(*) FROM revision WHERE author = ?");
    count.bind(1, "writer-" + std::to_string(w));
    count.executeStep();
    expect(writes > 0 && count.getColumn(0).getInt64() == writes,
           "writer " + std::to_string(w) + " made " + std::to_string(writes) +
               " writes; the file holds " + count.getColumn(0).getString());
    expect(final_plan.assessment.items.at(pair_items[w]).count == writes % 1000,
           "writer " + std::to_string(w) + "'s last write is the state");
    std::cout << "writer " << w << ": " << writes << " transactions, all kept\n";
  }
  for (int r = 0; r < 3; ++r)
    std::cout << "reader " << r << ": " << number_in(files[static_cast<std::size_t>(2 + r)])
              << " consistent loads\n";
  return 0;
}

// ---------------------------------------------------------------------------------------------
// bad input

std::string bytes_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

int bad_input_test() {
  test_support::temp_folder dir("bad");
  const std::string path = dir.file("bad.sqlite");
  workbook wb = workbook::create(path, safety_plan());
  plan p = wb.load();
  std::vector<std::string> tasks = open_tasks(p, 1);
  wb.apply(task_progress{tasks[0], make_fraction(1, 2), std::nullopt, std::nullopt}, {"a", {}});
  const std::string main_before = bytes_of(path), wal_before = bytes_of(path + "-wal");

  item_input wrong_level;
  wrong_level.level = "差";
  item_input wrong_kind;
  wrong_kind.deficiencies = 1;
  item_input ok;
  ok.met = true;
  std::vector<std::vector<update>> bad = {
      {task_progress{tasks[0], fraction{-1, 1}, std::nullopt, std::nullopt}},
      {task_progress{tasks[0], fraction{11, 10}, std::nullopt, std::nullopt}},
      {task_progress{"NO-SUCH-TASK", fraction{1, 2}, std::nullopt, std::nullopt}},
      {task_progress{tasks[0], fraction{1, 1}, std::nullopt, date(2199, 1, 1)}},
      {item_assessment{"1.5", wrong_level}},
      {item_assessment{"1.1", wrong_kind}},
      {item_assessment{"9.9", ok}},
      {veto_flag{"V9", true}},
      {site_check{"S1", "9.9", true}},
      {evidence_update{{"E7", "9.9", "minutes", "", std::nullopt, {}}, false}},
      {evidence_update{{"E-none", "", "", "", std::nullopt, {}}, true}},
      {item_assessment{"1.1", ok}, veto_flag{"V9", true}},  // a good one spoiled by a bad one
  };
  for (std::size_t i = 0; i < bad.size(); ++i) {
    try {
      wb.apply(bad[i], {"bad", std::nullopt});
      fail("bad update " + std::to_string(i) + " was accepted");
    } catch (const error& e) {
      expect(e.code() == errc::validation, "bad update " + std::to_string(i) + ": " + e.what());
      expect(!e.diagnostics().empty() && !e.diagnostics()[0].where.empty(),
             "bad update " + std::to_string(i) + " names its place");
      std::cout << "refused: " << e.diagnostics()[0].where << ": " << e.diagnostics()[0].message
                << "\n";
    }
    expect(bytes_of(path) == main_before && bytes_of(path + "-wal") == wal_before,
           "bad update " + std::to_string(i) + " changed the file");
  }
  std::cout << "bad input: " << bad.size() << " refusals, file unchanged\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  self = "/proc/self/exe";
  char resolved[4096];
  ssize_t n = ::readlink("/proc/self/exe", resolved, sizeof resolved - 1);
  if (n > 0) self.assign(resolved, static_cast<std::size_t>(n));
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::cerr << "usage: workbook_safety crash|concurrency|bad_input\n";
    return 2;
  }
  try {
    const std::string& role = args[0];
    if (role == "crash") return crash_test();
    if (role == "concurrency") return concurrency_test();
    if (role == "bad_input") return bad_input_test();
    if (role == "writer" && args.size() == 4)
      return crash_writer(args[1], args[2], std::stol(args[3]));
    if (role == "pair-writer" && args.size() == 4)
      return pair_writer(args[1], std::stoi(args[2]), std::stod(args[3]));
    if (role == "reader" && args.size() == 3) return reader(args[1], std::stod(args[2]));
  } catch (const std::exception& e) {
    fail(e.what());
  }
  std::cerr << "workbook_safety: unknown role\n";
  return 2;
}
