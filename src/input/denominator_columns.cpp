// A composite indicator's denominator columns (households, say): read in a
// second pass over the input files once every row has been accepted or
// rejected, each value given to the unit of its accepted row (matched by
// file and line). Only frameworks of one row per unit have them.
#include "input/denominator_columns.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "framework/scale_semantics.hpp"
#include "input/column_matcher.hpp"
#include "input/row_source.hpp"
#include "siap/folding.hpp"
#include "siap/utf8.hpp"

namespace siap {

void read_denominator_columns(const Framework& fw, const std::vector<std::string>& paths, const LoadOptions& options, Dataset& data,
                              Diagnostics& errors) {
  // The distinct columns the treated leaves name, with their accepted headers.
  std::vector<std::pair<std::string, std::vector<std::string>>> columns;
  for (int leaf : fw.leaves) {
    const auto& t = fw.nodes[std::size_t(leaf)].treatment;
    if (!t || t->denominator != Denominator::column) continue;
    auto known = std::find_if(columns.begin(), columns.end(), [&](const auto& c) { return c.first == t->denominator_column; });
    if (known == columns.end()) columns.push_back({t->denominator_column, t->denominator_aliases});
  }
  if (columns.empty()) return;
  for (const auto& [name, aliases] : columns) data.denominators.push_back({name, std::vector<std::optional<Decimal>>(data.units.size())});

  // Accepted rows by (file, line).
  std::map<std::pair<std::size_t, std::uint32_t>, std::int32_t> unit_of_row;
  for (std::size_t r = 0; r < data.rows; ++r) unit_of_row[{data.row_file[r], data.row_line[r]}] = data.row_unit[r];

  // The table to read in a multi-table export: the one naming most answer columns, as the loader chose.
  std::vector<int> item_nodes(fw.leaves.begin(), fw.leaves.end());
  for (std::size_t i = 1; i < fw.nodes.size(); ++i) {
    if (!fw.nodes[i].is_leaf() && !fw.nodes[i].column.empty()) item_nodes.push_back(int(i));
  }
  const ColumnMatcher matcher(fw, item_nodes);
  const ItemCounter count_items = [&matcher](const std::vector<std::string_view>& header) {
    std::size_t n = 0;
    for (std::string_view h : header) {
      auto target = matcher.match(h);
      n += target && target->role == ColumnTarget::Role::item;
    }
    return n;
  };
  auto error = [&](const std::string& file, int line, int column, LocalizedText message) {
    errors.push_back(Diagnostic{{file, line, column}, "", std::move(message)});
  };

  for (std::size_t f = 0; f < paths.size() && f < data.files.size(); ++f) {
    const std::string& path = paths[f];
    const std::string shown = data.files[f].name;
    if (path == "-") {
      error(shown, 0, 0,
            {"kolom penyebut memerlukan data sebagai berkas, bukan stdin (dibaca dua kali)",
             "a denominator column needs the data as a file, not stdin (it is read twice)"});
      continue;
    }
    auto opened = open_row_source(path, options.csv, count_items);
    if (!opened) {
      errors.insert(errors.end(), opened.errors().begin(), opened.errors().end());
      continue;
    }
    RowSource& rows = **opened;
    std::vector<std::string_view> fields;
    if (!rows.next(fields)) continue;
    // Header: each denominator's position.
    std::vector<int> at(columns.size(), -1);
    for (std::size_t c = 0; c < fields.size(); ++c) {
      const std::string header = fold_header(fields[c]);
      for (std::size_t k = 0; k < columns.size(); ++k) {
        bool same = header == fold_header(columns[k].first);
        for (const std::string& alias : columns[k].second) same = same || header == fold_header(alias);
        if (same && at[k] < 0) at[k] = int(c);
      }
    }
    auto& ignored = data.files[f].ignored_columns;
    for (std::size_t k = 0; k < columns.size(); ++k) {
      if (at[k] < 0) {
        error(shown, rows.line(), 1,
              {fmt::format("kolom penyebut '{}' tidak ada di berkas ini", columns[k].first),
               fmt::format("the denominator column '{}' is not in this file", columns[k].first)});
        continue;
      }
      // It is read, so not "ignored".
      const std::string header(fields[std::size_t(at[k])]);
      ignored.erase(std::remove(ignored.begin(), ignored.end(), header), ignored.end());
    }
    const NumberFormat format{data.files[f].decimal_comma, options.thousands};
    while (rows.next(fields)) {
      auto row = unit_of_row.find({f, std::uint32_t(rows.line())});
      if (row == unit_of_row.end()) continue;  // a rejected row, already reported
      for (std::size_t k = 0; k < columns.size(); ++k) {
        if (at[k] < 0 || std::size_t(at[k]) >= fields.size()) continue;
        const std::string_view cell = trim(fields[std::size_t(at[k])]);
        if (cell.empty()) continue;  // no denominator: the unit's value is left missing, and said so
        const NumberRead read = parse_number(cell, format);
        const std::string text = is_valid_utf8(cell) ? std::string(cell) : escape_invalid_utf8(cell);
        if (read.status != NumberRead::Status::ok || read.value <= Decimal::from_int(0)) {
          error(shown, rows.line(), at[k] + 1,
                {fmt::format("penyebut '{}' harus bilangan lebih besar dari 0, ditemukan '{}'", columns[k].first, text),
                 fmt::format("the denominator '{}' must be a number greater than 0, found '{}'", columns[k].first, text)});
          continue;
        }
        auto& slot = data.denominators[k].by_unit[std::size_t(row->second)];
        if (slot && *slot != read.value) {
          error(shown, rows.line(), at[k] + 1,
                {fmt::format("penyebut '{}' untuk unit ini sudah {} di baris lain; ditemukan {}", columns[k].first, slot->to_string(), text),
                 fmt::format("the denominator '{}' of this unit is {} on another row; found {}", columns[k].first, slot->to_string(), text)});
          continue;
        }
        slot = read.value;
      }
    }
    if (rows.error()) errors.push_back(*rows.error());
  }
}

}  // namespace siap
