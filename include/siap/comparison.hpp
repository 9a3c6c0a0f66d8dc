// Change over time: the same regions in two or more assessments (this year
// and last, or a series), matched by Kemendagri code through the code and
// name changes since 2018, node by node where the frameworks make that
// meaningful. Conventions: shared/domain/provinces-and-time.md §2.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "siap/assessment.hpp"
#include "siap/decimal.hpp"
#include "siap/expected.hpp"
#include "siap/text.hpp"

namespace siap {

struct ComparedSide {
  std::string label;        // "2025", or the file's name
  std::optional<int> year;  // for the compound annual growth rate
  const Assessment* assessment = nullptr;
};

struct ComparedValue {
  bool present = false;   // the unit is in this side
  bool assessed = false;  // and this node was assessed there
  Decimal published;
  const Band* band = nullptr;  // in the side's overall band set (the index only)
  int rank = 0;                // as that assessment ranked it; 0: not ranked
};

struct ComparedUnit {
  std::string code;                                // today's Kemendagri code ("" for a non-region)
  std::string name;                                // today's official name, or as the newest side writes it
  std::string province_name;                       // today's province
  std::vector<std::string> written_as;             // per side: "91.01 KAB. MERAUKE" when it differs from today's, else ""
  std::vector<std::vector<ComparedValue>> values;  // [side][compared node]
};

struct Comparison {
  std::vector<ComparedSide> sides;
  std::vector<std::string> node_ids;      // "index", then the top-level nodes every side has
  std::vector<LocalizedText> node_names;  // parallel
  int decimals = 2;                       // of the newest side
  bool bands_comparable = true;           // every side uses the same framework (id)
  std::vector<LocalizedText> warnings;    // what is not compared, and why
  std::vector<ComparedUnit> units;        // in every side, by the change of the index (largest first; not assessed last)
  std::vector<ComparedUnit> partial;      // missing from at least one side, by name
};

// Fails when the sides' score ranges differ (nothing on them is comparable).
Expected<Comparison> compare_assessments(std::vector<ComparedSide> sides);

// The same comparison by today's province: each side's value of a province
// is the plain mean of its kabupaten/kota assessed in that side (as IMDI
// rolls up), so that a kabupaten/kota the 2022 expansion moved counts in its
// new province in every year; ranks among the provinces of each side, the
// band of the mean in the newest framework's overall band set. Units that
// are not kabupaten/kota are left out.
Comparison by_province(const Comparison& by_region);

// last − first of a node, exact; nullopt unless assessed on both.
std::optional<Decimal> change_of(const ComparedUnit& unit, std::size_t node);
// "naik", "turun", "tetap" (up, down, same) for the index's band, first to
// last side; "" when not comparable or not banded on both.
LocalizedText band_change(const Comparison& c, const ComparedUnit& unit);
// The index's compound annual growth rate between the first and last side
// (both with years, both assessed and positive); nullopt otherwise.
std::optional<double> annual_growth(const Comparison& c, const ComparedUnit& unit);

}  // namespace siap
