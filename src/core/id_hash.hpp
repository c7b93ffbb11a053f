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

// Ids of up to this many bytes hash one to one: two different ids of the same length never
// share a hash, so a lookup that finds an id's hash and length has found the id, without
// comparing bytes.
constexpr std::size_t exact_hash_length = 8;

// An id of up to 8 bytes, packed into a word (zero bytes above it): for a given length, one word
// per id and one id per word.
inline std::uint64_t pack_short_id(const char* p, std::size_t n) {
  if (n >= 4) return load4(p) | (load4(p + n - 4) >> (8 * (8 - n))) << 32;
  if (n == 0) return 0;
  return std::uint64_t{static_cast<unsigned char>(p[0])} |
         std::uint64_t{static_cast<unsigned char>(p[n >> 1])} << 8 |
         std::uint64_t{static_cast<unsigned char>(p[n - 1])} << 16;
}

// A short id's hash: its packed word through steps that each map words one to one (adding a
// key, multiplying by an odd key, folding the high half into the low), so the result is
// injective for each length and the key keeps which ids share low bits unknowable.
inline std::uint64_t hash_short_id(const char* p, std::size_t n, const hash_key& key) {
  std::uint64_t x = (pack_short_id(p, n) ^ key.a) + n * key.b;
  x *= key.b;
  x ^= x >> 32;
  x *= 0xd6e8feb86659fd93ull;
  return x ^ x >> 32;
}

// Up to 8 bytes, hash_short_id. Longer, wyhash's shape: an id of up to 16 bytes is read as two
// words (overlapping when shorter) and mixed by one multiplication with the key; a longer one
// takes one more per 16 bytes. Where a byte-at-a-time hash spends a multiplication per
// character, and Boost's string hash two per 4 bytes, this is a few cycles for a typical id.
// `key` is process_hash_key(), fetched once by the caller of a loop.
inline std::uint64_t hash_id(std::string_view id, const hash_key& key) {
  const char* p = id.data();
  const std::size_t n = id.size();
  if (n <= exact_hash_length) return hash_short_id(p, n, key);
  std::uint64_t seed = key.a, a = 0, b = 0;
  if (n <= 16) {
    const std::size_t middle = (n >> 3) << 2;  // 4 below 16 bytes, 8 at 16
    a = load4(p) << 32 | load4(p + middle);
    b = load4(p + n - 4) << 32 | load4(p + n - 4 - middle);
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
