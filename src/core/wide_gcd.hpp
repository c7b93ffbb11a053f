// The greatest common divisor of two 128-bit integers, shared by the exact arithmetic of scores.
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

}  // namespace readiness::detail

#endif
