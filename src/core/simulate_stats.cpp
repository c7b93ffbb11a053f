// Histograms, percentiles and rank correlation for the Monte Carlo, in integers.
#include "core/simulate_stats.hpp"

#include <cmath>

namespace readiness::detail {

void histogram::add(std::int64_t x) {
  if (counts_.empty()) {
    base_ = x;
    counts_.assign(1, 0);
  } else if (x < base_) {
    counts_.insert(counts_.begin(), static_cast<std::size_t>(base_ - x), 0);
    base_ = x;
  } else if (x > highest()) {
    counts_.resize(static_cast<std::size_t>(x - base_ + 1), 0);
  }
  ++counts_[static_cast<std::size_t>(x - base_)];
}

void histogram::merge(const histogram& other) {
  for (std::size_t k = 0; k < other.counts_.size(); ++k) {
    if (other.counts_[k] == 0) continue;
    std::int64_t x = other.base_ + static_cast<std::int64_t>(k);
    add(x);
    counts_[static_cast<std::size_t>(x - base_)] += other.counts_[k] - 1;
  }
}

std::uint64_t histogram::total() const {
  std::uint64_t n = 0;
  for (auto c : counts_) n += c;
  return n;
}

std::uint64_t histogram::count(std::int64_t x) const {
  if (counts_.empty() || x < base_ || x > highest()) return 0;
  return counts_[static_cast<std::size_t>(x - base_)];
}

std::int64_t histogram::at_rank(std::uint64_t rank) const {
  std::uint64_t seen = 0;
  for (std::size_t k = 0; k < counts_.size(); ++k) {
    seen += counts_[k];
    if (seen >= rank) return base_ + static_cast<std::int64_t>(k);
  }
  return highest();
}

std::vector<std::int64_t> histogram::twice_mid_ranks() const {
  std::vector<std::int64_t> out(counts_.size(), 0);
  std::uint64_t below = 0;
  for (std::size_t k = 0; k < counts_.size(); ++k) {
    out[k] = static_cast<std::int64_t>(2 * below + counts_[k] + 1);
    below += counts_[k];
  }
  return out;
}

std::uint64_t nearest_rank(std::uint64_t n, unsigned percent) {
  std::uint64_t r = (n * percent + 99) / 100;
  return r == 0 ? 1 : r;
}

double spearman(std::uint64_t n, const rank_sums& s) {
  wide_int nn = static_cast<wide_int>(n);
  wide_int cov = nn * s.xy - s.x * s.y;
  wide_int vx = nn * s.xx - s.x * s.x;
  wide_int vy = nn * s.yy - s.y * s.y;
  if (vx <= 0 || vy <= 0) return 0;
  long double rho = static_cast<long double>(cov) /
                    std::sqrt(static_cast<long double>(vx) * static_cast<long double>(vy));
  return static_cast<double>(rho);
}

}  // namespace readiness::detail
