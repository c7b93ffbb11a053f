// Integer statistics for the Monte Carlo: histograms, nearest-rank percentiles, mid-ranks and
// Spearman's ρ from exact sums. Everything here is order-independent, so merging per-thread
// parts in any order gives the same numbers. Private to the core.
#ifndef READINESS_CORE_SIMULATE_STATS_HPP
#define READINESS_CORE_SIMULATE_STATS_HPP

#include <cstdint>
#include <vector>

#include "readiness/decimal.hpp"

namespace readiness::detail {

// Counts of integer values over a range that grows as values arrive.
class histogram {
 public:
  void add(std::int64_t x);
  void merge(const histogram& other);
  std::uint64_t total() const;
  bool empty() const { return counts_.empty(); }
  std::int64_t lowest() const { return base_; }
  std::int64_t highest() const { return base_ + static_cast<std::int64_t>(counts_.size()) - 1; }
  std::uint64_t count(std::int64_t x) const;
  // The smallest value with at least `rank` values at or below it (rank 1 … total()).
  std::int64_t at_rank(std::uint64_t rank) const;
  // Twice the mid-rank of every value (index x − lowest()): 2·(values below) + (equal) + 1.
  std::vector<std::int64_t> twice_mid_ranks() const;

 private:
  std::int64_t base_ = 0;
  std::vector<std::uint64_t> counts_;
};

// ⌈q·n⌉ for q = percent/100, at least 1.
std::uint64_t nearest_rank(std::uint64_t n, unsigned percent);

// Spearman's ρ from the sums of twice-mid-ranks x and y over n pairs: Σx, Σy, Σx², Σy², Σxy.
struct rank_sums {
  wide_int x = 0, y = 0, xx = 0, yy = 0, xy = 0;
};
double spearman(std::uint64_t n, const rank_sums& s);

}  // namespace readiness::detail

#endif
