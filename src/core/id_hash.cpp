#include "core/id_hash.hpp"

#include <chrono>
#include <random>

namespace readiness::detail {

const hash_key& process_hash_key() {
  static const hash_key key = [] {
    hash_key k{0x2d358dccaa6c78a5ull, 0x8bb84b93962eacc9ull};
    try {
      std::random_device device;
      k.a ^= static_cast<std::uint64_t>(device()) << 32 | device();
      k.b ^= static_cast<std::uint64_t>(device()) << 32 | device();
    } catch (...) {  // no entropy source: the clock and an address are still not predictable
      auto now =
          static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
      k.a ^= folded_product(now, k.b);
      k.b ^= folded_product(reinterpret_cast<std::uintptr_t>(&k), k.a);
    }
    k.a |= 1, k.b |= 1;
    return k;
  }();
  return key;
}

}  // namespace readiness::detail
