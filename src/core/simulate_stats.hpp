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
  // Adds `n` more of value x.
  void add_many(std::int64_t x, std::uint64_t n);

 private:
  std::int64_t base_ = 0;
  std::vector<std::uint64_t> counts_;
};

// One histogram per task in one flat block: a fixed window of bins per task (contiguous, so a
// pass over the tasks walks memory in order), and a spill-over histogram for the rare values
// outside the window.
class window_histograms {
 public:
  static constexpr std::int64_t width = 64;

  // `bases[t]` is the first value of task t's window.
  explicit window_histograms(std::vector<std::int64_t> bases);

  static constexpr std::uint8_t skip = 0xff;

  void add(std::size_t t, std::int64_t x) {
    std::int64_t k = x - bases_[t];
    if (k >= 0 && k < width)
      ++bins_[t * static_cast<std::size_t>(width) + static_cast<std::size_t>(k)];
    else
      spill(t, x);
  }
  // The bin of x for task t, or `skip` after adding a value outside the window directly. Lets a
  // caller buffer many iterations' bins and add them task by task (add_block), which keeps the
  // bins of one task in cache instead of touching every task's bins once per iteration.
  std::uint8_t bin_or_add(std::size_t t, std::int64_t x) {
    std::int64_t k = x - bases_[t];
    if (k >= 0 && k < width) return static_cast<std::uint8_t>(k);
    spill(t, x);
    return skip;
  }
  // Adds rows × tasks buffered bins: bin of task t in row r at block[r * tasks + t].
  void add_block(const std::vector<std::uint8_t>& block, std::size_t rows);
  void merge(const window_histograms& other);
  histogram of(std::size_t t) const;

 private:
  void spill(std::size_t t, std::int64_t x);

  std::vector<std::int64_t> bases_;
  std::vector<std::uint32_t> bins_;
  std::vector<histogram> outside_;
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
