#include "siap/region_map.hpp"

#include <fmt/format.h>

#include "input/row_source.hpp"
#include "siap/folding.hpp"
#include "siap/quality_log.hpp"
#include "siap/limits.hpp"
#include "siap/regions.hpp"
#include "siap/utf8.hpp"

namespace siap {

int RegionMap::find(std::string_view text) const {
  if (regions.empty()) return -1;
  auto it = regions.find(fold_header(text));
  return it == regions.end() ? -1 : it->second;
}

Expected<RegionMap> load_region_map(const std::string& path) {
  auto source = open_row_source(path, CsvOptions{});
  if (!source) return source.errors();
  RowSource& rows = **source;
  RegionMap map;
  map.file = path;
  const RegionTable& table = RegionTable::builtin();
  Diagnostics errors;
  auto error = [&](int line, int column, LocalizedText message) {
    if (errors.size() < limits::kMaxRegionMapErrors) errors.push_back(Diagnostic{{path, line, column}, "", std::move(message)});
  };
  std::vector<std::string_view> fields;
  bool header = true;
  while (rows.next(fields)) {
    const int line = rows.line();
    if (header) {
      header = false;
      if (fields.size() < 2) {
        error(line, 1,
              {"peta wilayah memerlukan dua kolom: teks seperti diketik, lalu kode Kemendagri atau nama wilayah",
               "a region map needs two columns: the text as typed, then the Kemendagri code or name of the region"});
        break;
      }
      continue;
    }
    if (fields.size() < 2 || (trim(fields[0]).empty() && trim(fields[1]).empty())) continue;  // a blank line
    if (map.regions.size() >= limits::kMaxRegionMapEntries) {
      error(line, 1,
            {fmt::format("lebih dari {} baris", limits::kMaxRegionMapEntries), fmt::format("more than {} rows", limits::kMaxRegionMapEntries)});
      break;
    }
    const std::string_view text = trim(fields[0]);
    if (text.empty()) {
      error(line, 1, {"teks kosong", "empty text"});
      continue;
    }
    if (!is_valid_utf8(fields[0]) || !is_valid_utf8(fields[1])) {
      error(line, 1, {"bukan UTF-8 yang valid", "not valid UTF-8"});
      continue;
    }
    RegionMatch m = table.resolve(fields[1], RegionCoding::unspecified, false);
    if (m.kind != RegionMatch::Kind::found) {
      const std::string quoted = quote_value(fields[1], limits::kMaxQuotedValueBytes);
      error(line, 2,
            m.kind == RegionMatch::Kind::ambiguous
                ? LocalizedText{fmt::format("wilayah ambigu '{}'; tulis kode Kemendagri-nya", quoted),
                                fmt::format("ambiguous region '{}'; write its Kemendagri code", quoted)}
                : LocalizedText{fmt::format("wilayah tidak dikenal '{}' (kode Kemendagri bertitik, mis. 33.74, atau nama resmi)", quoted),
                                fmt::format("unknown region '{}' (a dotted Kemendagri code such as 33.74, or the official name)", quoted)});
      continue;
    }
    auto [it, inserted] = map.regions.emplace(fold_header(text), m.region);
    if (!inserted && it->second != m.region) {
      const std::string quoted = quote_value(text, limits::kMaxQuotedValueBytes);
      error(line, 1,
            {fmt::format("'{}' sudah dipetakan ke {}, di sini ke {}", quoted, table.describe(it->second), table.describe(m.region)),
             fmt::format("'{}' is already mapped to {}, here to {}", quoted, table.describe(it->second), table.describe(m.region))});
    }
  }
  if (rows.error()) errors.push_back(*rows.error());
  if (!errors.empty()) return errors;
  return map;
}

}  // namespace siap
