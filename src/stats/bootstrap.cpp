// The respondent bootstrap: resamples per unit (stats/resampler), then the
// intervals (percentile and BCa as R's boot computes them), the rank and
// band distributions, and the neighbours the bootstrap cannot separate.
#include "siap/bootstrap.hpp"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <numeric>

#include "scoring/rows_by_unit.hpp"
#include "siap/scoring_kernel.hpp"
#include "stats/order_statistics.hpp"
#include "stats/resampler.hpp"
#include "util/parallel.hpp"

namespace siap {
namespace {

double qnorm(double p) { return boost::math::quantile(boost::math::normal(), p); }
double pnorm(double x) { return boost::math::cdf(boost::math::normal(), x); }

// Streaming third central moment of the jackknife values, shifted by the
// estimate so that the small differences keep their precision.
struct Moments {
  double shift = 0, n = 0, s1 = 0, s2 = 0, s3 = 0;
  void add(double x) {
    const double d = x - shift;
    n += 1;
    s1 += d;
    s2 += d * d;
    s3 += d * d * d;
  }
  // boot's acceleration from jackknife influence values L_i = (n-1)(mean - x_i):
  // a = sum L^3 / (6 (sum L^2)^1.5); the factor (n - 1) cancels.
  double acceleration() const {
    const double m = s1 / n;
    const double c2 = s2 - n * m * m;                                    // sum (x - mean)^2
    const double c3 = s3 - 3 * m * s2 + 3 * m * m * s1 - n * m * m * m;  // sum (x - mean)^3
    if (!(c2 > 0)) return std::numeric_limits<double>::quiet_NaN();
    return -c3 / (6 * std::pow(c2, 1.5));  // L = -(x - mean)
  }
};

// boot::norm.inter for B values whose 1-based order statistics `order(k)`
// gives: (B + 1) alpha, interpolated on the normal quantile scale.
template <typename Order>
double norm_inter(std::size_t count, double alpha, Order&& order) {
  const double r = double(count);
  const double rk = (r + 1) * alpha;
  const double k = std::trunc(rk);
  if (k <= 0) return order(1);
  if (k >= r) return order(count);
  const double tk = order(std::size_t(k));
  if (k == rk) return tk;
  const double tk1 = order(std::size_t(k) + 1);
  const double z = qnorm(alpha), zk = qnorm(k / (r + 1)), zk1 = qnorm((k + 1) / (r + 1));
  return tk + (z - zk) / (zk1 - zk) * (tk1 - tk);
}

// The order statistics norm_inter needs for some alphas, selected
// (stats/order_statistics) instead of sorting every column: a national
// bootstrap summarises 34,000 columns of 1,000 values.
class OrderStatistics {
 public:
  OrderStatistics(const std::vector<double>& values, const std::vector<double>& alphas) {
    const std::size_t n = values.size();
    for (double alpha : alphas) {
      norm_inter(n, alpha, [&](std::size_t k) {
        wanted_.push_back(k);
        return 0.0;
      });
    }
    std::sort(wanted_.begin(), wanted_.end());
    wanted_.erase(std::unique(wanted_.begin(), wanted_.end()), wanted_.end());
    found_ = order_statistics(values, wanted_);
  }
  double operator()(std::size_t k) const { return found_[std::size_t(std::lower_bound(wanted_.begin(), wanted_.end(), k) - wanted_.begin())]; }

 private:
  std::vector<std::size_t> wanted_;
  std::vector<double> found_;
};

NodeBootstrap summarise(std::vector<double>& values, double estimate, double acceleration, const BootstrapOptions& o) {
  NodeBootstrap out;
  out.estimate = estimate;
  values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return std::isnan(v); }), values.end());
  out.assessed = values.size();
  if (values.empty()) return out;
  const double b = double(values.size());
  out.mean = std::accumulate(values.begin(), values.end(), 0.0) / b;
  double ss = 0;
  for (double v : values) ss += (v - out.mean) * (v - out.mean);
  out.standard_error = values.size() > 1 ? std::sqrt(ss / (b - 1)) : 0.0;
  const double tail = (1 - o.confidence) / 2;
  std::vector<double> alphas{tail, 1 - tail};
  // boot::bca.ci: w = qnorm(share of resamples below the estimate); not
  // defined when none or all are (then the percentile interval stands).
  const bool bca = o.bca && !std::isnan(estimate) && !std::isnan(acceleration);
  const double below = bca ? double(std::count_if(values.begin(), values.end(), [&](double v) { return v < estimate; })) : 0;
  const bool bca_defined = bca && below > 0 && below < b;
  if (bca_defined) {
    const double w = qnorm(below / b);
    for (double alpha : {tail, 1 - tail}) {
      const double z = qnorm(alpha);
      alphas.push_back(pnorm(w + (w + z) / (1 - acceleration * (w + z))));
    }
  }
  const OrderStatistics order(values, alphas);
  out.percentile = {norm_inter(values.size(), alphas[0], order), norm_inter(values.size(), alphas[1], order)};
  if (bca_defined) out.bca = {norm_inter(values.size(), alphas[2], order), norm_inter(values.size(), alphas[3], order)};
  return out;
}

}  // namespace

Decimal round_estimate(double value, int decimals) {
  const double magnitude = std::floor(std::abs(value) * std::pow(10.0, decimals) + 0.5 + 1e-9);
  return Decimal::from_scaled(std::int64_t(value < 0 ? -magnitude : magnitude), decimals);
}

double bootstrap_quantile(const std::vector<double>& sorted, double alpha) {
  return norm_inter(sorted.size(), alpha, [&](std::size_t k) { return sorted[k - 1]; });
}

BootstrapResult bootstrap(const Assessment& assessment, const BootstrapOptions& options) {
  const Framework& fw = *assessment.framework;
  const Dataset& data = *assessment.data;
  const ScoringKernel kernel(fw, data, assessment.profile);
  BootstrapResult out;
  out.options = options;
  out.plain = options.engine == BootstrapEngine::plain || !resampling::sums_engine_fits(data, kernel);
  const std::size_t results = assessment.results.size();
  const std::size_t b_count = options.resamples;
  const std::size_t values = fw.nodes.size() + kernel.facet_values();
  out.units.resize(results);
  if (options.keep_replicates) out.replicates.resize(results);

  const RowsByUnit rows(data);

  // Overall index per result and resample, for ranks and bands.
  std::vector<double> root(results * b_count, std::numeric_limits<double>::quiet_NaN());

  auto run_unit = [&](std::size_t i, std::vector<double>& replicate, std::vector<double>& scratch) {
    const UnitResult& result = assessment.results[i];
    UnitBootstrap& unit = out.units[i];
    unit.unit = result.unit;
    if (result.not_assessed_code() == "too_few_respondents" || result.respondents == 0) return;
    const std::size_t u = std::size_t(result.unit);
    const auto unit_rows = resampling::unit_rows(data, kernel, rows.of(u));
    auto engine = out.plain ? resampling::plain_engine(fw, kernel, unit_rows) : resampling::sums_engine(data, kernel, unit_rows);
    std::vector<double> estimate(values);
    engine->estimate(estimate);
    replicate.assign(b_count * values, 0);
    for (std::size_t b = 0; b < b_count; ++b) {
      resampling::Stream stream(options.seed, u, b);
      engine->resample(stream, std::span<double>(replicate.data() + b * values, values));
      root[i * b_count + b] = replicate[b * values];
    }
    std::vector<Moments> jackknife(values);
    if (options.bca) {
      for (std::size_t k = 0; k < values; ++k) jackknife[k].shift = std::isnan(estimate[k]) ? 0 : estimate[k];
      scratch.resize(values);
      for (std::size_t p = 0; p < unit_rows.size(); ++p) {
        engine->leave_out(p, scratch);
        for (std::size_t k = 0; k < values; ++k) {
          if (!std::isnan(scratch[k])) jackknife[k].add(scratch[k]);
        }
      }
    }
    std::vector<double> column(b_count);
    for (std::size_t k = 0; k < values; ++k) {
      for (std::size_t b = 0; b < b_count; ++b) column[b] = replicate[b * values + k];
      // A jackknife missing some leave-one-out values has no acceleration.
      const double a = options.bca && jackknife[k].n == double(unit_rows.size()) ? jackknife[k].acceleration() : kNotComputed;
      NodeBootstrap node = summarise(column, estimate[k], a, options);
      (k < fw.nodes.size() ? unit.nodes : unit.facets).push_back(node);
    }
    if (options.keep_replicates) out.replicates[i] = replicate;
  };

  // Two halves of about equal work (respondents x resamples), each on a core.
  std::size_t total = 0;
  for (const UnitResult& r : assessment.results) total += r.respondents + 1;
  std::size_t middle = 0;
  for (std::size_t seen = 0; middle < results && seen * 2 < total; ++middle) seen += assessment.results[middle].respondents + 1;
  auto run_range = [&](std::size_t from, std::size_t to) {
    std::vector<double> replicate, scratch;
    for (std::size_t i = from; i < to; ++i) run_unit(i, replicate, scratch);
  };
  run_in_parallel({[&] { run_range(0, middle); }, [&] { run_range(middle, results); }});

  // Ranks within each RankTier per resample, on the published values
  // (competition ranking, as assess()).
  std::vector<int> tier(results);
  for (std::size_t i = 0; i < results; ++i) tier[i] = int(rank_tier(assessment.unit_of(assessment.results[i])));
  std::vector<int> ranks(results * b_count, 0);
  std::vector<std::pair<std::int64_t, std::size_t>> keys;  // the published value's mantissa (all at the framework's decimals)
  for (std::size_t b = 0; b < b_count; ++b) {
    for (int t = 0; t < 3; ++t) {
      keys.clear();
      for (std::size_t i = 0; i < results; ++i) {
        const double v = root[i * b_count + b];
        if (tier[i] == t && assessment.results[i].assessed && !std::isnan(v)) keys.push_back({round_estimate(v, fw.score.decimals).mantissa(), i});
      }
      std::sort(keys.begin(), keys.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
      for (std::size_t k = 0; k < keys.size(); ++k) {
        const bool tie = k > 0 && keys[k - 1].first == keys[k].first;
        ranks[keys[k].second * b_count + b] = tie ? ranks[keys[k - 1].second * b_count + b] : int(k + 1);
      }
    }
  }
  const auto overall_sets = fw.band_sets_at(0);
  const BandSet* bands = overall_sets.empty() ? nullptr : &fw.band_sets[std::size_t(overall_sets[0])];
  std::vector<double> unit_ranks;
  for (std::size_t i = 0; i < results; ++i) {
    UnitBootstrap& unit = out.units[i];
    unit_ranks.clear();
    if (bands) unit.band_probability.assign(bands->bands.size(), 0.0);
    std::size_t top = 0;
    for (std::size_t b = 0; b < b_count; ++b) {
      const int r = ranks[i * b_count + b];
      if (r > 0) {
        unit_ranks.push_back(r);
        if (r <= options.top) ++top;
      }
      const double v = root[i * b_count + b];
      if (bands && !std::isnan(v)) {
        if (auto band = bands->band_of(round_estimate(v, fw.score.decimals))) unit.band_probability[std::size_t(*band)] += 1;
      }
    }
    const std::size_t assessed = unit.nodes.empty() ? 0 : unit.nodes[0].assessed;
    for (double& p : unit.band_probability) p = assessed > 0 ? p / double(assessed) : kNotComputed;
    unit.ranked = unit_ranks.size();
    if (unit_ranks.empty()) continue;
    std::sort(unit_ranks.begin(), unit_ranks.end());
    auto quantile7 = [&](double q) {  // R's default quantile (type 7)
      const double h = (double(unit_ranks.size()) - 1) * q;
      const std::size_t lo = std::size_t(std::floor(h));
      const std::size_t hi = std::min(lo + 1, unit_ranks.size() - 1);
      return unit_ranks[lo] + (h - double(lo)) * (unit_ranks[hi] - unit_ranks[lo]);
    };
    unit.median_rank = quantile7(0.5);
    unit.rank_low = int(std::floor(quantile7(0.05)));
    unit.rank_high = int(std::ceil(quantile7(0.95)));
    unit.p_top = double(top) / double(unit_ranks.size());
  }

  // Neighbours in the ranking (results are in report order: by tier, then
  // rank) whose difference the resamples cannot tell from zero.
  const double tail = (1 - options.confidence) / 2;
  std::vector<double> difference;
  for (std::size_t i = 0; i + 1 < results; ++i) {
    const UnitResult& upper = assessment.results[i];
    const UnitResult& lower = assessment.results[i + 1];
    if (!upper.assessed || !lower.assessed || tier[i] != tier[i + 1]) continue;
    difference.clear();
    for (std::size_t b = 0; b < b_count; ++b) {
      const double d = root[i * b_count + b] - root[(i + 1) * b_count + b];
      if (!std::isnan(d)) difference.push_back(d);
    }
    if (difference.empty()) continue;
    std::sort(difference.begin(), difference.end());
    Interval interval{bootstrap_quantile(difference, tail), bootstrap_quantile(difference, 1 - tail)};
    if (interval.low <= 0 && interval.high >= 0) out.unresolved.push_back({i, i + 1, interval});
  }
  return out;
}

}  // namespace siap
