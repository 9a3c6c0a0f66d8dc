// The result of scoring: per unit, every node's exact and published score,
// its bands, the facet scores, ranks, and the data it came from. Reporters
// only read an Assessment.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "siap/dataset.hpp"
#include "siap/decimal.hpp"
#include "siap/expected.hpp"
#include "siap/framework.hpp"
#include "siap/number.hpp"

namespace siap {

struct NodeScore {
  bool assessed = false;            // false: "Tidak Dapat Dinilai"
  Number exact;                     // meaningful when assessed
  Decimal published;                // exact rounded half up to score.decimals
  std::optional<Decimal> percent;   // published on 0-100, when score.percent
  Number coverage;                  // share of the children's weight present (leaves: 1)
  bool given = false;               // taken from an input column, not computed
  std::size_t answers = 0;          // leaves: respondents who answered
  std::vector<int> bands;           // per band set at this depth (Framework::band_sets_at), band index or -1
};

struct UnitResult {
  int unit = -1;                    // index into Dataset::units
  std::size_t respondents = 0;      // accepted rows of this unit
  bool assessed = false;            // the overall index could be computed
  std::string not_assessed_code;    // "too_few_respondents", "insufficient_coverage"
  LocalizedText not_assessed_reason;
  std::vector<NodeScore> nodes;     // parallel to Framework::nodes
  std::vector<std::vector<NodeScore>> facets;  // per facet, per facet value
  int rank = 0;                     // competition ranking on the published index; 0 = not ranked
  int rank_in_type = 0;             // among units of the same type (Provinsi / Kabupaten / Kota / other)
  int rank_in_province = 0;         // among units in the same province; 0 for non-regions
  std::optional<Decimal> gap_to_next_band;  // to the next band of the first overall band set
  std::optional<int> next_band;
};

struct Assessment {
  const Framework* framework = nullptr;
  int profile = -1;                 // index into Framework::profiles, -1 default
  Dataset data;
  std::vector<UnitResult> results;  // ranked units first (by rank, then name), then the rest by name

  const Unit& unit_of(const UnitResult& r) const { return data.units[std::size_t(r.unit)]; }
};

// Aggregates respondents, rolls the tree up, applies bands and ranks.
Assessment assess(const Framework& fw, Dataset data, int profile = -1);

// Units named by code ("32.73") or name (ignoring case), as indices into
// Dataset::units; an unknown one is an error naming the closest units.
Expected<std::vector<int>> find_units(const Assessment& a, const std::vector<std::string>& queries);

// "Kabupaten", "Kota", "Provinsi", or "Lainnya"/"Other" for non-regions.
LocalizedText unit_type_label(const Unit& unit);

}  // namespace siap
