#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/running_ids.hpp"

using readiness::detail::running_ids;

namespace {

// Takes the ids in order; the number taken before the first that does not carry on.
std::size_t take(running_ids& r, const std::vector<std::string>& ids) {
  for (std::size_t i = 0; i < ids.size(); ++i)
    if (!r.extend(ids[i])) return i;
  return ids.size();
}

std::vector<std::string> numbered(const std::string& prefix, int first, int count, int width) {
  std::vector<std::string> ids;
  for (int k = first; k < first + count; ++k) {
    std::string digits = std::to_string(k);
    if (static_cast<int>(digits.size()) < width)
      digits.insert(0, static_cast<std::size_t>(width) - digits.size(), '0');
    ids.push_back(prefix + digits);
  }
  return ids;
}

// What index_of must answer, spelled out: the id is the prefix and a number's digits, padded
// with zeros to the width and no further, and the number is one of those taken.
std::uint32_t expected_index(const std::string& id, const std::string& prefix, std::size_t width,
                             std::uint64_t first, std::uint32_t count) {
  if (id.compare(0, prefix.size(), prefix) != 0 || id.size() <= prefix.size())
    return running_ids::none;
  std::string digits = id.substr(prefix.size());
  if (digits.size() > 18) return running_ids::none;
  std::uint64_t value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return running_ids::none;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  std::string spelled = std::to_string(value);
  if (spelled.size() < width) spelled.insert(0, width - spelled.size(), '0');
  if (spelled != digits || value < first || value - first >= count) return running_ids::none;
  return static_cast<std::uint32_t>(value - first);
}

}  // namespace

TEST_CASE("Zero-padded ids find their task by their number, in one spelling only",
          "[running_ids]") {
  const auto ids = numbered("T", 1, 120, 2);  // T01 … T99, T100 … T120
  running_ids r;
  REQUIRE(take(r, ids) == 120);
  CHECK(r.count() == 120);
  CHECK(r.index_of("T01") == 0);
  CHECK(r.index_of("T07") == 6);
  CHECK(r.index_of("T99") == 98);
  CHECK(r.index_of("T100") == 99);
  CHECK(r.index_of("T120") == 119);
  CHECK(r.index_of("T7") == running_ids::none);    // too short for the width
  CHECK(r.index_of("T007") == running_ids::none);  // padded beyond it
  CHECK(r.index_of("T0100") == running_ids::none);
  CHECK(r.index_of("T00") == running_ids::none);   // before the first
  CHECK(r.index_of("T121") == running_ids::none);  // not taken (yet)
  CHECK(r.index_of("X07") == running_ids::none);   // another prefix
  CHECK(r.index_of("T") == running_ids::none);
  CHECK(r.index_of("") == running_ids::none);
  CHECK(r.index_of("T07 ") == running_ids::none);
}

TEST_CASE("Unpadded ids find their task by their number", "[running_ids]") {
  const auto ids = numbered("Task-", 8, 5, 1);  // Task-8 … Task-12
  running_ids r;
  REQUIRE(take(r, ids) == 5);
  CHECK(r.index_of("Task-8") == 0);
  CHECK(r.index_of("Task-10") == 2);
  CHECK(r.index_of("Task-12") == 4);
  CHECK(r.index_of("Task-08") == running_ids::none);
  CHECK(r.index_of("Task-010") == running_ids::none);
  CHECK(r.index_of("Task-7") == running_ids::none);
  CHECK(r.index_of("task-10") == running_ids::none);
}

TEST_CASE("Ids of digits only run as numbers too", "[running_ids]") {
  const auto ids = numbered("", 0, 12, 1);
  running_ids r;
  REQUIRE(take(r, ids) == 12);
  CHECK(r.index_of("0") == 0);
  CHECK(r.index_of("11") == 11);
  CHECK(r.index_of("011") == running_ids::none);
  CHECK(r.index_of("a1") == running_ids::none);
}

TEST_CASE("The numbering ends at a gap, another prefix or another spelling", "[running_ids]") {
  auto ids = numbered("T", 1, 6, 2);
  SECTION("a gap") {
    ids[3] = "T05";
  }
  SECTION("another prefix") {
    ids[3] = "X04";
  }
  SECTION("padded beyond the width") {
    ids[3] = "T004";
  }
  SECTION("a letter after the number") {
    ids[3] = "T04a";
  }
  SECTION("the same id again") {
    ids[3] = "T03";
  }
  running_ids r;
  CHECK(take(r, ids) == 3);
  CHECK(r.count() == 3);
  CHECK(r.index_of("T03") == 2);
  CHECK(r.index_of("T04") == running_ids::none);
}

TEST_CASE("An id without a number, or with more than 18 digits, starts no numbering",
          "[running_ids]") {
  for (const char* id : {"", "T", "T1a", "1.2.", "T1234567890123456789"}) {
    running_ids r;
    CHECK_FALSE(r.extend(id));
    CHECK(r.count() == 0);
    CHECK(r.index_of(id) == running_ids::none);
  }
  running_ids r;
  CHECK(r.extend("T123456789012345678"));  // 18 digits
  CHECK(r.extend("T123456789012345679"));
  CHECK(r.index_of("T123456789012345679") == 1);
}

TEST_CASE("Any id gets the index its spelling says, at every width", "[running_ids]") {
  // Random ids near the numbers taken, of every length (four to eight digits are read as one
  // word), with bytes next to the digits ('/' and ':') and letters: index_of against the rule
  // spelled out.
  std::mt19937 rng(7);
  const std::string alphabet = "0123456789012345678901234567890123456789/:aT";
  std::size_t found = 0;
  for (int width : {1, 3, 4, 6, 8, 9, 12}) {
    for (std::uint64_t first : {0ull, 7ull, 990ull, 9999990ull, 99999990ull}) {
      auto ids = numbered("T", static_cast<int>(first), 20, width);
      running_ids r;
      REQUIRE(take(r, ids) == ids.size());
      // The first id sets the width when it begins with a zero; else no padding is seen.
      const std::size_t w = ids[0][1] == '0' ? ids[0].size() - 1 : 1;
      for (int k = 0; k < 3000; ++k) {
        std::string id = ids[rng() % ids.size()];
        switch (rng() % 4) {
          case 0:
            break;  // as it is
          case 1:   // one byte changed
            id[1 + rng() % (id.size() - 1)] = alphabet[rng() % alphabet.size()];
            break;
          case 2:  // a random tail of 1 … 19 bytes
            id = "T";
            for (std::size_t n = 1 + rng() % 19; n > 0; --n)
              id += alphabet[rng() % alphabet.size()];
            break;
          default:  // a zero in front, or one taken away
            id = id.size() > 2 && id[1] == '0' ? "T" + id.substr(2) : "T0" + id.substr(1);
        }
        std::uint32_t want = expected_index(id, "T", w, first, 20);
        CHECK(r.index_of(id) == want);
        found += want != running_ids::none;
      }
    }
  }
  CHECK(found > 10000);  // both answers are exercised
}
