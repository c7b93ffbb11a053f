#include "readiness/decimal.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <numeric>

#include "core/wide_gcd.hpp"

namespace readiness {
namespace {

using i128 = wide_int;

bool fits(i128 v) {
  return v >= std::numeric_limits<std::int64_t>::min() &&
         v <= std::numeric_limits<std::int64_t>::max();
}

std::optional<fraction> reduce(i128 num, i128 den) {
  if (den == 0) return std::nullopt;
  if (den < 0) num = -num, den = -den;
  i128 a = detail::wide_gcd(num, den);
  if (a > 1) detail::divide_both(num, den, a);
  if (!fits(num) || !fits(den)) return std::nullopt;
  return fraction{static_cast<std::int64_t>(num), static_cast<std::int64_t>(den)};
}

int compare(fraction a, fraction b) {
  i128 l = static_cast<i128>(a.num) * b.den, r = static_cast<i128>(b.num) * a.den;
  return l < r ? -1 : (l > r ? 1 : 0);
}

}  // namespace

fraction make_fraction(std::int64_t num, std::int64_t den) {
  auto f = reduce(num, den);
  return f ? *f : fraction{0, 1};
}

bool operator==(fraction a, fraction b) {
  return compare(a, b) == 0;
}
bool operator!=(fraction a, fraction b) {
  return compare(a, b) != 0;
}
bool operator<(fraction a, fraction b) {
  return compare(a, b) < 0;
}
bool operator<=(fraction a, fraction b) {
  return compare(a, b) <= 0;
}
bool operator>(fraction a, fraction b) {
  return compare(a, b) > 0;
}
bool operator>=(fraction a, fraction b) {
  return compare(a, b) >= 0;
}

std::optional<fraction> parse_fraction(std::string_view text) {
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  i128 mantissa = 0;
  int scale = 0, digits = 0;
  bool dot = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c == '.' && !dot) {
      dot = true;
      continue;
    }
    if (c < '0' || c > '9') break;
    if (++digits > 30) return std::nullopt;
    mantissa = mantissa * 10 + (c - '0');
    if (dot) ++scale;
  }
  if (digits == 0) return std::nullopt;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    int exponent = 0;
    auto res = std::from_chars(text.data() + i + 1 + (text[i + 1] == '+'),
                               text.data() + text.size(), exponent);
    if (res.ec != std::errc() || res.ptr != text.data() + text.size()) return std::nullopt;
    scale -= exponent;
  } else if (i != text.size()) {
    return std::nullopt;
  }
  if (scale > 30 || scale < -30) return std::nullopt;
  i128 den = 1;
  for (; scale > 0; --scale) den *= 10;
  for (; scale < 0; ++scale) {
    mantissa *= 10;
    if (mantissa > (static_cast<i128>(1) << 100)) return std::nullopt;
  }
  return reduce(negative ? -mantissa : mantissa, den);
}

std::optional<fraction> fraction_from_double(double value) {
  if (!std::isfinite(value)) return std::nullopt;
  // The common case without text: the fewest decimals k with m / 10^k == value for an integer
  // |m| < 10^15. Decimals of at most 15 significant digits map to distinct doubles, so that m is
  // the only one with k decimals, and it is the shortest text's value (to_chars below).
  double scale = 1;
  for (int k = 0; k <= 8; ++k, scale *= 10) {
    double m = std::nearbyint(value * scale);
    if (!(std::fabs(m) < 1e15)) break;
    if (m / scale == value)
      return make_fraction(static_cast<std::int64_t>(m), static_cast<std::int64_t>(scale));
  }
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, value);
  if (res.ec != std::errc()) return std::nullopt;
  return parse_fraction(std::string_view(buf, static_cast<std::size_t>(res.ptr - buf)));
}

std::optional<centi> centi_from_fraction(fraction value) {
  i128 scaled = static_cast<i128>(value.num) * 100;
  if (scaled % value.den != 0) return std::nullopt;
  i128 v = scaled / value.den;
  if (!fits(v)) return std::nullopt;
  return static_cast<centi>(v);
}

std::int64_t round_half_away(i128 num, i128 den) {
  if (den < 0) num = -num, den = -den;
  bool negative = num < 0;
  i128 a = negative ? -num : num;
  i128 q = (2 * a + den) / (2 * den);
  return static_cast<std::int64_t>(negative ? -q : q);
}

centi scale_centi(centi points, fraction value) {
  return round_half_away(static_cast<i128>(points) * value.num, value.den);
}

std::string format_centi(centi value) {
  std::string s = format_centi_fixed(value);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string format_centi_fixed(centi value) {
  bool negative = value < 0;
  std::uint64_t a = negative ? 0 - static_cast<std::uint64_t>(value) : value;
  std::string s = std::to_string(a / 100);
  unsigned frac = static_cast<unsigned>(a % 100);
  s += '.';
  s += static_cast<char>('0' + frac / 10);
  s += static_cast<char>('0' + frac % 10);
  return negative ? "-" + s : s;
}

std::string format_fraction(fraction value) {
  // Exact when den = 2^a 5^b: scale to a power of ten.
  std::int64_t den = value.den;
  int twos = 0, fives = 0;
  while (den % 2 == 0) den /= 2, ++twos;
  while (den % 5 == 0) den /= 5, ++fives;
  if (den == 1 && twos <= 18 && fives <= 18) {
    int digits = std::max(twos, fives);
    i128 scale = 1;
    for (int i = 0; i < digits; ++i) scale *= 10;
    i128 scaled = static_cast<i128>(value.num) * (scale / value.den);
    bool negative = scaled < 0;
    if (negative) scaled = -scaled;
    std::string whole, frac;
    i128 w = scaled / scale, f = scaled % scale;
    do {
      whole.insert(whole.begin(), static_cast<char>('0' + static_cast<int>(w % 10)));
      w /= 10;
    } while (w != 0);
    for (int i = 0; i < digits; ++i) {
      frac.insert(frac.begin(), static_cast<char>('0' + static_cast<int>(f % 10)));
      f /= 10;
    }
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
    std::string s = (negative ? "-" : "") + whole;
    if (!frac.empty()) s += "." + frac;
    return s;
  }
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, to_double(value));
  return std::string(buf, res.ptr);
}

double to_double(fraction value) {
  return static_cast<double>(value.num) / static_cast<double>(value.den);
}

}  // namespace readiness
