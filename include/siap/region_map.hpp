// A study's own names for regions (--region-map FILE): the text as the
// survey typed it, and the region it means, so "Kota Smg" or a town's name
// can be read without editing the raw file. Rows it maps are noted in the
// quality log (value_mapped).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "siap/expected.hpp"

namespace siap {

struct RegionMap {
  std::string file;
  // fold_header(text) -> region index in RegionTable::builtin()
  std::unordered_map<std::string, int> regions;
  // The region `text` is mapped to, or -1.
  int find(std::string_view text) const;
};

// Reads a CSV/XLSX/ODS table whose first row is a header and whose first two
// columns are the text as typed and the region (a Kemendagri code such as
// 33.74, or a name that names one region); other columns (a note) are
// ignored. Errors name the file, line and column: a region that is unknown
// or ambiguous, an empty text, a text mapped to two regions.
Expected<RegionMap> load_region_map(const std::string& path);

}  // namespace siap
