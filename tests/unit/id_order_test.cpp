#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "readiness/id_order.hpp"

using namespace readiness;

namespace {

// An independent statement of the order: split each id into tokens (a run of digits is one
// token, worth its value; any other byte is a token of its own), compare the token lists, and
// break a tie by the plain bytes.
struct token {
  bool number;
  std::string text;   // as written
  std::string value;  // a number's digits without leading zeros
};

std::vector<token> tokens(const std::string& id) {
  std::vector<token> out;
  for (std::size_t i = 0; i < id.size();) {
    if (id[i] < '0' || id[i] > '9') {
      out.push_back({false, id.substr(i, 1), ""});
      ++i;
      continue;
    }
    std::size_t end = id.find_first_not_of("0123456789", i);
    if (end == std::string::npos) end = id.size();
    std::string digits = id.substr(i, end - i);
    std::string value = digits.substr(std::min(digits.find_first_not_of('0'), digits.size()));
    out.push_back({true, digits, value});
    i = end;
  }
  return out;
}

int oracle(const std::string& a, const std::string& b) {
  auto x = tokens(a), y = tokens(b);
  for (std::size_t k = 0; k < x.size() && k < y.size(); ++k) {
    if (x[k].number && y[k].number) {
      const std::string &u = x[k].value, &v = y[k].value;
      if (u.size() != v.size()) return u.size() < v.size() ? -1 : 1;
      if (u != v) return u < v ? -1 : 1;
      continue;
    }
    // A byte against a number compares with the number's first byte as written.
    auto cx = static_cast<unsigned char>(x[k].text[0]),
         cy = static_cast<unsigned char>(y[k].text[0]);
    if (cx != cy) return cx < cy ? -1 : 1;
  }
  if (x.size() != y.size()) return x.size() < y.size() ? -1 : 1;
  return a < b ? -1 : (a == b ? 0 : 1);
}

}  // namespace

TEST_CASE("ids sort in natural order", "[id_order]") {
  CHECK(id_less{}("1.2", "1.10"));
  CHECK(id_less{}("T9", "T10"));
  CHECK_FALSE(id_less{}("T10", "T9"));
  CHECK(id_less{}("a", "b"));
  CHECK(compare_ids("T01", "T1") != 0);  // total order: different ids never tie
}

TEST_CASE("ids that share a prefix compare by the run of digits they part in", "[id_order]") {
  CHECK(compare_ids("T12x", "T123") < 0);   // parts inside the run 12 / 123
  CHECK(compare_ids("T129", "T13") > 0);    // 129 > 13 although '2' < '3'
  CHECK(compare_ids("T1.9", "T1.10") < 0);  // parts after the shared "T1."
  CHECK(compare_ids("T007", "T0071") < 0);  // one is a prefix of the other
  CHECK(compare_ids("T0010", "T09") > 0);   // zeros shared, then 10 > 9
  CHECK(compare_ids("T12-5", "T12-5") == 0);
}

TEST_CASE("natural order agrees with a token-by-token comparison on random ids", "[id_order]") {
  std::mt19937 rng(7);
  const std::string alphabet = "T0019.-a";
  auto random_id = [&] {
    std::string s(rng() % 9, ' ');
    for (char& c : s) c = alphabet[rng() % alphabet.size()];
    return s;
  };
  for (int k = 0; k < 200000; ++k) {
    std::string a = random_id(), b = k % 2 ? random_id() : a.substr(0, rng() % (a.size() + 1));
    if (k % 3 == 0) b += random_id();  // a shared prefix, then anything
    int want = oracle(a, b);
    INFO(a << " vs " << b);
    REQUIRE(compare_ids(a, b) == want);
    REQUIRE(compare_ids(b, a) == -want);
  }
}
