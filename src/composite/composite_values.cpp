// A composite indicator's values: each unit's raw leaf values from the
// scoring kernel (a treated leaf's value is its raw indicator), then the
// treatments across units, then the tree's means again.
#include <algorithm>

#include "scoring/rows_by_unit.hpp"
#include "siap/composite.hpp"

namespace siap {

std::vector<std::vector<NodeValue>> raw_unit_values(const Framework& fw, const Dataset& data, int profile, std::vector<bool>& in_study) {
  const ScoringKernel kernel(fw, data, profile);
  const std::size_t units = data.units.size();
  const std::size_t per_unit = fw.nodes.size() + kernel.facet_values();
  const RowsByUnit rows(data);

  const bool respondents = data.kind == InputKind::respondents;
  const std::size_t min_respondents = respondents && fw.respondents ? std::size_t(fw.respondents->min_respondents) : 1;
  std::vector<std::vector<NodeValue>> values(units, std::vector<NodeValue>(per_unit));
  in_study.assign(units, false);
  for (std::size_t u = 0; u < units; ++u) {
    const std::span<const std::uint32_t> unit_rows = rows.of(u);
    if (unit_rows.size() < min_respondents) continue;
    in_study[u] = true;
    std::span<NodeValue> all(values[u]);
    kernel.evaluate_unit(int(u), unit_rows, all.first(fw.nodes.size()), all.subspan(fw.nodes.size()));
  }
  return values;
}

std::vector<std::vector<NodeValue>> composite_values(const Framework& fw, const Dataset& data, int profile, TreatmentLog& log) {
  std::vector<bool> in_study;
  auto values = raw_unit_values(fw, data, profile, in_study);
  log = treat_indicators(fw, data, values, in_study);
  const ScoringKernel kernel(fw, data, profile);
  for (std::size_t u = 0; u < data.units.size(); ++u) {
    if (!in_study[u]) continue;
    std::span<NodeValue> all(values[u]);
    kernel.roll_up(all.first(fw.nodes.size()), all.subspan(fw.nodes.size()));
  }
  return values;
}

}  // namespace siap
