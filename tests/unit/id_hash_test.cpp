#include <catch2/catch.hpp>

#include <cstring>
#include <memory>
#include <set>
#include <string>

#include "core/id_hash.hpp"

using namespace readiness::detail;

namespace {

// A 16-byte id whose first word, as the hash reads it (bytes 0–3 then 8–11), is `word`, and
// whose other eight bytes spell `n`.
std::string id_with_first_word(std::uint64_t word, std::uint64_t n) {
  std::string id(16, '\0');
  auto hi = static_cast<std::uint32_t>(word >> 32), lo = static_cast<std::uint32_t>(word);
  auto n_hi = static_cast<std::uint32_t>(n >> 32), n_lo = static_cast<std::uint32_t>(n);
  std::memcpy(&id[0], &hi, 4);
  std::memcpy(&id[8], &lo, 4);
  std::memcpy(&id[4], &n_hi, 4);
  std::memcpy(&id[12], &n_lo, 4);
  return id;
}

}  // namespace

TEST_CASE("An id hashes the same each time, and every byte of it counts", "[id_hash]") {
  // Ids in buffers of exactly their size (a read past the end shows under ASan); for each length
  // 0 … 40 and each byte, changing that byte changes the hash.
  const hash_key& key = process_hash_key();
  CHECK(&key == &process_hash_key());
  std::size_t ignored = 0, unstable = 0;
  for (std::size_t n = 0; n <= 40; ++n) {
    std::unique_ptr<char[]> id(new char[n ? n : 1]);
    for (std::size_t k = 0; k < n; ++k) id[k] = static_cast<char>('a' + (k * 7 + n) % 26);
    std::uint64_t h = hash_id(std::string_view(id.get(), n), key);
    unstable += h != hash_id(std::string(id.get(), n), key);
    for (std::size_t k = 0; k < n; ++k) {
      char was = id[k];
      id[k] = static_cast<char>(was ^ 0x40);
      ignored += hash_id(std::string_view(id.get(), n), key) == h;
      id[k] = was;
    }
  }
  CHECK(unstable == 0);
  CHECK(ignored == 0);
}

TEST_CASE("Ids of up to 8 bytes hash one to one", "[id_hash]") {
  // The task graph takes a short id's hash and length for the id itself, so two different ids of
  // one length must never share a hash: checked for every id of 0, 1 and 2 bytes, and for ids
  // of 3 to 8 bytes that differ in one bit anywhere or only in their last two bytes.
  const hash_key& key = process_hash_key();
  std::set<std::uint64_t> seen;
  std::size_t ids = 0;
  auto add = [&](const std::string& id) {
    ++ids;
    seen.insert(hash_id(id, key) ^ id.size() * 0x9e3779b97f4a7c15ull);  // one set for all lengths
  };
  add("");
  for (int a = 0; a < 256; ++a) {
    add(std::string(1, static_cast<char>(a)));
    for (int b = 0; b < 256; ++b) add({static_cast<char>(a), static_cast<char>(b)});
  }
  CHECK(seen.size() == ids);
  for (std::size_t n = 3; n <= exact_hash_length; ++n) {
    std::set<std::string> made;
    const std::string base = std::string("T20260930").substr(0, n);
    for (std::size_t bit = 0; bit < 8 * n; ++bit) {
      std::string id = base;
      id[bit / 8] = static_cast<char>(id[bit / 8] ^ (1 << bit % 8));
      made.insert(id);
    }
    for (int a = 0; a < 256; ++a)
      for (int b = 0; b < 256; ++b) {
        std::string id = base;
        id[n - 2] = static_cast<char>(a), id[n - 1] = static_cast<char>(b);
        made.insert(id);
      }
    std::set<std::uint64_t> hashes;
    for (const auto& id : made) hashes.insert(hash_id(id, key));
    CHECK(hashes.size() == made.size());
  }
}

TEST_CASE("Ids of different lengths cannot be made to cancel the length out", "[id_hash]") {
  // Found in review: with the length mixed in as plain data, "a```````" (8 bytes) and
  // "a````````" (9 bytes) shared a hash under every key.
  const hash_key& key = process_hash_key();
  CHECK(hash_id("a```````", key) != hash_id("a````````", key));
  std::string z17 = "Z" + std::string(9, 'c') + std::string(7, static_cast<char>('c' ^ 3));
  CHECK(hash_id(z17, key) != hash_id(z17 + static_cast<char>('c' ^ 3), key));
}

TEST_CASE("Ids made to collide under the fallback key do not under the process's", "[id_hash]") {
  // Someone who knew the key could make every id's first word cancel it: the product is then
  // 0, whatever the rest. The process's key is drawn at random; it is not the constants it
  // falls back to without an entropy source, so such ids spread.
  const hash_key guessed{0x2d358dccaa6c78a5ull | 1, 0x8bb84b93962eacc9ull | 1};
  std::set<std::uint64_t> under_guess, under_process;
  for (std::uint64_t n = 0; n < 2000; ++n) {
    std::string id = id_with_first_word(guessed.b ^ 16 * guessed.a, n * 0x9e3779b97f4a7c15ull);
    under_guess.insert(hash_id(id, guessed));
    under_process.insert(hash_id(id, process_hash_key()));
  }
  CHECK(under_guess.size() == 1);  // the attack works when the key is known
  CHECK(under_process.size() == 2000);
}

TEST_CASE("same_bytes compares every byte of every length", "[id_hash]") {
  std::size_t wrong = 0;
  for (std::size_t n = 0; n <= 40; ++n) {
    std::string a(n, 'q'), b = a;
    wrong += !same_bytes(a.data(), b.data(), n);
    for (std::size_t k = 0; k < n; ++k) {
      b = a;
      b[k] = 'r';
      wrong += same_bytes(a.data(), b.data(), n);
    }
  }
  CHECK(wrong == 0);
}
