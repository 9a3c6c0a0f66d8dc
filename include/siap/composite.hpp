// Composite indicators from secondary data: each treated leaf (a numeric
// indicator with a `treatment`) is denominated, imputed, treated for
// outliers and normalised across all units, with COINr's semantics where
// COINr has the method (docs/composite.md). assess() applies it before the
// tree's means; what was done is kept as a TreatmentLog for the reports.
#pragma once

#include <cstddef>
#include <vector>

#include "siap/dataset.hpp"
#include "siap/framework.hpp"
#include "siap/scoring_kernel.hpp"

namespace siap {

struct TreatmentEvent {
  enum class Kind {
    imputed,         // a missing value filled (`after`)
    not_imputed,     // missing, and no unit of its group has a value to impute from
    no_denominator,  // not a region, or none in the table: left missing
    winsorised,      // `before` replaced by `after`
    not_positive,    // distance_to_best needs a value > 0: left missing
  };
  Kind kind = Kind::imputed;
  int leaf = -1;  // index into Framework::nodes
  int unit = -1;  // index into Dataset::units
  double before = 0;
  double after = 0;
};

// One treated indicator's summary.
struct TreatedIndicator {
  int leaf = -1;
  std::size_t present = 0;  // units with a value before imputation
  std::size_t imputed = 0;
  // COINr's check_SkewKurt before and after treatment (NaN below 3 / 4 values).
  double skew_before = 0, kurtosis_before = 0, skew_after = 0, kurtosis_after = 0;
  bool passed_before = true;
  int winsorised = 0;            // points winsorised
  bool log_transformed = false;  // winsorising up to winmax did not pass: log of the original
  bool constant = false;         // every unit had the same value: the normaliser is undefined, left missing
  double min = 0, max = 0;       // after denominator and outlier treatment, before direction
};

struct TreatmentLog {
  std::vector<TreatedIndicator> indicators;  // in framework order
  std::vector<TreatmentEvent> events;        // by indicator, then unit order
};

// Replaces each treated leaf's raw value in `values` (per unit: node values
// then facet values, as ScoringKernel gives them) by its score, across the
// units; untreated leaves and internal nodes are not touched (the caller
// rolls the tree up again). Units whose `in_study[u]` is false (too few
// respondents) take no part.
TreatmentLog treat_indicators(const Framework& fw, const Dataset& data, std::vector<std::vector<NodeValue>>& values,
                              const std::vector<bool>& in_study);

// COINr's e1071-type-2 sample skewness and kurtosis (NaN for fewer than 3
// or 4 values).
double sample_skewness(const std::vector<double>& x);
double sample_kurtosis(const std::vector<double>& x);

}  // namespace siap

namespace siap {

// Every unit's node values then facet values (as assess_values takes them)
// with the treated leaves treated across units and the tree rolled up
// again; units with fewer respondents than the framework's minimum take no
// part and have no values. What was done goes to `log`.
std::vector<std::vector<NodeValue>> composite_values(const Framework& fw, const Dataset& data, int profile, TreatmentLog& log);

// The first step of it: each unit's values before any treatment (a treated
// leaf holds its raw indicator), and which units take part.
std::vector<std::vector<NodeValue>> raw_unit_values(const Framework& fw, const Dataset& data, int profile, std::vector<bool>& in_study);

}  // namespace siap
