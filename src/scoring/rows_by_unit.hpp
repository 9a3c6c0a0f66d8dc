// A dataset's accepted rows grouped by unit, each unit's in input order: a
// counting sort (two passes over Dataset::row_unit), shared by everything
// that scores unit by unit (assess, a composite's raw values, the bootstrap).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "siap/dataset.hpp"
#include "util/huge_pages.hpp"

namespace siap {

class RowsByUnit {
 public:
  explicit RowsByUnit(const Dataset& data);
  // Unit u's rows (indices into the dataset's rows), in input order.
  std::span<const std::uint32_t> of(std::size_t unit) const { return {rows_.data() + start_[unit], start_[unit + 1] - start_[unit]}; }
  // Brings where unit u's rows start into the cache (a unit sheet's units
  // are read in report order, far apart).
  void prefetch(std::size_t unit) const { __builtin_prefetch(start_.data() + unit); }

 private:
  std::vector<std::size_t> start_;  // unit u's rows are rows_[start_[u], start_[u + 1])
  std::vector<std::uint32_t, HugePageAllocator<std::uint32_t>> rows_;
};

}  // namespace siap
