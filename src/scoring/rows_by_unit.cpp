#include "scoring/rows_by_unit.hpp"

namespace siap {

RowsByUnit::RowsByUnit(const Dataset& data) : start_(data.units.size() + 1, 0), rows_(data.rows) {
  for (std::size_t r = 0; r < data.rows; ++r) ++start_[std::size_t(data.row_unit[r]) + 1];
  for (std::size_t u = 0; u < data.units.size(); ++u) start_[u + 1] += start_[u];
  std::vector<std::size_t> fill(start_.begin(), start_.end() - 1);
  for (std::size_t r = 0; r < data.rows; ++r) rows_[fill[std::size_t(data.row_unit[r])]++] = std::uint32_t(r);
}

}  // namespace siap
