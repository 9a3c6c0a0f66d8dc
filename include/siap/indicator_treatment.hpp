// How a secondary-data indicator (a leaf of a numeric scale) becomes a
// score across all units, in COINr's order: denominator, missing data,
// outliers, normalisation (direction applied first). Declared in the
// framework YAML (`treatment:`, docs/framework-schema.md); computed by
// treat_indicators (src/composite/).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "siap/decimal.hpp"
#include "siap/text.hpp"

namespace siap {

// What the raw value is divided by (then multiplied by `per`): the bundled
// registered population or area, or a column of the input (households).
enum class Denominator { none, population, area, column };

// A missing value: left missing (the node's coverage rule decides), or
// filled with the mean or median of the units that have it: all of them,
// those in the same province, or those of the same type (kabupaten, kota).
enum class Imputation { none, mean, median, province_mean, province_median, type_mean, type_median };

// COINr's Treat: if |skewness| >= skew and kurtosis >= kurtosis, winsorise
// the extreme (high if skewed right) up to `winmax` points; if that does
// not pass, take the log of the original values instead (log_CT).
enum class OutlierTreatment { none, winsorise };

enum class Normaliser {
  minmax,              // (x - min) / (max - min), onto the range
  zscore,              // (x - mean) / sd * sd' + mean' (mean_sd)
  goalposts,           // (x - low) / (high - low), truncated to [0, 1], onto the range
  distance_to_target,  // (x - min) / (target - min), capped at 1, onto the range
  distance_to_best,    // x / best (the highest; lowest-is-better: best / x), onto the range
  rank,                // 1 for the lowest after direction, ties share the lowest rank
  percentile_rank,     // (rank - 1) / (n - 1), onto the range
};

const char* imputation_key(Imputation method);
std::optional<Imputation> imputation_from_key(std::string_view key);
const LocalizedText& imputation_label(Imputation method);
const char* normaliser_key(Normaliser method);
std::optional<Normaliser> normaliser_from_key(std::string_view key);
const LocalizedText& normaliser_label(Normaliser method);
const char* denominator_key(Denominator d);
// Whether the normaliser's values lie in its output range (z-scores and
// plain ranks do not: they have no range).
bool normaliser_has_range(Normaliser method);

struct Treatment {
  Denominator denominator = Denominator::none;
  Decimal per = Decimal::from_int(1);            // "per 1,000 inhabitants": 1000
  std::string denominator_column;                // Denominator::column: its header
  std::vector<std::string> denominator_aliases;  // other headers accepted for it
  Imputation impute = Imputation::none;
  OutlierTreatment outliers = OutlierTreatment::none;
  int winmax = 5;
  Decimal skew_limit = Decimal::from_int(2);
  Decimal kurtosis_limit = Decimal::from_scaled(35, 1);
  Normaliser normalise = Normaliser::minmax;
  // Output range; by default the framework's score range.
  Decimal range_low;
  Decimal range_high;
  // goalposts: [low, high] on the raw (denominated) value.
  Decimal goal_low;
  Decimal goal_high;
  // distance_to_target: the target on the raw value.
  Decimal target;
  // zscore: the mean and standard deviation of the result.
  Decimal z_mean = Decimal::from_int(0);
  Decimal z_sd = Decimal::from_int(1);
};

}  // namespace siap
