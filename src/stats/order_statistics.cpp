#include "stats/order_statistics.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace siap {
namespace {

constexpr std::size_t kBuckets = 256;
constexpr std::size_t kSortOutright = 64;  // fewer values are simply sorted

std::vector<double> by_sorting(std::span<const double> values, std::span<const std::size_t> wanted) {
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  std::vector<double> out;
  out.reserve(wanted.size());
  for (std::size_t k : wanted) out.push_back(sorted[k - 1]);
  return out;
}

}  // namespace

std::vector<double> order_statistics(std::span<const double> values, std::span<const std::size_t> wanted) {
  const std::size_t n = values.size();
  if (n < kSortOutright) return by_sorting(values, wanted);
  double low = values[0], high = values[0];
  for (double v : values) {
    low = std::min(low, v);
    high = std::max(high, v);
  }
  if (low == high) return std::vector<double>(wanted.size(), low);
  const double scale = double(kBuckets) / (high - low);
  if (!std::isfinite(scale) || scale <= 0) return by_sorting(values, wanted);
  // The same expression in both passes, so a value falls in the same bucket.
  auto bucket_of = [&](double v) { return std::min(std::size_t((v - low) * scale), kBuckets - 1); };
  std::array<std::uint32_t, kBuckets> count{};
  for (double v : values) ++count[bucket_of(v)];
  // Each wanted k's bucket and the number of values in the buckets below it.
  std::vector<std::size_t> bucket(wanted.size()), below(wanted.size());
  std::array<int, kBuckets> slot;  // the bucket's list among those collected, or -1
  slot.fill(-1);
  int lists = 0;
  std::size_t seen = 0, b = 0;
  for (std::size_t w = 0; w < wanted.size(); ++w) {
    while (seen + count[b] < wanted[w]) seen += count[b++];
    bucket[w] = b;
    below[w] = seen;
    if (slot[b] < 0) slot[b] = lists++;
  }
  std::vector<std::vector<double>> collected(static_cast<std::size_t>(lists));
  for (double v : values) {
    const int s = slot[bucket_of(v)];
    if (s >= 0) collected[std::size_t(s)].push_back(v);
  }
  for (auto& list : collected) std::sort(list.begin(), list.end());
  std::vector<double> out(wanted.size());
  for (std::size_t w = 0; w < wanted.size(); ++w) out[w] = collected[std::size_t(slot[bucket[w]])][wanted[w] - below[w] - 1];
  return out;
}

}  // namespace siap
