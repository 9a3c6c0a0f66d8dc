// Uncertainty and sensitivity analysis. The treated indicators under every
// combination of the declared imputation, outlier and normalisation
// alternatives are computed once, by the same treat_indicators assess()
// uses, and laid out indicator-major over units; a replicate then only
// draws its choices, weights the tree and aggregates all units at once, and
// ranks them. rebuild_runs() is the straightforward reference: each run
// rebuilt from the raw data in exact arithmetic; the tests and the
// benchmark hold the two side by side.
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>

#include "siap/composite.hpp"
#include "siap/effective_weights.hpp"
#include "siap/uncertainty.hpp"
#include "util/parallel.hpp"

namespace siap {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Counter-based uniforms in [0, 1): a value depends only on (seed, stream,
// row, column), so any split of the runs over threads draws the same.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}
double uniform(std::uint64_t seed, std::uint64_t stream, std::uint64_t row, std::uint64_t column) {
  const std::uint64_t h = mix(mix(mix(mix(seed) ^ stream) ^ row) ^ column);
  return double(h >> 11) * 0x1.0p-53;
}
enum Stream : std::uint64_t { kA = 1, kB = 2, kWeights = 3, kBootstrap = 4 };

// Each input's number of alternatives.
std::size_t alternatives(const UncertaintySpec& spec, const Framework& fw, UncertainInput input) {
  switch (input) {
    case UncertainInput::weights:
      return spec.weight_noise > 0 ? spec.replicates : spec.weight_profiles.size();
    case UncertainInput::aggregation:
      return spec.aggregations.size();
    case UncertainInput::normalisation:
      return spec.normalisers.size();
    case UncertainInput::imputation:
      return spec.imputations.size();
    case UncertainInput::outliers:
      return spec.outliers.size();
    case UncertainInput::leave_out: {
      std::size_t treated = 0;
      for (int leaf : fw.leaves) treated += fw.nodes[std::size_t(leaf)].treatment ? 1 : 0;
      return 1 + treated;
    }
  }
  return 1;
}

// The runs' choices: row r of the design, as COINr's SA_sample lays it out
// (A, then B, then AB_1 … AB_d: A with column i from B).
struct Design {
  const UncertaintySpec& spec;
  std::vector<std::size_t> sizes;  // alternatives per input

  std::size_t runs() const { return spec.sensitivity ? spec.replicates * (sizes.size() + 2) : spec.replicates; }
  std::vector<int> choices(std::size_t run) const {
    const std::size_t n = spec.replicates, d = sizes.size();
    std::vector<int> out(d);
    for (std::size_t j = 0; j < d; ++j) {
      std::uint64_t stream = kA;
      std::size_t row = run;
      if (run >= n && run < 2 * n) {
        stream = kB;
        row = run - n;
      } else if (run >= 2 * n) {
        const std::size_t block = (run - 2 * n) / n;  // AB_block
        row = (run - 2 * n) % n;
        stream = block == j ? kB : kA;
      }
      out[j] = int(std::min<double>(double(sizes[j]) - 1, std::floor(uniform(spec.seed, stream, row, j) * double(sizes[j]))));
    }
    return out;
  }
};

int chosen(const UncertaintySpec& spec, const std::vector<int>& choices, UncertainInput input) {
  for (std::size_t j = 0; j < spec.inputs.size(); ++j) {
    if (spec.inputs[j] == input) return choices[j];
  }
  return -1;  // not varied: as declared
}

std::vector<int> treated_leaves(const Framework& fw) {
  std::vector<int> out;
  for (int leaf : fw.leaves) {
    if (fw.nodes[std::size_t(leaf)].treatment) out.push_back(leaf);
  }
  return out;
}

// A weight as exact decimal with 12 places, so that the engine and the
// rebuild use the same number.
Decimal quantised(double w) { return Decimal::from_scaled(std::llround(w * 1e12), 12); }

// Every node's base weight for a run: the chosen profile's or the tree's,
// times the chosen noise set's factors.
std::vector<Decimal> run_weights(const Framework& fw, const UncertaintySpec& spec, const std::vector<int>& choices) {
  const int w = chosen(spec, choices, UncertainInput::weights);
  const int profile = w >= 0 && spec.weight_noise == 0 ? spec.weight_profiles[std::size_t(w)] : -1;
  std::vector<Decimal> weights = effective_weights(fw, profile).weight;
  if (w >= 0 && spec.weight_noise > 0) {
    for (std::size_t n = 1; n < weights.size(); ++n) {
      const double factor = 1 + spec.weight_noise * (2 * uniform(spec.seed, kWeights, std::uint64_t(w), n) - 1);
      weights[n] = quantised(weights[n].to_double() * factor);
    }
  }
  return weights;
}

// The framework with a run's treatment choices applied to every treated leaf.
Framework with_treatments(const Framework& fw, const UncertaintySpec& spec, int imputation, int outliers, int normaliser) {
  Framework copy = fw;
  for (int leaf : fw.leaves) {
    auto& t = copy.nodes[std::size_t(leaf)].treatment;
    if (!t) continue;
    if (imputation >= 0 && spec.imputations[std::size_t(imputation)]) t->impute = *spec.imputations[std::size_t(imputation)];
    if (outliers >= 0 && spec.outliers[std::size_t(outliers)]) {
      t->outliers = *spec.outliers[std::size_t(outliers)] ? OutlierTreatment::winsorise : OutlierTreatment::none;
    }
    if (normaliser >= 0 && !spec.normalisers[std::size_t(normaliser)].as_declared) {
      const NormaliserChoice& c = spec.normalisers[std::size_t(normaliser)];
      t->normalise = c.method;
      t->range_low = c.range_low;
      t->range_high = c.range_high;
      t->z_mean = c.z_mean;
      t->z_sd = c.z_sd;
    }
  }
  return copy;
}

// Leaves' values per combination of treatment choices, indicator-major:
// value[leaf * units + u], with missing values stored as 1 (so that any
// transform of them is finite) and present[] 0.
struct LeafMatrix {
  std::vector<double> value, log_value, present;
  std::vector<std::uint8_t> complete;  // per node: present for every unit in the study
};

class Engine {
 public:
  Engine(const Framework& fw, const Dataset& data, const UncertaintySpec& spec) : fw_(fw), data_(data), spec_(spec), units_(data.units.size()) {
    for (UncertainInput input : spec.inputs) design_.sizes.push_back(alternatives(spec, fw, input));
    leaves_ = treated_leaves(fw);
    dims_ = {std::max<std::size_t>(spec.imputations.size(), 1), std::max<std::size_t>(spec.outliers.size(), 1),
             std::max<std::size_t>(spec.normalisers.size(), 1)};
    matrices_.resize(dims_[0] * dims_[1] * dims_[2]);
    // The raw values once; each combination of treatment choices treats a
    // copy of them. Combinations are independent: two halves on two cores.
    const auto raw = raw_unit_values(fw, data, -1, in_study_);
    auto build_range = [&](std::size_t from, std::size_t to) {
      for (std::size_t k = from; k < to; ++k) build(k / (dims_[1] * dims_[2]), k / dims_[2] % dims_[1], k % dims_[2], raw);
    };
    const std::size_t combos = matrices_.size();
    run_in_parallel({[&] { build_range(0, combos / 2); }, [&] { build_range(combos / 2, combos); }});
    slot_.assign(fw.nodes.size(), -1);
    for (std::size_t n = fw.nodes.size(); n-- > 0;) {
      if (fw.nodes[n].children.empty()) continue;
      slot_[n] = int(internal_.size());
      internal_.push_back(int(n));  // children first
    }
    for (const Node& node : fw.nodes) {
      min_coverage_.push_back(double(Number::of(node.aggregation.min_coverage).value()));
      power_.push_back(node.aggregation.power.to_double());
    }
    // Base weights: the tree's, or each profile alternative's.
    auto weights_of = [&](int profile) {
      std::vector<double> out;
      for (const Decimal& d : effective_weights(fw, profile).weight) out.push_back(d.to_double());
      return out;
    };
    if (spec.weight_noise == 0 && !spec.weight_profiles.empty()) {
      for (int p : spec.weight_profiles) base_weights_.push_back(weights_of(p));
    } else {
      base_weights_.push_back(weights_of(-1));
    }
  }

  const Design& design() const { return design_; }

  // Buffers a thread reuses from run to run.
  struct Workspace {
    std::vector<double> value, log_value, present;  // per internal node slot, over units
    std::vector<std::uint8_t> has_value, has_log;   // per slot: which of value / log_value this run computed
    std::vector<std::uint8_t> complete;             // per slot: present for every unit this run
    std::vector<double> acc, wsum, weight;
    std::vector<std::uint8_t> excluded;
  };

  // The target node's value for every unit in one run (NaN: not assessed).
  // `order_only`: a value with the same order will do (a geometric target's
  // log), for ranking.
  void run(std::size_t r, Workspace& ws, std::vector<double>& out, bool order_only = false) const {
    const std::vector<int> choices = design_.choices(r);
    const auto pick = [&](UncertainInput input) { return std::max(chosen(spec_, choices, input), 0); };
    const LeafMatrix& leaves =
        matrices_[(std::size_t(pick(UncertainInput::imputation)) * dims_[1] + std::size_t(pick(UncertainInput::outliers))) * dims_[2] +
                  std::size_t(pick(UncertainInput::normalisation))];
    const std::size_t nodes = fw_.nodes.size(), units = units_;
    // Weights: the profile's (or the tree's), times this run's noise set,
    // rounded to 12 decimals as run_weights() gives them to the rebuild.
    const int w = chosen(spec_, choices, UncertainInput::weights);
    const std::vector<double>& base = base_weights_[w >= 0 && spec_.weight_noise == 0 ? std::size_t(w) : 0];
    ws.weight.assign(base.begin(), base.end());
    if (w >= 0 && spec_.weight_noise > 0) {
      for (std::size_t n = 1; n < nodes; ++n) {
        const double factor = 1 + spec_.weight_noise * (2 * uniform(spec_.seed, kWeights, std::uint64_t(w), n) - 1);
        ws.weight[n] = double(std::llround(base[n] * factor * 1e12)) / 1e12;
      }
    }
    ws.excluded.assign(nodes, 0);
    const int out_leaf = chosen(spec_, choices, UncertainInput::leave_out);
    if (out_leaf > 0) ws.excluded[std::size_t(leaves_[std::size_t(out_leaf - 1)])] = 1;
    const int agg = chosen(spec_, choices, UncertainInput::aggregation);
    const AggregationChoice* aggregation =
        agg >= 0 && !spec_.aggregations[std::size_t(agg)].as_declared ? &spec_.aggregations[std::size_t(agg)] : nullptr;

    const std::size_t slots = internal_.size();
    ws.value.resize(slots * units);
    ws.log_value.resize(slots * units);
    ws.present.resize(slots * units);
    ws.has_value.assign(slots, 0);
    ws.has_log.assign(slots, 0);
    ws.complete.assign(slots, 0);
    ws.acc.resize(units);
    ws.wsum.resize(units);
    double* __restrict acc = ws.acc.data();
    double* __restrict wsum = ws.wsum.data();
    // A child's values over units, as the parent's mean needs them.
    auto values_of = [&](int c) -> const double* {
      if (fw_.nodes[std::size_t(c)].children.empty()) return leaves.value.data() + std::size_t(c) * units;
      const std::size_t s = std::size_t(slot_[std::size_t(c)]);
      double* v = ws.value.data() + s * units;
      if (!ws.has_value[s]) {
        const double* l = ws.log_value.data() + s * units;
        for (std::size_t u = 0; u < units; ++u) v[u] = std::exp(l[u]);
        ws.has_value[s] = 1;
      }
      return v;
    };
    auto logs_of = [&](int c) -> const double* {
      if (fw_.nodes[std::size_t(c)].children.empty()) return leaves.log_value.data() + std::size_t(c) * units;
      const std::size_t s = std::size_t(slot_[std::size_t(c)]);
      double* l = ws.log_value.data() + s * units;
      if (!ws.has_log[s]) {
        const double* v = ws.value.data() + s * units;
        for (std::size_t u = 0; u < units; ++u) l[u] = std::log(v[u]);
        ws.has_log[s] = 1;
      }
      return l;
    };
    for (std::size_t k = 0; k < slots; ++k) {
      const int n = internal_[k];
      const Node& node = fw_.nodes[std::size_t(n)];
      const AggregationMethod method = aggregation ? aggregation->method : node.aggregation.method;
      const double p = aggregation ? aggregation->power.to_double() : power_[std::size_t(n)];
      std::fill(acc, acc + units, 0.0);
      double total = 0, complete = 0;  // weight of the children present, and of those present for every unit
      bool partial = false;
      for (int c : node.children) {
        if (ws.excluded[std::size_t(c)]) continue;
        const double cw = ws.weight[std::size_t(c)];
        total += cw;
        const bool leaf = fw_.nodes[std::size_t(c)].children.empty();
        const double* __restrict present =
            leaf ? leaves.present.data() + std::size_t(c) * units : ws.present.data() + std::size_t(slot_[std::size_t(c)]) * units;
        const bool full = leaf ? leaves.complete[std::size_t(c)] != 0 : ws.complete[std::size_t(slot_[std::size_t(c)])] != 0;
        if (full) {
          complete += cw;
        } else {
          if (!partial) std::fill(wsum, wsum + units, 0.0);
          partial = true;
          for (std::size_t u = 0; u < units; ++u) wsum[u] += cw * present[u];
        }
        // Missing values are stored as 1 (log 0), so multiplying by
        // `present` is needed only where it is not all ones.
        const double* __restrict x = method == AggregationMethod::geometric ? logs_of(c) : values_of(c);
        switch (method) {
          case AggregationMethod::arithmetic:
          case AggregationMethod::geometric:
            if (full) {
              for (std::size_t u = 0; u < units; ++u) acc[u] += cw * x[u];
            } else {
              for (std::size_t u = 0; u < units; ++u) acc[u] += cw * present[u] * x[u];
            }
            break;
          case AggregationMethod::harmonic:
            for (std::size_t u = 0; u < units; ++u) acc[u] += cw * present[u] / x[u];
            break;
          case AggregationMethod::power:
            for (std::size_t u = 0; u < units; ++u) acc[u] += cw * present[u] * std::pow(x[u], p);
            break;
        }
      }
      double* __restrict value = ws.value.data() + k * units;
      double* __restrict logv = ws.log_value.data() + k * units;
      double* __restrict present = ws.present.data() + k * units;
      if (total == 0) {  // every child left out: so is this node
        ws.excluded[std::size_t(n)] = 1;
        continue;
      }
      const double minimum = min_coverage_[std::size_t(n)];
      bool all_present = true;
      for (std::size_t u = 0; u < units; ++u) {
        const double have = complete + (partial ? wsum[u] : 0.0);
        const bool ok = have > 0 && have / total >= minimum - 1e-12;
        present[u] = ok ? 1.0 : 0.0;
        all_present &= ok;
        const double mean = ok ? acc[u] / have : 0.0;
        switch (method) {
          case AggregationMethod::arithmetic:
            value[u] = ok ? mean : 1.0;
            break;
          case AggregationMethod::geometric:
            logv[u] = mean;  // its value when needed: exp, lazily
            break;
          case AggregationMethod::harmonic:
            value[u] = ok ? 1 / mean : 1.0;
            break;
          case AggregationMethod::power:
            value[u] = ok ? std::pow(mean, 1 / p) : 1.0;
            break;
        }
      }
      ws.complete[k] = all_present ? 1 : 0;
      ws.has_value[k] = method != AggregationMethod::geometric;
      ws.has_log[k] = method == AggregationMethod::geometric;
    }
    out.assign(units, kNaN);
    if (ws.excluded[std::size_t(spec_.target)]) return;
    const std::size_t t = std::size_t(slot_[std::size_t(spec_.target)]);
    const double* present = ws.present.data() + t * units;
    // Ranks need only the order: a geometric target is ranked on its log.
    const bool logs = !ws.has_value[t];
    const double* v = logs ? ws.log_value.data() + t * units : ws.value.data() + t * units;
    for (std::size_t u = 0; u < units; ++u) {
      if (in_study_[u] && present[u] > 0) out[u] = logs && !order_only ? std::exp(v[u]) : v[u];
    }
  }

 private:
  void build(std::size_t i, std::size_t o, std::size_t m, const std::vector<std::vector<NodeValue>>& raw) {
    const Framework copy = with_treatments(fw_, spec_, spec_.imputations.empty() ? -1 : int(i), spec_.outliers.empty() ? -1 : int(o),
                                           spec_.normalisers.empty() ? -1 : int(m));
    auto values = raw;
    treat_indicators(copy, data_, values, in_study_);
    LeafMatrix& mat = matrices_[(i * dims_[1] + o) * dims_[2] + m];
    mat.value.assign(fw_.nodes.size() * units_, 1.0);
    mat.log_value.assign(fw_.nodes.size() * units_, 0.0);
    mat.present.assign(fw_.nodes.size() * units_, 0.0);
    mat.complete.assign(fw_.nodes.size(), 0);
    for (int leaf : fw_.leaves) {
      bool complete = true;
      for (std::size_t u = 0; u < units_; ++u) complete &= values[u][std::size_t(leaf)].assessed || !in_study_[u];
      mat.complete[std::size_t(leaf)] = complete ? 1 : 0;
      for (std::size_t u = 0; u < units_; ++u) {
        const NodeValue& v = values[u][std::size_t(leaf)];
        if (!v.assessed) continue;
        const double x = double(v.exact.value());
        const std::size_t at = std::size_t(leaf) * units_ + u;
        mat.value[at] = x;
        mat.log_value[at] = x > 0 ? std::log(x) : -std::numeric_limits<double>::infinity();
        mat.present[at] = 1.0;
      }
    }
  }

  const Framework& fw_;
  const Dataset& data_;
  const UncertaintySpec& spec_;
  std::size_t units_;
  Design design_{spec_, {}};
  std::vector<int> leaves_;
  std::vector<int> internal_;  // internal nodes, children before parents
  std::vector<int> slot_;      // per node: its position in internal_, or -1
  std::vector<double> min_coverage_, power_;
  std::vector<std::vector<double>> base_weights_;
  std::array<std::size_t, 3> dims_{};
  std::vector<LeafMatrix> matrices_;
  std::vector<bool> in_study_;
};

// Competition ranks (1 = highest value) within each unit's rank tier; 0 for
// NaN. `tiers` lists each tier's units; keys are sorted as (value, unit)
// pairs, which keeps the comparisons in one cache line.
void rank_values(const std::vector<double>& value, const std::vector<std::vector<std::uint32_t>>& tiers,
                 std::vector<std::pair<double, std::uint32_t>>& keys, std::vector<int>& rank) {
  rank.assign(value.size(), 0);
  for (const auto& tier : tiers) {
    keys.clear();
    for (std::uint32_t u : tier) {
      if (!std::isnan(value[u])) keys.emplace_back(-value[u], u);
    }
    std::sort(keys.begin(), keys.end());
    for (std::size_t k = 0; k < keys.size(); ++k) {
      rank[keys[k].second] = k > 0 && keys[k - 1].first == keys[k].first ? rank[keys[k - 1].second] : int(k + 1);
    }
  }
}

// R's quantile(type = 7) from a histogram of integer ranks 1..size-1.
double quantile(const std::vector<std::uint32_t>& histogram, std::size_t count, double p) {
  if (count == 0) return kNaN;
  const double h = double(count - 1) * p;
  const std::size_t lo = std::size_t(std::floor(h));
  auto nth = [&](std::size_t k) {
    std::size_t seen = 0;
    for (std::size_t r = 0; r < histogram.size(); ++r) {
      seen += histogram[r];
      if (k < seen) return double(r);
    }
    return double(histogram.size() - 1);
  };
  const double a = nth(lo);
  const double b = lo + 1 < count ? nth(lo + 1) : a;
  return a + (h - double(lo)) * (b - a);
}

}  // namespace

std::vector<SensitivityIndex> sensitivity_indices(const std::vector<double>& y, std::size_t n, std::size_t d, std::size_t bootstrap,
                                                  std::uint64_t seed, double* variance) {
  std::vector<SensitivityIndex> out(d);
  const double* ya = y.data();
  const double* yb = y.data() + n;
  // var(c(yA, yB)), R's sample variance.
  double mean = 0;
  for (std::size_t i = 0; i < 2 * n; ++i) mean += y[i];
  mean /= double(2 * n);
  double ss = 0;
  for (std::size_t i = 0; i < 2 * n; ++i) ss += (y[i] - mean) * (y[i] - mean);
  const double var = ss / double(2 * n - 1);
  if (variance) *variance = var;
  for (std::size_t j = 0; j < d; ++j) {
    const double* yab = y.data() + (2 + j) * n;
    double first = 0, total = 0;
    for (std::size_t i = 0; i < n; ++i) {
      first += yb[i] * (yab[i] - ya[i]);
      total += (ya[i] - yab[i]) * (ya[i] - yab[i]);
    }
    out[j].first = first / double(n) / var;
    out[j].total = total / (2 * double(n) * var);
    if (bootstrap == 0) continue;
    std::vector<double> firsts(bootstrap), totals(bootstrap);
    for (std::size_t b = 0; b < bootstrap; ++b) {
      double f = 0, t = 0;
      for (std::size_t i = 0; i < n; ++i) {
        const std::size_t k = std::min(n - 1, std::size_t(uniform(seed, kBootstrap, b, j * n + i) * double(n)));
        f += yb[k] * (yab[k] - ya[k]);
        t += (ya[k] - yab[k]) * (ya[k] - yab[k]);
      }
      firsts[b] = f / double(n) / var;
      totals[b] = t / (2 * double(n) * var);
    }
    auto q = [](std::vector<double> v, double p) {
      std::sort(v.begin(), v.end());
      const double h = double(v.size() - 1) * p;
      const std::size_t lo = std::size_t(std::floor(h));
      return lo + 1 < v.size() ? v[lo] + (h - double(lo)) * (v[lo + 1] - v[lo]) : v[lo];
    };
    out[j].first_q05 = q(firsts, 0.05);
    out[j].first_q95 = q(firsts, 0.95);
    out[j].total_q05 = q(totals, 0.05);
    out[j].total_q95 = q(totals, 0.95);
  }
  return out;
}

UncertaintyResult analyse_uncertainty(const Framework& fw, const Dataset& data, const Assessment& nominal, const UncertaintySpec& spec) {
  const Engine engine(fw, data, spec);
  const std::size_t units = data.units.size();
  const std::size_t runs = engine.design().runs();
  const std::size_t rank_runs = spec.sensitivity ? 2 * spec.replicates : spec.replicates;  // COINr: rank statistics from A and B
  std::vector<std::vector<std::uint32_t>> tiers(3);
  std::vector<int> nominal_rank(units, 0);
  for (std::size_t u = 0; u < units; ++u) tiers[std::size_t(rank_tier(data.units[u]))].push_back(std::uint32_t(u));
  for (const UnitResult& r : nominal.results) nominal_rank[std::size_t(r.unit)] = r.rank;

  std::vector<double> y(runs, 0.0);
  auto work = [&](std::size_t from, std::size_t to, std::vector<std::uint32_t>& histogram) {
    histogram.assign(units * (units + 1), 0);
    Engine::Workspace scratch;
    std::vector<double> value;
    std::vector<std::pair<double, std::uint32_t>> keys;
    std::vector<int> rank;
    for (std::size_t r = from; r < to; ++r) {
      engine.run(r, scratch, value, true);
      rank_values(value, tiers, keys, rank);
      double change = 0;
      std::size_t counted = 0;
      for (std::size_t u = 0; u < units; ++u) {
        if (rank[u] == 0) continue;
        if (r < rank_runs) ++histogram[u * (units + 1) + std::size_t(rank[u])];
        if (nominal_rank[u] > 0) {
          change += std::fabs(double(rank[u] - nominal_rank[u]));
          ++counted;
        }
      }
      y[r] = counted ? change / double(counted) : 0;
    }
  };
  std::vector<std::uint32_t> h1, h2;
  const std::size_t middle = runs / 2;
  run_in_parallel({[&] { work(0, middle, h1); }, [&] { work(middle, runs, h2); }});
  for (std::size_t i = 0; i < h1.size(); ++i) h1[i] += h2[i];

  UncertaintyResult result;
  result.spec = &spec;
  result.runs = runs;
  for (std::size_t u = 0; u < units; ++u) {
    UnitRanks ranks;
    ranks.unit = int(u);
    ranks.nominal = nominal_rank[u];
    std::vector<std::uint32_t> histogram(h1.begin() + std::ptrdiff_t(u * (units + 1)), h1.begin() + std::ptrdiff_t((u + 1) * (units + 1)));
    double sum = 0;
    for (std::size_t r = 1; r < histogram.size(); ++r) {
      ranks.ranked += histogram[r];
      sum += double(r) * histogram[r];
    }
    ranks.mean = ranks.ranked ? sum / double(ranks.ranked) : kNaN;
    ranks.median = quantile(histogram, ranks.ranked, 0.5);
    ranks.q05 = quantile(histogram, ranks.ranked, 0.05);
    ranks.q95 = quantile(histogram, ranks.ranked, 0.95);
    result.units.push_back(ranks);
  }
  std::stable_sort(result.units.begin(), result.units.end(), [](const UnitRanks& a, const UnitRanks& b) {
    if ((a.nominal > 0) != (b.nominal > 0)) return a.nominal > 0;
    return a.nominal < b.nominal;
  });
  if (spec.sensitivity) {
    result.indices = sensitivity_indices(y, spec.replicates, spec.inputs.size(), spec.bootstrap, spec.seed, &result.output_variance);
    for (std::size_t j = 0; j < spec.inputs.size(); ++j) result.indices[j].input = spec.inputs[j];
  }
  if (spec.keep_parameters) {
    for (std::size_t r = 0; r < spec.replicates; ++r) {
      const std::vector<int> choices = engine.design().choices(r);
      result.parameters.insert(result.parameters.end(), choices.begin(), choices.end());
    }
  }
  return result;
}

std::vector<std::vector<double>> engine_runs(const Framework& fw, const Dataset& data, const UncertaintySpec& spec, std::size_t runs) {
  const Engine engine(fw, data, spec);
  std::vector<std::vector<double>> out(runs);
  Engine::Workspace scratch;
  for (std::size_t r = 0; r < runs; ++r) engine.run(r, scratch, out[r]);
  return out;
}

std::vector<std::vector<double>> rebuild_runs(const Framework& fw, const Dataset& data, const UncertaintySpec& spec, std::size_t runs) {
  Design design{spec, {}};
  for (UncertainInput input : spec.inputs) design.sizes.push_back(alternatives(spec, fw, input));
  const std::vector<int> leaves = treated_leaves(fw);
  std::vector<std::vector<double>> out;
  for (std::size_t r = 0; r < runs; ++r) {
    const std::vector<int> choices = design.choices(r);
    Framework copy = with_treatments(fw, spec, chosen(spec, choices, UncertainInput::imputation), chosen(spec, choices, UncertainInput::outliers),
                                     chosen(spec, choices, UncertainInput::normalisation));
    // Weights (profile and noise) written into the tree itself.
    const std::vector<Decimal> weights = run_weights(fw, spec, choices);
    for (std::size_t n = 0; n < copy.nodes.size(); ++n) copy.nodes[n].weight = weights[n];
    copy.profiles.clear();
    const int agg = chosen(spec, choices, UncertainInput::aggregation);
    if (agg >= 0 && !spec.aggregations[std::size_t(agg)].as_declared) {
      for (Node& node : copy.nodes) {
        node.aggregation.method = spec.aggregations[std::size_t(agg)].method;
        node.aggregation.power = spec.aggregations[std::size_t(agg)].power;
      }
    }
    // Leaving an indicator out: removed from its parent, and a parent left
    // without children from its own, up the tree.
    const int out_leaf = chosen(spec, choices, UncertainInput::leave_out);
    if (out_leaf > 0) {
      int n = leaves[std::size_t(out_leaf - 1)];
      while (n > 0) {
        auto& siblings = copy.nodes[std::size_t(copy.nodes[std::size_t(n)].parent)].children;
        siblings.erase(std::remove(siblings.begin(), siblings.end(), n), siblings.end());
        if (!siblings.empty()) break;
        n = copy.nodes[std::size_t(n)].parent;
      }
    }
    TreatmentLog log;
    const auto values = composite_values(copy, data, -1, log);
    std::vector<double> target(data.units.size(), kNaN);
    for (std::size_t u = 0; u < data.units.size(); ++u) {
      const NodeValue& v = values[u][std::size_t(spec.target)];
      if (v.assessed) target[u] = double(v.exact.value());
    }
    out.push_back(std::move(target));
  }
  return out;
}

}  // namespace siap
