// The greatest common divisor of two 128-bit integers, and dividing by it, shared by the exact
// arithmetic of scores.
#ifndef READINESS_CORE_WIDE_GCD_HPP
#define READINESS_CORE_WIDE_GCD_HPP

#include <cstdint>
#include <limits>
#include <numeric>

#include "readiness/decimal.hpp"

namespace readiness::detail {

// gcd(|a|, |b|). Euclid's steps in 128 bits (a library call each) only while a value needs more
// than 64 bits; scores almost never do, and then it is one 64-bit gcd.
inline wide_int wide_gcd(wide_int a, wide_int b) {
  if (a < 0) a = -a;
  if (b < 0) b = -b;
  constexpr wide_int narrow = std::numeric_limits<std::uint64_t>::max();
  while (b != 0) {
    if (a <= narrow && b <= narrow)
      return std::gcd(static_cast<std::uint64_t>(a), static_cast<std::uint64_t>(b));
    wide_int t = a % b;
    a = b;
    b = t;
  }
  return a;
}

// num / g and den / g for a g > 0 dividing both, in 64-bit steps when they fit (a 128-bit
// division is a library call).
inline void divide_both(wide_int& num, wide_int& den, wide_int g) {
  constexpr wide_int lo = std::numeric_limits<std::int64_t>::min();
  constexpr wide_int hi = std::numeric_limits<std::int64_t>::max();
  if (num >= lo && num <= hi && den >= lo && den <= hi && g <= hi) {
    auto d = static_cast<std::int64_t>(g);
    num = static_cast<std::int64_t>(num) / d;
    den = static_cast<std::int64_t>(den) / d;
    return;
  }
  num /= g;
  den /= g;
}

}  // namespace readiness::detail

#endif
