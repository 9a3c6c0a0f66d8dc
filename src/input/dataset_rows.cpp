#include "input/dataset_rows.hpp"

#include <sys/mman.h>

#include <algorithm>

#include "util/huge_pages.hpp"

namespace siap::dataset_rows {

void reserve(Dataset& d, std::size_t rows, const std::vector<std::size_t>& decimal_slots) {
  d.codes.reserve(rows * d.coded_items);
  for (std::size_t slot : decimal_slots) d.decimals[slot].reserve(rows);
  d.row_unit.reserve(rows);
  d.row_group.reserve(rows);
  d.row_file.reserve(rows);
  d.row_line.reserve(rows);
}

void append(Dataset& to, Dataset& from, const std::vector<int>& unit_map, int line_offset) {
  append_answers(to, from);
  append_units_and_lines(to, from, unit_map, line_offset);
}

void append_answers(Dataset& to, Dataset& from) {
  const std::uint32_t row_offset = std::uint32_t(to.rows);
  to.row_group.insert(to.row_group.end(), from.row_group.begin(), from.row_group.end());
  to.row_file.insert(to.row_file.end(), from.row_file.begin(), from.row_file.end());
  // Copy the other part's answers in slices and hand each copied slice's
  // pages back to the system at once: the merge then never holds both
  // copies in full (31 MB for the benchmark's second half).
  {
    auto& src = from.codes;
    const std::size_t slice = 8u << 20;
    const bool mapped = src.capacity() * sizeof(std::uint8_t) >= kHugePageThreshold;
    for (std::size_t done = 0; done < src.size(); done += slice) {
      std::size_t n = std::min(slice, src.size() - done);
      to.codes.insert(to.codes.end(), src.begin() + std::ptrdiff_t(done), src.begin() + std::ptrdiff_t(done + n));
      std::size_t releasable = (done + n) / 4096 * 4096;
      if (mapped && releasable > 0) ::madvise(src.data(), releasable, MADV_DONTNEED);
    }
    src = {};
  }
  for (std::size_t slot = 0; slot < from.decimals.size(); ++slot) {
    for (const auto& a : from.decimals[slot]) to.decimals[slot].push_back({a.row + row_offset, a.value()});
  }
}

void append_units_and_lines(Dataset& to, const Dataset& from, const std::vector<int>& unit_map, int line_offset) {
  // Bulk appends: plain loops over pre-sized arrays, no per-row capacity checks.
  const std::size_t base = to.row_unit.size();
  to.row_unit.resize(base + from.rows);
  to.row_line.resize(base + from.rows);
  for (std::size_t r = 0; r < from.rows; ++r) {
    to.row_unit[base + r] = unit_map[std::size_t(from.row_unit[r])];
    to.row_line[base + r] = std::uint32_t(int(from.row_line[r]) + line_offset);
  }
  to.rows += from.rows;
}

void take(Dataset& to, Dataset& from) {
  to.row_unit = std::move(from.row_unit);
  to.row_group = std::move(from.row_group);
  to.row_file = std::move(from.row_file);
  to.row_line = std::move(from.row_line);
  to.codes = std::move(from.codes);
  to.decimals = std::move(from.decimals);
  to.rows = from.rows;
}

void drop(Dataset& d, const std::vector<bool>& dropped) {
  // new_index[row] is where a kept row moves.
  std::vector<std::uint32_t, HugePageAllocator<std::uint32_t>> new_index(d.rows);
  std::size_t out = 0;
  for (std::size_t row = 0; row < d.rows; ++row) {
    new_index[row] = std::uint32_t(out);
    if (dropped[row]) continue;
    if (out != row) {
      d.row_unit[out] = d.row_unit[row];
      d.row_group[out] = d.row_group[row];
      d.row_file[out] = d.row_file[row];
      d.row_line[out] = d.row_line[row];
      std::copy_n(d.codes.begin() + std::ptrdiff_t(row * d.coded_items), d.coded_items, d.codes.begin() + std::ptrdiff_t(out * d.coded_items));
    }
    ++out;
  }
  for (auto& slot : d.decimals) {
    std::erase_if(slot, [&](const Dataset::DecimalAnswer& a) { return dropped[a.row]; });
    for (auto& a : slot) a.row = new_index[a.row];
  }
  d.rows = out;
  d.row_unit.resize(out);
  d.row_group.resize(out);
  d.row_file.resize(out);
  d.row_line.resize(out);
  d.codes.resize(out * d.coded_items);
}

}  // namespace siap::dataset_rows
