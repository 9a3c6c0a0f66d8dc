// Whether a list of 64-bit hashes holds one value twice, in linear time.
#pragma once

#include <cstdint>
#include <vector>

namespace siap {

// Whether some value occurs more than once in `values` (taken: reordered).
// Meant for well-mixed hashes: they are placed by their top bits with a
// counting sort, then each small bucket is sorted, so a unit sheet's
// hundreds of thousands of name hashes cost two passes, not n log n
// comparisons or a hash table's cache miss per name.
bool has_repeat(std::vector<std::uint64_t> values);

}  // namespace siap
