#include "util/has_repeat.hpp"

#include <algorithm>
#include <cstddef>

namespace siap {

bool has_repeat(std::vector<std::uint64_t> values) {
  const std::size_t n = values.size();
  if (n < 2) return false;
  if (n < 64) {
    std::sort(values.begin(), values.end());
    return std::adjacent_find(values.begin(), values.end()) != values.end();
  }
  // About one bucket per value, at most 2^16 (a table that stays in cache).
  int bits = 1;
  while (bits < 16 && (std::size_t(1) << bits) < n) ++bits;
  const int shift = 64 - bits;
  std::vector<std::uint32_t> start((std::size_t(1) << bits) + 1, 0);
  for (std::uint64_t v : values) ++start[(v >> shift) + 1];
  for (std::size_t b = 1; b < start.size(); ++b) start[b] += start[b - 1];
  std::vector<std::uint64_t> placed(n);
  {
    std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
    for (std::uint64_t v : values) placed[next[v >> shift]++] = v;
  }
  // Equal values share a bucket: each bucket on its own.
  for (std::size_t b = 0; b + 1 < start.size(); ++b) {
    auto first = placed.begin() + std::ptrdiff_t(start[b]), last = placed.begin() + std::ptrdiff_t(start[b + 1]);
    if (last - first < 2) continue;
    std::sort(first, last);
    if (std::adjacent_find(first, last) != last) return true;
  }
  return false;
}

}  // namespace siap
