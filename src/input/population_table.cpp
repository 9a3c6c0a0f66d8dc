// Population per Kemendagri code: the bundled Dukcapil registration counts,
// or a study's own table (--population FILE), read as strictly as any input:
// an unknown code, a repeated code or a value that is not a positive number
// is an error naming its line.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "input/row_source.hpp"
#include "siap/folding.hpp"
#include "siap/limits.hpp"
#include "siap/regions.hpp"
#include "siap/rollup.hpp"
#include "siap/utf8.hpp"
#include "util/builtin_file.hpp"

namespace siap {

namespace {

// A count as Dukcapil publishes it: digits only (no grouping, no decimals).
std::optional<double> parse_count(std::string_view s) {
  s = trim(s);
  if (s.empty() || s.size() > 12) return std::nullopt;
  std::uint64_t value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size() || value == 0) return std::nullopt;
  return double(value);
}

}  // namespace

namespace {

// One numeric column of the bundled population-area.csv (code, name,
// population_total, population_male, population_female, area_km2; checked
// by its test), by its position.
std::vector<std::pair<std::string, double>> builtin_column(std::size_t column) {
  std::vector<std::pair<std::string, double>> out;
  std::string_view text;
  for (const auto& file : builtin_region_files()) {
    if (file.name == "population-area.csv") text = file.text;
  }
  std::size_t at = text.find('\n');
  while (at != std::string_view::npos && at + 1 < text.size()) {
    const std::size_t end = text.find('\n', at + 1);
    const std::string_view line = text.substr(at + 1, (end == std::string_view::npos ? text.size() : end) - at - 1);
    at = end;
    std::vector<std::string_view> fields;
    for (std::size_t from = 0;;) {
      const std::size_t comma = line.find(',', from);
      fields.push_back(line.substr(from, comma == std::string_view::npos ? std::string_view::npos : comma - from));
      if (comma == std::string_view::npos) break;
      from = comma + 1;
    }
    if (fields.size() <= column) continue;
    const std::string_view cell = trim(fields[column]);
    double value = 0;
    auto [end_of, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
    if (ec == std::errc() && end_of == cell.data() + cell.size() && value > 0) out.emplace_back(std::string(fields[0]), value);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

const PopulationTable& PopulationTable::builtin() {
  static const PopulationTable table = [] {
    PopulationTable t;
    t.source_ = {"jumlah penduduk terdaftar Dukcapil (Kepmendagri 300.2.2-2138/2025), bukan proyeksi BPS",
                 "Dukcapil registered population (Kepmendagri 300.2.2-2138/2025), not BPS projections"};
    t.by_code_ = builtin_column(2);
    return t;
  }();
  return table;
}

const PopulationTable& PopulationTable::builtin_area() {
  static const PopulationTable table = [] {
    PopulationTable t;
    t.source_ = {"luas wilayah (km²), Badan Informasi Geospasial (surat B-16.10/DIGD-BIG/IGD.04.04/12/2024)",
                 "area (km²), Badan Informasi Geospasial (letter B-16.10/DIGD-BIG/IGD.04.04/12/2024)"};
    t.by_code_ = builtin_column(5);
    return t;
  }();
  return table;
}

Expected<PopulationTable> PopulationTable::load(const std::string& path) {
  auto source = open_row_source(path, CsvOptions{});
  if (!source) return source.errors();
  RowSource& rows = **source;
  PopulationTable table;
  table.source_ = {fmt::format("tabel penduduk {}", path), fmt::format("population table {}", path)};
  const RegionTable& regions = RegionTable::builtin();
  Diagnostics errors;
  auto error = [&](int line, int column, LocalizedText message) {
    if (errors.size() < limits::kMaxRegionMapErrors) errors.push_back(Diagnostic{{path, line, column}, "", std::move(message)});
  };
  std::vector<std::string_view> fields;
  int code_column = -1, population_column = -1;
  bool header = true;
  while (rows.next(fields)) {
    const int line = rows.line();
    if (header) {
      header = false;
      for (std::size_t c = 0; c < fields.size(); ++c) {
        const std::string name = fold_header(fields[c]);
        if (name == "code" || name == "kode") code_column = int(c);
        if (name == "population" || name == "populationtotal" || name == "penduduk" || name == "jumlahpenduduk") population_column = int(c);
      }
      if (code_column < 0 || population_column < 0) {
        error(line, 1,
              {"tabel penduduk memerlukan kolom 'kode' (kode Kemendagri) dan 'penduduk'",
               "a population table needs a 'code' column (Kemendagri code) and a 'population' column"});
        break;
      }
      continue;
    }
    if (table.by_code_.size() >= limits::kMaxRegionMapEntries) {
      error(line, 1,
            {fmt::format("lebih dari {} baris", limits::kMaxRegionMapEntries), fmt::format("more than {} rows", limits::kMaxRegionMapEntries)});
      break;
    }
    const auto cell = [&](int c) { return std::size_t(c) < fields.size() ? trim(fields[std::size_t(c)]) : std::string_view(); };
    const std::string_view code = cell(code_column);
    const std::string_view value = cell(population_column);
    if (code.empty() && value.empty()) continue;  // a blank line
    if (!is_valid_utf8(code) || !regions.find_code(code)) {
      error(line, code_column + 1,
            {fmt::format("'{}' bukan kode Kemendagri", is_valid_utf8(code) ? std::string(code) : std::string("?")),
             fmt::format("'{}' is not a Kemendagri code", is_valid_utf8(code) ? std::string(code) : std::string("?"))});
      continue;
    }
    const auto n = parse_count(value);
    if (!n) {
      error(line, population_column + 1,
            {"jumlah penduduk harus bilangan bulat positif tanpa pemisah ribuan", "the population must be a positive whole number without grouping"});
      continue;
    }
    table.by_code_.emplace_back(std::string(code), *n);
  }
  if (rows.error()) errors.push_back(*rows.error());
  std::sort(table.by_code_.begin(), table.by_code_.end());
  for (std::size_t i = 1; i < table.by_code_.size(); ++i) {
    if (table.by_code_[i].first == table.by_code_[i - 1].first) {
      error(0, 0,
            {fmt::format("kode {} muncul lebih dari sekali", table.by_code_[i].first),
             fmt::format("code {} appears more than once", table.by_code_[i].first)});
    }
  }
  if (!errors.empty()) return errors;
  return table;
}

std::optional<double> PopulationTable::find(std::string_view code) const {
  auto it = std::lower_bound(by_code_.begin(), by_code_.end(), code, [](const auto& entry, std::string_view c) { return entry.first < c; });
  if (it == by_code_.end() || it->first != code) return std::nullopt;
  return it->second;
}

}  // namespace siap
