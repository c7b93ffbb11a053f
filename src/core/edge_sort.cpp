// A least-significant-digit radix sort on the source, in as few passes of at most `digit_bits`
// bits as the node count needs (one pass up to 2^10 nodes, two up to 2^20, three beyond). Each
// pass writes every edge once, to one of at most 2^10 bucket heads, which stay in cache.
#include "core/edge_sort.hpp"

#include <memory>

namespace readiness::detail {
namespace {

constexpr unsigned digit_bits = 10;

unsigned bit_width(std::size_t x) {
  unsigned bits = 0;
  while (x != 0) ++bits, x >>= 1;
  return bits;
}

// One stable counting pass by (source >> shift) & mask, from `in` to `out`.
void counting_pass(const packed_edge* in, packed_edge* out, std::size_t m, unsigned shift,
                   std::uint32_t mask) {
  std::vector<std::size_t> head(std::size_t(mask) + 2, 0);
  for (std::size_t k = 0; k < m; ++k) ++head[((in[k].source >> shift) & mask) + 1];
  for (std::size_t b = 0; b + 1 < head.size(); ++b) head[b + 1] += head[b];
  for (std::size_t k = 0; k < m; ++k) out[head[(in[k].source >> shift) & mask]++] = in[k];
}

}  // namespace

edge_columns sort_edges_by_source(std::vector<packed_edge>& edges, std::size_t nodes) {
  const std::size_t m = edges.size();
  unsigned bits = bit_width(nodes);
  unsigned passes = (bits + digit_bits - 1) / digit_bits;
  if (m > 1 && passes > 0) {
    // Uninitialised: every element is written by the first pass before it is read.
    std::unique_ptr<packed_edge[]> spare(new packed_edge[m]);
    packed_edge* from = edges.data();
    packed_edge* to = spare.get();
    unsigned width = (bits + passes - 1) / passes;
    for (unsigned shift = 0; shift < bits; shift += width) {
      unsigned digit = std::min(width, bits - shift);
      counting_pass(from, to, m, shift, (std::uint32_t(1) << digit) - 1);
      std::swap(from, to);
    }
    if (from != edges.data()) std::copy(from, from + m, edges.data());
  }
  edge_columns out;
  out.sources.resize(m);
  out.targets.resize(m);
  out.props.resize(m);
  for (std::size_t k = 0; k < m; ++k) {
    out.sources[k] = edges[k].source;
    out.targets[k] = edges[k].target;
    out.props[k] = edges[k].prop;
  }
  std::vector<packed_edge>().swap(edges);
  return out;
}

}  // namespace readiness::detail
