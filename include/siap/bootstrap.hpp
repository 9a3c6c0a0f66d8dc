// How sure a survey's scores and ranks are: a respondent bootstrap.
// Respondents are resampled with replacement within each unit and, when the
// framework has respondent groups, within each group; every node is
// re-evaluated by the scoring kernel; per unit and node a percentile and a
// BCa interval, and per unit the distribution of its rank and band.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "siap/assessment.hpp"

namespace siap {

enum class BootstrapEngine {
  automatic,  // the sums engine when ScoringKernel::sums_suffice(), else plain
  plain,      // every resample re-scored from its rows by ScoringKernel::evaluate (the reference)
};

struct BootstrapOptions {
  std::size_t resamples = 1000;  // B
  std::uint64_t seed = 1;
  double confidence = 0.95;
  int top = 10;     // P(rank <= top) is reported
  bool bca = true;  // BCa intervals (a jackknife over each unit's respondents)
  BootstrapEngine engine = BootstrapEngine::automatic;
  bool keep_replicates = false;  // keep every resample's node values (tests, benchmarks)
};

inline constexpr double kNotComputed = std::numeric_limits<double>::quiet_NaN();

struct Interval {
  double low = kNotComputed;
  double high = kNotComputed;
};

struct NodeBootstrap {
  std::size_t assessed = 0;        // resamples in which the node could be computed
  double estimate = kNotComputed;  // on all the unit's respondents (as assess(), in double)
  double mean = kNotComputed;      // over the resamples
  double standard_error = kNotComputed;
  Interval percentile;
  Interval bca;  // not computed when every resample gives the estimate (zero width: see percentile) or the jackknife is constant
};

struct UnitBootstrap {
  int unit = -1;                         // index into Dataset::units
  std::vector<NodeBootstrap> nodes;      // parallel to Framework::nodes
  std::vector<NodeBootstrap> facets;     // every facet's values, in order
  std::size_t ranked = 0;                // resamples in which it was ranked (its overall index computed)
  double median_rank = kNotComputed;     // within its RankTier, as UnitResult::rank
  int rank_low = 0, rank_high = 0;       // 5th and 95th percentile of its rank
  double p_top = kNotComputed;           // share of resamples with rank <= options.top
  std::vector<double> band_probability;  // per band of the first overall band set
};

// Two units next to each other in the ranking whose difference the
// bootstrap cannot tell from zero at the chosen confidence.
struct UnresolvedPair {
  std::size_t upper = 0, lower = 0;  // indices into Assessment::results, upper ranked above lower
  Interval difference;               // percentile interval of upper minus lower (overall index)
};

struct BootstrapResult {
  BootstrapOptions options;
  bool plain = false;                // which engine ran
  std::vector<UnitBootstrap> units;  // parallel to Assessment::results
  std::vector<UnresolvedPair> unresolved;
  // With keep_replicates: per result, resamples x (nodes + facet values),
  // NaN where not assessed.
  std::vector<std::vector<double>> replicates;
};

// Needs the assessment's respondents (not one read back from JSON).
BootstrapResult bootstrap(const Assessment& assessment, const BootstrapOptions& options);

// A bootstrap value as published values are: rounded half up (away from
// zero) to `decimals`; a tie within 1e-9 of a unit in the last place counts
// as a tie, as double sums can miss an exact tie by an ulp. Ranks and bands
// of resamples are read off it, and reports show it.
Decimal round_estimate(double value, int decimals);

// R's boot::norm.inter: the order statistic (B + 1) * alpha, interpolated on
// the normal quantile scale between neighbours when not an integer. `sorted`
// ascending, not empty.
double bootstrap_quantile(const std::vector<double>& sorted, double alpha);

}  // namespace siap
