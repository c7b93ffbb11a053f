// Hashing and comparing task ids for the task graph's lookup table. Private to the core.
//
// The hash is keyed by a secret drawn once per process: without one, ids could be made to share
// a hash and a plan of them would take hours to build; with it, which ids collide cannot be known
// in advance. Values never leave the process.
#ifndef READINESS_CORE_ID_HASH_HPP
#define READINESS_CORE_ID_HASH_HPP

#include <cstdint>
#include <cstring>
#include <string_view>

namespace readiness::detail {

struct hash_key {
  std::uint64_t a, b;
};

// The process's secret (drawn on first use; the same for the process's life).
const hash_key& process_hash_key();

inline std::uint64_t load8(const char* p) {
  std::uint64_t x;
  std::memcpy(&x, p, 8);
  return x;
}
inline std::uint64_t load4(const char* p) {
  std::uint32_t x;
  std::memcpy(&x, p, 4);
  return x;
}

// 64 × 64 → 128-bit product, folded: the mixing step of wyhash.
inline std::uint64_t folded_product(std::uint64_t a, std::uint64_t b) {
  __extension__ using u128 = unsigned __int128;
  u128 r = static_cast<u128>(a) * b;
  return static_cast<std::uint64_t>(r) ^ static_cast<std::uint64_t>(r >> 64);
}

// wyhash's shape: an id of up to 16 bytes is read as two words (overlapping when shorter) and
// mixed by one multiplication with the key; a longer one takes one more per 16 bytes. Where a
// byte-at-a-time hash spends a multiplication per character, and Boost's string hash two per
// 4 bytes, this is a few cycles for a typical id. `key` is process_hash_key(), fetched once by
// the caller of a loop.
inline std::uint64_t hash_id(std::string_view id, const hash_key& key) {
  const char* p = id.data();
  const std::size_t n = id.size();
  std::uint64_t seed = key.a, a = 0, b = 0;
  if (n <= 16) {
    if (n >= 4) {
      const std::size_t middle = (n >> 3) << 2;  // 0 below 8 bytes, 4 from 8
      a = load4(p) << 32 | load4(p + middle);
      b = load4(p + n - 4) << 32 | load4(p + n - 4 - middle);
    } else if (n > 0) {
      a = std::uint64_t{static_cast<unsigned char>(p[0])} << 16 |
          std::uint64_t{static_cast<unsigned char>(p[n >> 1])} << 8 |
          static_cast<unsigned char>(p[n - 1]);
    }
  } else {
    std::size_t left = n;
    for (; left > 16; left -= 16, p += 16)
      seed = folded_product(load8(p) ^ key.b, load8(p + 8) ^ seed);
    a = load8(p + left - 16);
    b = load8(p + left - 8);
  }
  // The length enters through the key (n × key.a), so ids of different lengths cannot be made
  // to cancel it out; the product runs alongside the loads.
  return folded_product(a ^ key.b ^ n * key.a, b ^ seed);
}

// Whether n bytes at a and at b are the same: a word or two for a typical id, no call.
inline bool same_bytes(const char* a, const char* b, std::size_t n) {
  if (n > 16) return std::memcmp(a, b, n) == 0;
  if (n >= 8) return ((load8(a) ^ load8(b)) | (load8(a + n - 8) ^ load8(b + n - 8))) == 0;
  if (n >= 4) return ((load4(a) ^ load4(b)) | (load4(a + n - 4) ^ load4(b + n - 4))) == 0;
  for (std::size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

}  // namespace readiness::detail

#endif
