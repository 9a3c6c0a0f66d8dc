// The Dataset's per-row columns (unit, group, file, line, the row of codes,
// the sparse decimals), each operation in one place: the loader accepts,
// merges and compacts rows only through these. A new per-row column is
// added here and nowhere else.
#pragma once

#include <cstdint>
#include <vector>

#include "siap/dataset.hpp"

namespace siap::dataset_rows {

// Room for `rows` rows (and one decimal per row in each of `decimal_slots`),
// so that columns are not grown by doubling (each copy touches fresh pages).
void reserve(Dataset& d, std::size_t rows, const std::vector<std::size_t>& decimal_slots);

// The codes of a row being read, zeroed: written straight into the dataset.
inline std::uint8_t* begin_row(Dataset& d) {
  const std::size_t start = d.codes.size();
  d.codes.resize(start + d.coded_items, 0);
  return d.codes.data() + start;
}
// The row being read is rejected: its codes are taken back.
inline void cancel_row(Dataset& d) { d.codes.resize(d.codes.size() - d.coded_items); }
// An exact decimal answer of the row being read (call before accept_row).
inline void add_decimal(Dataset& d, std::size_t slot, const Decimal& value) { d.decimals[slot].push_back({std::uint32_t(d.rows), value}); }
// The row being read is accepted.
inline void accept_row(Dataset& d, int unit, int group, std::size_t file, int line) {
  d.row_unit.push_back(unit);
  d.row_group.push_back(std::int16_t(group));
  d.row_file.push_back(std::uint16_t(file));
  d.row_line.push_back(std::uint32_t(line));
  ++d.rows;
}

// Appends `from`'s rows (a later part of a file) to `to`: units renumbered
// by `unit_map`, lines shifted by `line_offset`. `from`'s rows are consumed
// (its pages handed back as they are copied).
void append(Dataset& to, Dataset& from, const std::vector<int>& unit_map, int line_offset);
// The same in two steps, so that the answers can be copied while the units
// are matched: first the answers, groups and files (no unit map needed), then
// the rows' units and lines, which completes the append.
void append_answers(Dataset& to, Dataset& from);
void append_units_and_lines(Dataset& to, const Dataset& from, const std::vector<int>& unit_map, int line_offset);
// Takes `from`'s rows wholesale (`to` has none yet).
void take(Dataset& to, Dataset& from);
// Removes the rows marked in `dropped`, keeping the others in order.
void drop(Dataset& d, const std::vector<bool>& dropped);

}  // namespace siap::dataset_rows
