// Exact numbers: points in hundredths (centi) and non-negative-denominator rationals (fraction).
// Scores never touch floating point, so the same input gives the same digits everywhere.
#ifndef READINESS_DECIMAL_HPP
#define READINESS_DECIMAL_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace readiness {

// Wide intermediate products (points × numerators) never overflow.
__extension__ typedef __int128 wide_int;

// Points in hundredths: 12.25 points is 1225.
using centi = std::int64_t;

// An exact rational number with den > 0, kept in lowest terms.
struct fraction {
  std::int64_t num = 0;
  std::int64_t den = 1;
};

fraction make_fraction(std::int64_t num, std::int64_t den);
bool operator==(fraction a, fraction b);
bool operator!=(fraction a, fraction b);
bool operator<(fraction a, fraction b);
bool operator<=(fraction a, fraction b);
bool operator>(fraction a, fraction b);
bool operator>=(fraction a, fraction b);

// Parses plain decimal text ("0.875", "-2", "1e-2"). nullopt when it is not a number or does not
// fit exactly in 64-bit numerator and denominator.
std::optional<fraction> parse_fraction(std::string_view text);

// The exact decimal a JSON reader's double stands for: its shortest round-trip text (0.87 →
// 87/100).
std::optional<fraction> fraction_from_double(double value);

// The value in hundredths when it has at most two fractional digits; nullopt otherwise.
std::optional<centi> centi_from_fraction(fraction value);

// round(num / den) to the nearest integer, halves away from zero. den must be non-zero.
std::int64_t round_half_away(wide_int num, wide_int den);

// points × value, rounded half away from zero to a hundredth.
centi scale_centi(centi points, fraction value);

// Shortest decimal text: 1225 → "12.25", 1250 → "12.5", 1200 → "12", -50 → "-0.5".
std::string format_centi(centi value);
// Always two decimals: 1250 → "12.50".
std::string format_centi_fixed(centi value);
// Shortest decimal text of a fraction; exact when its denominator divides a power of ten,
// otherwise the shortest text of the nearest double.
std::string format_fraction(fraction value);
double to_double(fraction value);
inline double centi_to_double(centi value) {
  return static_cast<double>(value) / 100.0;
}

}  // namespace readiness

#endif
