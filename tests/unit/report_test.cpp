#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "readiness/calendar_io.hpp"
#include "readiness/forecast.hpp"
#include "readiness/plan_io.hpp"
#include "readiness/schedule.hpp"
#include "readiness/task_graph.hpp"
#include "report/html_report.hpp"

using namespace readiness;

namespace {

std::string example_report() {
  plan p =
      io::read_plan_file(std::string(READINESS_SOURCE_DIR) + "/data/examples/district-2026.json");
  plan_calendars calendars = io::load_plan_calendars(p);
  task_graph graph(p);
  schedule s = compute_schedule(p, graph, calendars);
  compiled_rubric rubric = compile_rubric(p.rubric, p.sites);
  readiness_forecast f = forecast(p, graph, calendars, s, rubric);
  return report::render_html_report(p, s, f, calendars.plan);
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

std::string run(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe);
  char buffer[4096];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  pclose(pipe);
  return out;
}

}  // namespace

TEST_CASE("report: html escaping", "[report]") {
  CHECK(report::html_escape("<a href=\"x\">&'") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
}

TEST_CASE("report: one self-contained page with the charts", "[report]") {
  std::string html = example_report();
  CHECK(html.find("<meta charset=\"utf-8\">") != std::string::npos);
  CHECK(html.find("Noto Sans CJK SC") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("http://") == std::string::npos);
  CHECK(html.find("https://") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(count(html, "<svg") == 3);
  CHECK(count(html, "</svg>") == 3);
  CHECK(html.find("class=\"readiness\"") != std::string::npos);
  CHECK(html.find("class=\"target\"") != std::string::npos);
  CHECK(count(html, "class=\"off\"") > 10);  // weekends and the National Day holiday
  CHECK(count(html, "class=\"deadline\"") > 5);
  CHECK(html.find("class=\"summary\"") != std::string::npos);
  CHECK(html.find("迎检日预计得分") != std::string::npos);
  CHECK(html.find("云溪区") != std::string::npos);
  CHECK(html == example_report());  // deterministic
}

TEST_CASE("report: headless Chromium loads the page and shows the chart", "[report][chromium]") {
  const char* browser = nullptr;
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"})
    if (std::system((std::string("command -v ") + name + " >/dev/null 2>&1").c_str()) == 0) {
      browser = name;
      break;
    }
  if (!browser) {
    WARN("chromium is not installed; skipping the browser check");
    return;
  }
  auto dir =
      std::filesystem::temp_directory_path() / ("readiness-report-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "profile");
  auto page = dir / "report.html";
  std::ofstream(page) << example_report();
  std::string common = std::string(browser) +
                       " --headless --no-sandbox --disable-gpu --disable-background-networking "
                       "--disable-component-update --disable-sync --no-first-run "
                       "--user-data-dir=" +
                       (dir / "profile").string() + " --window-size=1400,2000 ";
  std::string dom = run(common + "--dump-dom file://" + page.string() + " 2>/dev/null");
  CHECK(dom.find("<svg class=\"gantt\"") != std::string::npos);
  CHECK(dom.find("<svg class=\"curve\"") != std::string::npos);
  CHECK(dom.find("<polyline class=\"readiness\"") != std::string::npos);
  CHECK(count(dom, "<rect class=\"bar") > 10);
  CHECK(dom.find("迎检日预计得分") != std::string::npos);
  auto shot = dir / "report.png";
  run(common + "--screenshot=" + shot.string() + " file://" + page.string() + " 2>/dev/null");
  CHECK(std::filesystem::exists(shot));
  if (std::filesystem::exists(shot)) CHECK(std::filesystem::file_size(shot) > 10000);
  std::filesystem::remove_all(dir);
}
