// Codes and names of kabupaten/kota as earlier code lists wrote them, read
// from the bundled table (data/regions/kabkota-changes.csv).
#include <string>
#include <vector>

#include "siap/regions.hpp"
#include "util/builtin_file.hpp"

namespace siap {

const std::vector<RegionChange>& region_changes() {
  static const std::vector<RegionChange> changes = [] {
    std::vector<RegionChange> out;
    std::string_view text;
    for (const auto& file : builtin_region_files()) {
      if (file.name == "kabkota-changes.csv") text = file.text;
    }
    // code_then,name_then,lists,code_now,name_now,change (no quoted fields: checked by its test)
    std::size_t at = text.find('\n');
    while (at != std::string_view::npos && at + 1 < text.size()) {
      const std::size_t end = text.find('\n', at + 1);
      std::string_view line = text.substr(at + 1, (end == std::string_view::npos ? text.size() : end) - at - 1);
      at = end;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      std::vector<std::string> f;
      std::size_t from = 0;
      for (std::size_t comma = line.find(','); comma != std::string_view::npos; comma = line.find(',', from)) {
        f.emplace_back(line.substr(from, comma - from));
        from = comma + 1;
      }
      f.emplace_back(line.substr(from));
      if (f.size() == 6) out.push_back(RegionChange{f[0], f[1], f[3], f[4], f[5] == "code"});
    }
    return out;
  }();
  return changes;
}

std::string current_code(std::string_view code) {
  for (const RegionChange& c : region_changes()) {
    if (c.code_changed && c.code_then == code) return c.code_now;
  }
  return std::string(code);
}

}  // namespace siap
