// Looking units up by code or name, for choosing which profiles to draw.
#include <fmt/format.h>

#include "siap/assessment.hpp"
#include "siap/edit_distance.hpp"
#include "siap/folding.hpp"

namespace siap {
Expected<std::vector<int>> find_units(const Assessment& a, const std::vector<std::string>& queries) {
  std::vector<int> found;
  Diagnostics errors;
  std::vector<std::string> names;
  for (const auto& unit : a.data->units) names.push_back(unit.name);
  for (const auto& query : queries) {
    std::string key = ascii_lower(query);
    int match = -1;
    for (std::size_t u = 0; u < a.data->units.size() && match < 0; ++u) {
      const Unit& unit = a.data->units[u];
      if ((!unit.code().empty() && unit.code() == query) || ascii_lower(unit.name) == key) match = int(u);
    }
    if (match >= 0) {
      found.push_back(match);
      continue;
    }
    Diagnostic d;
    auto closest = closest_match(query, names);
    std::string hint_id = closest ? fmt::format("; mungkin maksudnya '{}'?", *closest) : "";
    std::string hint_en = closest ? fmt::format("; did you mean '{}'?", *closest) : "";
    d.message =
        LocalizedText{fmt::format("unit '{}' tidak ada dalam data{}", query, hint_id), fmt::format("unit '{}' is not in the data{}", query, hint_en)};
    errors.push_back(std::move(d));
  }
  if (!errors.empty()) return errors;
  return found;
}

const UnitResult* Assessment::find(std::string_view code) const {
  if (code.empty()) return nullptr;
  for (const UnitResult& r : results) {
    if (unit_of(r).code() == code) return &r;
  }
  return nullptr;
}

}  // namespace siap
