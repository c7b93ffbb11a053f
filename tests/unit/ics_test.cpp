#include <catch2/catch.hpp>

#include <map>
#include <vector>

#include "io/ics.hpp"
#include "io/text_place.hpp"
#include "unit/office_fixture.hpp"

using namespace readiness;

namespace {

std::vector<std::string> physical_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t from = 0;
  while (from < text.size()) {
    auto end = text.find("\r\n", from);
    REQUIRE(end != std::string::npos);  // every line ends in CRLF
    lines.push_back(text.substr(from, end - from));
    from = end + 2;
  }
  return lines;
}

std::vector<std::string> unfold(const std::vector<std::string>& physical) {
  std::vector<std::string> logical;
  for (const auto& l : physical) {
    if (!l.empty() && l[0] == ' ')
      logical.back() += l.substr(1);
    else
      logical.push_back(l);
  }
  return logical;
}

}  // namespace

TEST_CASE("ics: folding keeps lines within 75 octets and UTF-8 sequences whole", "[ics]") {
  std::string line = "SUMMARY:" + std::string(30, 'a');
  for (int i = 0; i < 40; ++i) line += "军";
  std::string folded = io::ics_fold(line);
  auto lines = physical_lines(folded);
  CHECK(lines.size() > 1);
  for (const auto& l : lines) {
    CHECK(l.size() <= 75);
    CHECK(io::detail::invalid_utf8_offset(l) == std::string_view::npos);
  }
  CHECK(unfold(lines)[0] == line);
}

TEST_CASE("ics: text values escape backslash, semicolon, comma and newlines", "[ics]") {
  CHECK(io::ics_escape("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf");
}

TEST_CASE("ics: the calendar is structurally valid RFC 5545", "[ics]") {
  auto p = office_test::small_plan();
  std::string text = io::write_ics(p, 1785369600);  // 2026-07-30T00:00:00Z
  auto physical = physical_lines(text);
  for (const auto& l : physical) {
    CHECK(l.size() <= 75);
    CHECK(io::detail::invalid_utf8_offset(l) == std::string_view::npos);
  }
  auto lines = unfold(physical);
  CHECK(lines.front() == "BEGIN:VCALENDAR");
  CHECK(lines.back() == "END:VCALENDAR");
  std::vector<std::string> stack;
  std::map<std::string, int> uids;
  int events = 0;
  std::map<std::string, bool> seen;
  for (const auto& l : lines) {
    auto colon = l.find(':');
    REQUIRE(colon != std::string::npos);
    std::string name = l.substr(0, colon), value = l.substr(colon + 1);
    if (name == "BEGIN") {
      stack.push_back(value);
      if (value == "VEVENT") {
        ++events;
        seen.clear();
      }
    } else if (name == "END") {
      REQUIRE(!stack.empty());
      CHECK(stack.back() == value);
      if (value == "VEVENT") {
        CHECK(seen["UID"]);
        CHECK(seen["DTSTAMP"]);
        CHECK(seen["DTSTART;VALUE=DATE"]);
        CHECK(seen["DTEND;VALUE=DATE"]);
        CHECK(seen["SUMMARY"]);
      }
      stack.pop_back();
    } else {
      seen[name] = true;
      if (name == "UID") ++uids[value];
      if (name == "DTSTAMP") CHECK(value == "20260730T000000Z");
    }
  }
  CHECK(stack.empty());
  CHECK(events == 4);  // inspection, ready_by, two task deadlines
  for (const auto& [uid, count] : uids) CHECK(count == 1);
  CHECK(text.find("DTSTART;VALUE=DATE:20261012\r\nDTEND;VALUE=DATE:20261017") != std::string::npos);
  CHECK(text.find("X-WR-CALNAME:云溪区迎检计划\\, 2026\\; 测试\\\\版") != std::string::npos);
  CHECK(text.find("VERSION:2.0") != std::string::npos);
  CHECK(text.find("PRODID:") != std::string::npos);
}

TEST_CASE("ics: the same plan gives the same bytes", "[ics]") {
  auto p = office_test::small_plan();
  CHECK(io::write_ics(p, 0) == io::write_ics(p, 0));
}
