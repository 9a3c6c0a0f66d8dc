// Each treated indicator across the units, in COINr's order: denominator,
// imputation, outlier treatment, then normalisation with the direction
// applied. Values stay exact rationals where the method is rational
// (ratios, means, medians, min-max, goalposts, ranks); z-scores and logs
// continue approximately (Number marks them inexact).
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>
#include <string>
#include <unordered_map>

#include "siap/composite.hpp"
#include "siap/rollup.hpp"

namespace siap {

double sample_skewness(const std::vector<double>& x) {
  const std::size_t n = x.size();
  if (n < 3) return std::numeric_limits<double>::quiet_NaN();
  const double mean = std::accumulate(x.begin(), x.end(), 0.0) / double(n);
  double m2 = 0, m3 = 0;
  for (double v : x) {
    const double d = v - mean;
    m2 += d * d;
    m3 += d * d * d;
  }
  if (m2 == 0) return std::numeric_limits<double>::quiet_NaN();
  const double g = std::sqrt(double(n)) * m3 / std::pow(m2, 1.5);
  return g * std::sqrt(double(n) * double(n - 1)) / double(n - 2);
}

double sample_kurtosis(const std::vector<double>& x) {
  const std::size_t n = x.size();
  if (n < 4) return std::numeric_limits<double>::quiet_NaN();
  const double mean = std::accumulate(x.begin(), x.end(), 0.0) / double(n);
  double m2 = 0, m4 = 0;
  for (double v : x) {
    const double d = v - mean;
    m2 += d * d;
    m4 += d * d * d * d;
  }
  if (m2 == 0) return std::numeric_limits<double>::quiet_NaN();
  const double r = double(n) * m4 / (m2 * m2);
  const double dn = double(n);
  return ((dn + 1) * (r - 3) + 6) * (dn - 1) / ((dn - 2) * (dn - 3));
}

namespace {

// COINr's check_SkewKurt: passes when |skew| < limit or kurtosis < limit
// (a comparison with NaN fails, as in R, where NA makes the test NA; too
// few values to judge pass here, as nothing can be treated).
bool passes(const std::vector<double>& x, const Treatment& t, double& skew, double& kurtosis) {
  skew = sample_skewness(x);
  kurtosis = sample_kurtosis(x);
  if (std::isnan(skew) || std::isnan(kurtosis)) return true;
  return std::fabs(skew) < double(Number::of(t.skew_limit).value()) || kurtosis < double(Number::of(t.kurtosis_limit).value());
}

std::vector<double> as_doubles(const std::vector<Number>& x) {
  std::vector<double> out;
  out.reserve(x.size());
  for (const Number& v : x) out.push_back(double(v.value()));
  return out;
}

Number median_of(std::vector<Number> x) {
  std::sort(x.begin(), x.end(), [](const Number& a, const Number& b) { return a < b; });
  const std::size_t n = x.size();
  return n % 2 == 1 ? x[n / 2] : (x[n / 2 - 1] + x[n / 2]) / Number::of(2);
}

Number mean_of(const std::vector<Number>& x) {
  Number sum;
  for (const Number& v : x) sum = sum + v;
  return sum / Number::of(std::int64_t(x.size()));
}

// One indicator's values over the units that take part, present or not.
struct Column {
  std::vector<int> units;     // Dataset unit indices
  std::vector<bool> present;  // parallel to units
  std::vector<Number> value;  // parallel to units; meaningful when present
};

void denominate(const Treatment& t, const Dataset& data, int leaf, Column& col, std::vector<TreatmentEvent>& events) {
  if (t.denominator == Denominator::none) return;
  const Dataset::DenominatorValues* column = nullptr;
  if (t.denominator == Denominator::column) {
    for (const auto& c : data.denominators) {
      if (c.column == t.denominator_column) column = &c;
    }
  }
  const PopulationTable& table = t.denominator == Denominator::area ? PopulationTable::builtin_area() : PopulationTable::builtin();
  for (std::size_t i = 0; i < col.units.size(); ++i) {
    if (!col.present[i]) continue;
    const Unit& unit = data.units[std::size_t(col.units[i])];
    std::optional<Number> divisor;
    if (t.denominator == Denominator::column) {
      if (column && std::size_t(col.units[i]) < column->by_unit.size() && column->by_unit[std::size_t(col.units[i])]) {
        divisor = Number::of(*column->by_unit[std::size_t(col.units[i])]);
      }
    } else if (auto d = unit.code().empty() ? std::nullopt : table.find(unit.code())) {
      // The table's counts are whole numbers and its areas have three
      // decimals: as exact rationals the quotient stays exact.
      divisor = Number::ratio(Number::int128(std::llround(*d * 1000)), 1000);
    }
    if (!divisor) {
      events.push_back({TreatmentEvent::Kind::no_denominator, leaf, col.units[i], double(col.value[i].value()), 0});
      col.present[i] = false;
      continue;
    }
    col.value[i] = col.value[i] / *divisor * Number::of(t.per);
  }
}

void impute(const Treatment& t, const Dataset& data, int leaf, Column& col, TreatedIndicator& info, std::vector<TreatmentEvent>& events) {
  if (t.impute == Imputation::none) return;
  const bool by_province = t.impute == Imputation::province_mean || t.impute == Imputation::province_median;
  const bool by_type = t.impute == Imputation::type_mean || t.impute == Imputation::type_median;
  const bool median = t.impute == Imputation::median || t.impute == Imputation::province_median || t.impute == Imputation::type_median;
  auto group_of = [&](std::size_t i) -> std::string {
    const Unit& unit = data.units[std::size_t(col.units[i])];
    if (by_province) return unit.province_code();
    if (by_type) return std::to_string(int(unit.level));
    return "";
  };
  std::unordered_map<std::string, std::vector<Number>> groups;
  for (std::size_t i = 0; i < col.units.size(); ++i) {
    if (col.present[i]) groups[group_of(i)].push_back(col.value[i]);
  }
  std::unordered_map<std::string, Number> fill;
  for (const auto& [key, values] : groups) fill.emplace(key, median ? median_of(values) : mean_of(values));
  for (std::size_t i = 0; i < col.units.size(); ++i) {
    if (col.present[i]) continue;
    auto it = fill.find(group_of(i));
    if (it == fill.end()) {
      events.push_back({TreatmentEvent::Kind::not_imputed, leaf, col.units[i], 0, 0});
      continue;
    }
    col.value[i] = it->second;
    col.present[i] = true;
    ++info.imputed;
    events.push_back({TreatmentEvent::Kind::imputed, leaf, col.units[i], 0, double(it->second.value())});
  }
}

// COINr's Treat with its defaults: winsorise (winsorise()), and if that
// does not pass within winmax points, log_CT of the original values.
void treat_outliers(const Treatment& t, int leaf, Column& col, TreatedIndicator& info, std::vector<TreatmentEvent>& events) {
  std::vector<std::size_t> at;  // positions with a value
  for (std::size_t i = 0; i < col.units.size(); ++i) {
    if (col.present[i]) at.push_back(i);
  }
  std::vector<Number> x;
  for (std::size_t i : at) x.push_back(col.value[i]);
  double skew = 0, kurtosis = 0;
  info.passed_before = passes(as_doubles(x), t, skew, kurtosis);
  info.skew_before = info.skew_after = skew;
  info.kurtosis_before = info.kurtosis_after = kurtosis;
  if (t.outliers == OutlierTreatment::none || info.passed_before) return;
  const std::vector<Number> original = x;
  std::vector<std::size_t> high, low;  // the latest points set at the maximum / minimum, as COINr records them
  std::size_t treated = 0;
  bool passing = false;
  while (!passing && treated < std::size_t(t.winmax)) {
    const bool right = !(sample_skewness(as_doubles(x)) < 0);
    Number extreme = x[0];
    for (const Number& v : x)
      extreme = right ? std::max(extreme, v, [](const Number& a, const Number& b) { return a < b; })
                      : std::min(extreme, v, [](const Number& a, const Number& b) { return a < b; });
    std::vector<std::size_t> tied;
    std::optional<Number> next;
    for (std::size_t k = 0; k < x.size(); ++k) {
      if (x[k] == extreme) {
        tied.push_back(k);
      } else if (!next || (right ? *next < x[k] : x[k] < *next)) {
        next = x[k];
      }
    }
    if (!next) break;  // every value equal: nothing to winsorise
    for (std::size_t k : tied) x[k] = *next;
    (right ? high : low) = tied;
    treated = high.size() + low.size();
    passing = passes(as_doubles(x), t, skew, kurtosis);
  }
  if (passing) {
    info.winsorised = int(treated);
    info.skew_after = skew;
    info.kurtosis_after = kurtosis;
    for (const auto* set : {&high, &low}) {
      for (std::size_t k : *set)
        events.push_back({TreatmentEvent::Kind::winsorised, leaf, col.units[at[k]], double(original[k].value()), double(x[k].value())});
    }
    for (std::size_t k = 0; k < at.size(); ++k) col.value[at[k]] = x[k];
    return;
  }
  // log_CT: log(x - min + 0.01 (max - min)) of the original values.
  Number lo = original[0], hi = original[0];
  for (const Number& v : original) {
    if (v < lo) lo = v;
    if (hi < v) hi = v;
  }
  const Number shift = lo - (hi - lo) * Number::ratio(1, 100);
  std::vector<Number> logged;
  for (const Number& v : original) logged.push_back(Number::approximate(std::log((v - shift).value())));
  for (std::size_t k = 0; k < at.size(); ++k) col.value[at[k]] = logged[k];
  info.log_transformed = true;
  passes(as_doubles(logged), t, info.skew_after, info.kurtosis_after);
}

// Onto [low, high] from [0, 1].
Number onto(const Treatment& t, const Number& unit_interval) {
  const Number lo = Number::of(t.range_low), hi = Number::of(t.range_high);
  return lo + unit_interval * (hi - lo);
}

void normalise(const Treatment& t, Direction direction, int leaf, Column& col, TreatedIndicator& info, std::vector<TreatmentEvent>& events) {
  const bool higher = direction == Direction::higher_is_better;
  std::vector<std::size_t> at;
  for (std::size_t i = 0; i < col.units.size(); ++i) {
    if (col.present[i]) at.push_back(i);
  }
  if (at.empty()) return;
  const auto less = [](const Number& a, const Number& b) { return a < b; };
  Number lo = col.value[at[0]], hi = col.value[at[0]];
  for (std::size_t i : at) {
    lo = std::min(lo, col.value[i], less);
    hi = std::max(hi, col.value[i], less);
  }
  info.min = double(lo.value());
  info.max = double(hi.value());
  const Number zero = Number::of(0), one = Number::of(1);
  auto clamp01 = [&](Number v) { return v < zero ? zero : one < v ? one : v; };
  auto drop_all = [&] {
    info.constant = true;
    for (std::size_t i : at) col.present[i] = false;
  };
  switch (t.normalise) {
    case Normaliser::minmax: {
      if (lo == hi) return drop_all();
      for (std::size_t i : at) col.value[i] = onto(t, (higher ? col.value[i] - lo : hi - col.value[i]) / (hi - lo));
      return;
    }
    case Normaliser::zscore: {
      std::vector<Number> x;
      for (std::size_t i : at) x.push_back(col.value[i]);
      const Number mean = mean_of(x);
      if (x.size() < 2 || lo == hi) return drop_all();
      Number ss;
      for (const Number& v : x) ss = ss + (v - mean) * (v - mean);
      const Number sd = Number::approximate(std::sqrt((ss / Number::of(std::int64_t(x.size() - 1))).value()));
      for (std::size_t i : at) {
        const Number z = (higher ? col.value[i] - mean : mean - col.value[i]) / sd;
        col.value[i] = z * Number::of(t.z_sd) + Number::of(t.z_mean);
      }
      return;
    }
    case Normaliser::goalposts: {
      const Number g_lo = Number::of(t.goal_low), g_hi = Number::of(t.goal_high);
      for (std::size_t i : at)
        col.value[i] = onto(t, clamp01(higher ? (col.value[i] - g_lo) / (g_hi - g_lo) : (g_hi - col.value[i]) / (g_hi - g_lo)));
      return;
    }
    case Normaliser::distance_to_target: {
      // COINr's n_dist2targ with cap_max: (x - min) / (target - min), or
      // (max - x) / (max - target) when lower is better. Every unit past
      // the target scores 1; when even the worst is, all do.
      const Number target = Number::of(t.target);
      const bool all_reached = higher ? !(lo < target) : !(target < hi);
      for (std::size_t i : at) {
        col.value[i] =
            all_reached ? onto(t, one) : onto(t, clamp01(higher ? (col.value[i] - lo) / (target - lo) : (hi - col.value[i]) / (hi - target)));
      }
      return;
    }
    case Normaliser::distance_to_best: {
      // x / best, or best / x when lower is better: both need values > 0.
      bool any_positive = false;
      for (std::size_t i : at) {
        if (!(zero < col.value[i])) {
          events.push_back({TreatmentEvent::Kind::not_positive, leaf, col.units[i], double(col.value[i].value()), 0});
          col.present[i] = false;
        } else {
          any_positive = true;
        }
      }
      if (!any_positive) return;
      std::optional<Number> best;
      for (std::size_t i : at) {
        if (col.present[i] && (!best || (higher ? *best < col.value[i] : col.value[i] < *best))) best = col.value[i];
      }
      for (std::size_t i : at) {
        if (col.present[i]) col.value[i] = onto(t, higher ? col.value[i] / *best : *best / col.value[i]);
      }
      return;
    }
    case Normaliser::rank:
    case Normaliser::percentile_rank: {
      // Ascending after direction, ties take the lowest rank (R's ties.method = "min").
      std::vector<std::size_t> order = at;
      auto key_less = [&](std::size_t a, std::size_t b) { return higher ? col.value[a] < col.value[b] : col.value[b] < col.value[a]; };
      std::stable_sort(order.begin(), order.end(), key_less);
      std::vector<Number> ranked(col.units.size());
      for (std::size_t k = 0; k < order.size(); ++k) {
        const bool tie = k > 0 && !key_less(order[k - 1], order[k]);
        ranked[order[k]] = tie ? ranked[order[k - 1]] : Number::of(std::int64_t(k + 1));
      }
      if (t.normalise == Normaliser::percentile_rank && (order.size() < 2 || lo == hi)) return drop_all();
      const Number n_minus_1 = Number::of(std::int64_t(order.size()) - 1);
      for (std::size_t i : at) col.value[i] = t.normalise == Normaliser::rank ? ranked[i] : onto(t, (ranked[i] - one) / n_minus_1);
      return;
    }
  }
}

}  // namespace

TreatmentLog treat_indicators(const Framework& fw, const Dataset& data, std::vector<std::vector<NodeValue>>& values,
                              const std::vector<bool>& in_study) {
  TreatmentLog log;
  for (int leaf : fw.leaves) {
    const Node& node = fw.nodes[std::size_t(leaf)];
    if (!node.treatment) continue;
    const Treatment& t = *node.treatment;
    TreatedIndicator info;
    info.leaf = leaf;
    Column col;
    for (std::size_t u = 0; u < data.units.size(); ++u) {
      if (!in_study[u]) continue;
      const NodeValue& v = values[u][std::size_t(leaf)];
      col.units.push_back(int(u));
      col.present.push_back(v.assessed);
      col.value.push_back(v.assessed ? v.exact : Number());
      if (v.assessed) ++info.present;
    }
    std::vector<TreatmentEvent> events;
    denominate(t, data, leaf, col, events);
    impute(t, data, leaf, col, info, events);
    treat_outliers(t, leaf, col, info, events);
    normalise(t, fw.scales[std::size_t(node.scale)].direction, leaf, col, info, events);
    for (std::size_t i = 0; i < col.units.size(); ++i) {
      NodeValue& v = values[std::size_t(col.units[i])][std::size_t(leaf)];
      v.assessed = col.present[i];
      v.exact = col.present[i] ? col.value[i] : Number();
      v.coverage = Number::of(1);
    }
    std::stable_sort(events.begin(), events.end(), [](const TreatmentEvent& a, const TreatmentEvent& b) { return a.unit < b.unit; });
    log.events.insert(log.events.end(), events.begin(), events.end());
    log.indicators.push_back(info);
  }
  return log;
}

}  // namespace siap
