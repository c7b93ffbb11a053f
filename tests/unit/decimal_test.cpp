#include <catch2/catch.hpp>

#include <charconv>
#include <cmath>
#include <cstring>
#include <random>

#include "readiness/decimal.hpp"

using namespace readiness;

TEST_CASE("parse_fraction reads decimal text exactly", "[decimal]") {
  CHECK(*parse_fraction("0.875") == make_fraction(7, 8));
  CHECK(*parse_fraction("-2") == make_fraction(-2, 1));
  CHECK(*parse_fraction("1e-2") == make_fraction(1, 100));
  CHECK_FALSE(parse_fraction("abc"));
  CHECK_FALSE(parse_fraction("1.2.3"));
}

TEST_CASE("fraction_from_double recovers the decimal the document wrote", "[decimal]") {
  CHECK(*fraction_from_double(0.87) == make_fraction(87, 100));
  CHECK(*fraction_from_double(0.1) == make_fraction(1, 10));
  CHECK(*centi_from_fraction(*fraction_from_double(12.25)) == 1225);
  CHECK_FALSE(centi_from_fraction(*fraction_from_double(0.125)));
}

TEST_CASE("fraction_from_double equals the value of the shortest text of the double", "[decimal]") {
  // The arithmetic fast path must agree with to_chars' shortest text on every double: decimals
  // of few and of many digits, and raw bit patterns.
  std::mt19937_64 rng(5);
  auto shortest = [](double x) {
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, x);
    return parse_fraction(std::string_view(buf, static_cast<std::size_t>(res.ptr - buf)));
  };
  for (int i = 0; i < 200000; ++i) {
    double x;
    switch (i % 4) {
      case 0:  // a decimal of up to 8 places
        x = static_cast<double>(static_cast<std::int64_t>(rng() % 2000000001) - 1000000000) /
            std::pow(10.0, static_cast<double>(rng() % 9));
        break;
      case 1:  // 15 to 17 significant digits
        x = static_cast<double>(rng() % 100000000000000000ull) / 1e16;
        break;
      case 2: {  // any finite double
        std::uint64_t bits = rng();
        std::memcpy(&x, &bits, sizeof x);
        if (!std::isfinite(x)) x = 0.5;
        break;
      }
      default:  // sums that are not what they look like: 0.1 + 0.2
        x = static_cast<double>(rng() % 1000) / 10 + static_cast<double>(rng() % 1000) / 100;
    }
    INFO(x);
    auto want = shortest(x);
    auto got = fraction_from_double(x);
    REQUIRE(want.has_value() == got.has_value());
    if (want) REQUIRE(*want == *got);
  }
}

TEST_CASE("scale_centi rounds halves away from zero", "[decimal]") {
  CHECK(scale_centi(100, make_fraction(1, 8)) == 13);    // 0.125 → 0.13
  CHECK(scale_centi(-100, make_fraction(1, 8)) == -13);  // −0.125 → −0.13
  CHECK(scale_centi(100, make_fraction(1, 3)) == 33);
  CHECK(scale_centi(200, make_fraction(87, 100)) == 174);
}

TEST_CASE("format_centi prints the shortest exact decimal", "[decimal]") {
  CHECK(format_centi(1225) == "12.25");
  CHECK(format_centi(1250) == "12.5");
  CHECK(format_centi(1200) == "12");
  CHECK(format_centi(-50) == "-0.5");
  CHECK(format_centi(0) == "0");
  CHECK(format_centi_fixed(1250) == "12.50");
  CHECK(format_fraction(make_fraction(87, 100)) == "0.87");
  CHECK(format_fraction(make_fraction(-1, 8)) == "-0.125");
}
