// Uncertainty and sensitivity analysis of a composite index: how much each
// unit's rank depends on the methodological choices (weights, aggregation,
// normalisation, imputation, outlier treatment, which indicators are in),
// declared in a YAML file (`siap/uncertainty/v1`, docs/uncertainty.md).
// COINr's get_sensitivity semantics: each declared choice is one uncertain
// input drawn uniformly; uncertainty analysis gives per unit the nominal,
// median, mean, 5th and 95th percentile rank over the replicates;
// sensitivity analysis (Saltelli design, N (d + 2) rebuilds) gives each
// choice's first-order and total index on the mean absolute rank change,
// with bootstrap intervals. Deterministic for a seed on any number of threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "siap/assessment.hpp"
#include "siap/dataset.hpp"
#include "siap/expected.hpp"
#include "siap/framework.hpp"

namespace siap {

// One alternative for the treated indicators' normalisation, or "as
// declared" (each indicator's own).
struct NormaliserChoice {
  bool as_declared = false;
  Normaliser method = Normaliser::minmax;
  Decimal range_low, range_high;  // as Treatment (default: the score range)
  Decimal z_mean = Decimal::from_int(0), z_sd = Decimal::from_int(1);
  std::string label() const;
};

// A choice for every node's mean, or "as declared" (each node's own).
struct AggregationChoice {
  bool as_declared = false;
  AggregationMethod method = AggregationMethod::arithmetic;
  Decimal power = Decimal::from_int(1);
  std::string label() const;
};

// A declared uncertain input.
enum class UncertainInput { weights, aggregation, normalisation, imputation, outliers, leave_out };
const char* uncertain_input_key(UncertainInput input);
const LocalizedText& uncertain_input_label(UncertainInput input);

struct UncertaintySpec {
  std::string file;
  std::size_t replicates = 1000;  // N
  std::uint64_t seed = 1;
  bool sensitivity = false;            // also Si and STi (N (d + 2) rebuilds)
  std::size_t bootstrap = 100;         // resamples for the sensitivity indices' intervals
  int target = 0;                      // node whose ranks are studied (0: the index)
  bool keep_parameters = false;        // keep each replicate's choices (UncertaintyResult::parameters)
  std::vector<UncertainInput> inputs;  // in declaration order: the d inputs

  // weights: each node's weight times U(1 - noise, 1 + noise) in each of
  // `replicates` pre-drawn sets (COINr get_noisy_weights), or one of the
  // profiles (-1: the tree's weights).
  double weight_noise = 0;
  std::vector<int> weight_profiles;
  std::vector<AggregationChoice> aggregations;
  std::vector<NormaliserChoice> normalisers;
  std::vector<std::optional<Imputation>> imputations;  // nullopt: as declared
  std::vector<std::optional<bool>> outliers;           // true: winsorise, false: none, nullopt: as declared
  // leave_out: none, or one treated indicator, each equally likely.
};

// Reads a spec for `fw` (which it names nodes and profiles of): every error
// at once, with file:line:col.
Expected<UncertaintySpec> load_uncertainty_spec(std::string_view text, const std::string& file, const Framework& fw);
// The same from a file, read no further than the YAML size limit.
Expected<UncertaintySpec> load_uncertainty_spec_file(const std::string& path, const Framework& fw);

struct UnitRanks {
  int unit = -1;      // index into Dataset::units
  int nominal = 0;    // rank in the nominal assessment (0: not ranked)
  double mean = 0;    // over the replicates in which it was ranked
  double median = 0;  // R's quantile type 7, as COINr
  double q05 = 0, q95 = 0;
  std::size_t ranked = 0;  // replicates in which it had a value
};

struct SensitivityIndex {
  UncertainInput input;
  double first = 0, total = 0;          // Si (Saltelli 2010), STi (Jansen)
  double first_q05 = 0, first_q95 = 0;  // bootstrap percentiles
  double total_q05 = 0, total_q95 = 0;
};

struct UncertaintyResult {
  const UncertaintySpec* spec = nullptr;
  std::size_t runs = 0;                   // rebuilds done: N, or N (d + 2)
  std::vector<UnitRanks> units;           // in nominal rank order, then the rest
  std::vector<SensitivityIndex> indices;  // sensitivity only, per input
  double output_variance = 0;             // of the mean absolute rank change (sensitivity)
  // Per replicate (the first N runs), when spec.keep_parameters: each
  // input's choice index (weights: the set or profile; leave_out: 0 = none,
  // k = the k-th treated leaf), replicate-major: parameters[r * d + j].
  std::vector<int> parameters;
};

// The fast engine: the treated indicators under every combination of the
// declared alternatives are computed once; each replicate then only
// aggregates and ranks. `nominal` is the framework's own assessment of `data`.
UncertaintyResult analyse_uncertainty(const Framework& fw, const Dataset& data, const Assessment& nominal, const UncertaintySpec& spec);

// The straightforward reference: each run rebuilt from the raw data
// (a framework copy with the run's choices, treated and aggregated in exact
// arithmetic by composite_values). Returns each run's target values per
// unit (NaN when not assessed), for checking the engine run by run, and
// for the benchmark's baseline.
std::vector<std::vector<double>> rebuild_runs(const Framework& fw, const Dataset& data, const UncertaintySpec& spec, std::size_t runs);

// The fast engine's target values for the same runs (for the check above).
std::vector<std::vector<double>> engine_runs(const Framework& fw, const Dataset& data, const UncertaintySpec& spec, std::size_t runs);

// Saltelli 2010 first-order and Jansen total indices from the N (d + 2)
// outputs of the design A, B, AB_1 … AB_d (COINr's SA_estimate), with
// `bootstrap` resamples of the N rows for 5–95 % intervals.
std::vector<SensitivityIndex> sensitivity_indices(const std::vector<double>& y, std::size_t n, std::size_t d, std::size_t bootstrap,
                                                  std::uint64_t seed, double* variance = nullptr);

}  // namespace siap
