// The scoring kernel: respondents' answers to node values. Coded answers are
// counted per (item, group, code) in one pass over the rows and combined in
// exact integer arithmetic; exact-decimal answers are combined without a
// Number per answer; the tree rolls up bottom-up by each node's rule;
// facets are effective-share-weighted means of their leaves.
#include "siap/scoring_kernel.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <vector>

#include "siap/effective_weights.hpp"
#include "framework/scale_semantics.hpp"

namespace siap {
namespace {

// 10^0 .. 10^9: exact answers are summed at one scale of at most 9 decimals.
constexpr std::int64_t kPow10[10] = {1, 10, 100, 1'000, 10'000, 100'000, 1'000'000, 10'000'000, 100'000'000, 1'000'000'000};

// Mean or median of a multiset given as (score, count) pairs sorted by score.
Number combine(const std::vector<std::pair<Number, std::size_t>>& values, CombineMethod method) {
  std::size_t n = 0;
  for (const auto& [v, c] : values) n += c;
  if (method == CombineMethod::mean) {
    Number sum;
    for (const auto& [v, c] : values) sum = sum + v * Number::of(std::int64_t(c));
    return sum / Number::of(std::int64_t(n));
  }
  // Median: the middle value, or the mean of the two middle values.
  auto nth = [&](std::size_t k) {
    for (const auto& [v, c] : values) {
      if (k < c) return v;
      k -= c;
    }
    return values.back().first;
  };
  if (n % 2 == 1) return nth(n / 2);
  return (nth(n / 2 - 1) + nth(n / 2)) / Number::of(2);
}

// The tree's constants in one arithmetic: exact (Number) or double.
template <typename T>
struct Arithmetic {
  T one{};
  std::vector<T> weight;           // per node: its effective weight
  std::vector<T> children_weight;  // per node: its children's weights added
  std::vector<T> min_coverage;     // per node
  std::vector<T> share;            // per node: its effective share of the whole
  std::vector<long double> power;  // per node: a power mean's exponent
};

struct DoubleSum {
  double sum = 0;
  void add(double w, double x) { sum += w * x; }
  double value() const { return sum; }
  double divided_by(double d) const { return sum / d; }
};
template <typename T>
struct SumOf;
template <>
struct SumOf<Number> {
  using type = WeightedSum;
};
template <>
struct SumOf<double> {
  using type = DoubleSum;
};

long double as_long_double(const Number& x) { return x.value(); }
long double as_long_double(double x) { return x; }
bool is_zero(const Number& x) { return x.is_zero(); }
bool is_zero(double x) { return x == 0; }
bool below_minimum(const Number& coverage, const Number& minimum) { return coverage < minimum; }
// A share of weights added in double can miss an exact minimum by an ulp.
bool below_minimum(double coverage, double minimum) { return coverage < minimum - 1e-12; }
template <typename T>
T from_long_double(long double x) {
  if constexpr (std::is_same_v<T, Number>) {
    return Number::approximate(x);
  } else {
    return double(x);
  }
}

}  // namespace

struct ScoringKernel::Impl {
  Impl(const Framework& fw, const Dataset& data, int profile) : fw_(fw), data_(data), weights_(effective_weights(fw, profile)) {
    const bool respondents = data.kind == InputKind::respondents;
    groups_ = respondents && fw.respondents ? fw.respondents->groups.size() : 0;
    combine_ = fw.respondents ? fw.respondents->combine : CombineMethod::mean;
    // Coded items: codes ordered by score, for medians.
    for (const auto& item : data.items) {
      std::vector<int> order(item.scores.size());
      std::iota(order.begin(), order.end(), 0);
      std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return item.scores[std::size_t(a)] < item.scores[std::size_t(b)]; });
      code_order_.push_back(order);
    }
    coded_index_.assign(data.items.size(), -1);
    std::size_t k = 0;
    for (std::size_t i = 0; i < data.items.size(); ++i) {
      if (data.items[i].coded) {
        coded_index_[i] = int(k++);
        max_codes_ = std::max(max_codes_, data.items[i].scores.size());
      }
    }
    // Scores of coded answers as integers at one power-of-ten scale, so that
    // sums over thousands of respondents stay in exact integer arithmetic.
    for (const auto& item : data.items) {
      int scale = 0;
      for (const Decimal& d : item.scores) scale = std::max(scale, d.scale());
      std::vector<std::int64_t> ints;
      for (const Decimal& d : item.scores) {
        std::int64_t m = d.mantissa();
        for (int e = d.scale(); e < scale; ++e) m *= 10;
        ints.push_back(m);
      }
      std::int64_t denominator = 1;
      for (int e = 0; e < scale; ++e) denominator *= 10;
      // One answer's score, reduced once here: a unit sheet's cell is one
      // answer, and reducing it per unit was a gcd per cell.
      std::vector<Number> single;
      for (std::int64_t m : ints) single.push_back(Number::ratio(m, denominator));
      single_answer_.push_back(std::move(single));
      int_scores_.push_back(std::move(ints));
      score_denominator_.push_back(denominator);
      score_reciprocal_.push_back(1.0 / double(denominator));
    }
    if (groups_ > 0) {
      for (const auto& group : fw.respondents->groups) group_weight_.push_back(double(Number::of(group.weight).value()));
      for (double w : group_weight_) total_group_weight_ += w;  // added in the order evaluate_sums adds them
      total_group_reciprocal_ = 1.0 / total_group_weight_;
    }
    exact_.one = Number::of(1);
    exact_shares();
    for (const Decimal& w : weights_.weight) exact_.weight.push_back(Number::of(w));
    exact_.children_weight.assign(fw.nodes.size(), Number());
    for (std::size_t n = 0; n < fw.nodes.size(); ++n) {
      for (int c : fw.nodes[n].children) exact_.children_weight[n] = exact_.children_weight[n] + exact_.weight[std::size_t(c)];
      exact_.min_coverage.push_back(Number::of(fw.nodes[n].aggregation.min_coverage));
    }
    // The same constants in double, for resampling.
    auto to_double = [](const std::vector<Number>& v) {
      std::vector<double> out;
      for (const Number& x : v) out.push_back(double(x.value()));
      return out;
    };
    for (const Node& node : fw.nodes) exact_.power.push_back(Number::of(node.aggregation.power).value());
    fast_ = {1.0, to_double(exact_.weight), to_double(exact_.children_weight), to_double(exact_.min_coverage), to_double(exact_.share), exact_.power};
    for (const Facet& facet : fw.facets) {
      facet_offset_.push_back(facet_values_);
      facet_values_ += facet.values.size();
    }
    group_decimals_by_unit();
    plan_fixed_point();
  }

  // Per unit a bit: whether it holds one of a slot's answers; per 64 units,
  // how many answers come before them.
  struct UnitMarks {
    std::vector<std::uint64_t> bits;
    std::vector<std::uint32_t> before;
  };

  // Each decimal slot's answers grouped by unit (positions into the slot,
  // in row order), so that a unit reads only its own. A unit sheet's slot,
  // where each unit holds at most one answer and they come in unit order,
  // needs no grouping, and none of its 8 bytes per unit and slot first
  // touched on a national sheet: a bit per unit says whether it has an
  // answer (every cell filled in, a blank cell, or a fractional scale's
  // on-grid answers kept as codes), and its position is the number of bits
  // set before its own (a count per 64 units, and a popcount).
  void group_decimals_by_unit() {
    const std::size_t units = data_.units.size();
    decimal_start_.assign(data_.decimals.size(), {});
    decimal_order_.assign(data_.decimals.size(), {});
    at_most_one_.assign(data_.decimals.size(), {});
    for (std::size_t s = 0; s < data_.decimals.size(); ++s) {
      const auto& slot = data_.decimals[s];
      if (slot.empty()) continue;
      if (mark_units_in_order(slot, at_most_one_[s])) {
        if (positions_.size() != units) {
          positions_.resize(units);
          std::iota(positions_.begin(), positions_.end(), std::uint32_t(0));
        }
        continue;
      }
      auto& first = decimal_start_[s];
      first.assign(units + 1, 0);
      for (const auto& a : slot) ++first[std::size_t(data_.row_unit[a.row]) + 1];
      for (std::size_t u = 0; u < units; ++u) first[u + 1] += first[u];
      std::vector<std::uint32_t> next(first.begin(), first.end() - 1);
      auto& order = decimal_order_[s];
      order.resize(slot.size());
      for (std::size_t i = 0; i < slot.size(); ++i) order[next[std::size_t(data_.row_unit[slot[i].row])]++] = std::uint32_t(i);
    }
  }

  // Which units hold an answer in `slot`, if each holds at most one and they
  // come in unit order; else false, with `marks` left empty.
  bool mark_units_in_order(const Dataset::Column<Dataset::DecimalAnswer>& slot, UnitMarks& marks) const {
    const std::size_t words = (data_.units.size() + 63) / 64;
    marks.bits.assign(words, 0);
    std::int64_t previous = -1;
    for (const auto& a : slot) {
      const std::int64_t u = data_.row_unit[a.row];
      if (u <= previous) {
        marks = {};
        return false;
      }
      marks.bits[std::size_t(u) / 64] |= std::uint64_t(1) << (std::size_t(u) % 64);
      previous = u;
    }
    marks.before.resize(words);
    std::uint32_t count = 0;
    for (std::size_t w = 0; w < words; ++w) {
      marks.before[w] = count;
      count += std::uint32_t(std::popcount(marks.bits[w]));
    }
    return true;
  }

  // `decimals_for(item)`: the positions of the rows' exact-decimal answers
  // in the item's slot. A template, not a std::function: it is asked once
  // per item of every unit.
  template <typename DecimalsFor>
  void evaluate(std::span<const std::uint32_t> rows, std::span<NodeValue> nodes, std::span<NodeValue> facets, const DecimalsFor& decimals_for) const {
    // One pass over the unit's rows counts every coded answer by group.
    const std::size_t group_count = std::max<std::size_t>(groups_, 1);
    const std::size_t stride = max_codes_ + 1;
    const std::size_t width = data_.coded_items;
    // One row without groups (a unit sheet's unit): each cell is its item's
    // value, a code or an exact decimal, with nothing to count.
    const bool one_row = rows.size() == 1 && groups_ == 0;
    // Scratch of this thread, reused: a unit sheet evaluates one unit per row.
    thread_local std::vector<std::uint32_t> histogram;
    if (!one_row) {
      histogram.assign(width * group_count * stride, 0);
      for (std::uint32_t r : rows) {
        const std::uint8_t* codes = data_.codes.data() + std::size_t(r) * width;
        std::size_t g = groups_ > 0 ? std::size_t(data_.row_group[r]) : 0;
        std::uint32_t* base = histogram.data() + g * stride;
        for (std::size_t k = 0; k < width; ++k) ++base[k * group_count * stride + codes[k]];
      }
    }
    // Leaves and given nodes.
    for (std::size_t i = 0; i < data_.items.size(); ++i) {
      std::size_t answers = 0;
      auto value = one_row ? cell_value(i, data_.codes.data() + std::size_t(rows[0]) * width, decimals_for(i), answers)
                           : item_value(i, decimals_for(i), histogram, answers);
      NodeValue& score = nodes[std::size_t(data_.items[i].node)];
      score.answers = std::uint32_t(answers);
      if (value) {
        score.assessed = true;
        score.exact = *value;
        score.coverage = exact_.one;
        score.given = !fw_.nodes[std::size_t(data_.items[i].node)].is_leaf();
      }
    }
    roll_up(nodes, facets);
  }

  // Internal nodes bottom-up by each node's rule, then facets, from the
  // leaves' and given nodes' values already in `nodes`. One definition for
  // both arithmetics: exact (NodeValue, as assess() publishes) and double
  // (ResampleValue, for resampling).
  template <typename V>
  void roll_up(std::span<V> nodes, std::span<V> facets) const {
    using T = decltype(V::exact);
    const Arithmetic<T>& a = arithmetic<T>();
    // Reverse pre-order visits children first.
    for (std::size_t n = fw_.nodes.size(); n-- > 0;) {
      const Node& node = fw_.nodes[n];
      V& score = nodes[n];
      if (node.children.empty() || score.given) continue;
      const AggregationMethod method = node.aggregation.method;
      // Geometric: weighted mean of logs; harmonic: of reciprocals; power:
      // of x^p. Exact numbers stay exact for the arithmetic and harmonic means.
      long double transformed = 0;
      typename SumOf<T>::type sum;
      T reciprocals{};
      bool all_present = true;
      if (method == AggregationMethod::arithmetic) {
        // A loop of its own, without the other means' calls, so that a
        // double sum stays in a register.
        for (int c : node.children) {
          const V& child = nodes[std::size_t(c)];
          if (child.assessed) {
            sum.add(a.weight[std::size_t(c)], child.exact);
          } else {
            all_present = false;
          }
        }
      } else {
        for (int c : node.children) {
          const V& child = nodes[std::size_t(c)];
          if (!child.assessed) {
            all_present = false;
            continue;
          }
          const T& w = a.weight[std::size_t(c)];
          switch (method) {
            case AggregationMethod::arithmetic:
              break;  // above
            case AggregationMethod::geometric:
              transformed += as_long_double(w) * std::log(as_long_double(child.exact));
              break;
            case AggregationMethod::harmonic:
              reciprocals = reciprocals + w / child.exact;
              break;
            case AggregationMethod::power:
              transformed += as_long_double(w) * std::pow(as_long_double(child.exact), a.power[n]);
              break;
          }
        }
      }
      T present = all_present ? a.children_weight[n] : present_weight(a, node, nodes);
      score.coverage = all_present ? a.one : present / a.children_weight[n];
      if (is_zero(present) || below_minimum(score.coverage, a.min_coverage[n])) continue;
      score.assessed = true;
      switch (method) {
        case AggregationMethod::arithmetic:
          score.exact = sum.divided_by(present);
          break;
        case AggregationMethod::geometric:
          score.exact = from_long_double<T>(std::exp(transformed / as_long_double(present)));
          break;
        case AggregationMethod::harmonic:
          score.exact = present / reciprocals;
          break;
        case AggregationMethod::power:
          score.exact = from_long_double<T>(std::pow(transformed / as_long_double(present), 1.0L / a.power[n]));
          break;
      }
    }
    // Facets: effective-share-weighted means of the tagged leaves below each value.
    std::vector<T> sums, shares;
    for (std::size_t f = 0; f < fw_.facets.size(); ++f) {
      const Facet& facet = fw_.facets[f];
      sums.assign(facet.values.size(), T{});
      shares.assign(facet.values.size(), T{});
      for (int leaf : fw_.leaves) {
        auto tag = fw_.nodes[std::size_t(leaf)].facet_values.find(int(f));
        if (tag == fw_.nodes[std::size_t(leaf)].facet_values.end() || !nodes[std::size_t(leaf)].assessed) continue;
        const T& share = a.share[std::size_t(leaf)];
        for (int v = tag->second; v >= 0; v = facet.values[std::size_t(v)].parent) {
          sums[std::size_t(v)] = sums[std::size_t(v)] + share * nodes[std::size_t(leaf)].exact;
          shares[std::size_t(v)] = shares[std::size_t(v)] + share;
        }
      }
      for (std::size_t v = 0; v < facet.values.size(); ++v) {
        if (is_zero(shares[v])) continue;
        V& score = facets[facet_offset_[f] + v];
        score.assessed = true;
        score.exact = sums[v] / shares[v];
        score.coverage = a.one;
      }
    }
  }

  template <typename T>
  const Arithmetic<T>& arithmetic() const {
    if constexpr (std::is_same_v<T, Number>) {
      return exact_;
    } else {
      return fast_;
    }
  }

  // The weight of a node's assessed children, added in the tree's order.
  template <typename T, typename V>
  static T present_weight(const Arithmetic<T>& a, const Node& node, std::span<V> scores) {
    T present{};
    for (int c : node.children) {
      if (scores[std::size_t(c)].assessed) present = present + a.weight[std::size_t(c)];
    }
    return present;
  }

  void exact_shares() {
    auto& shares_ = exact_.share;
    shares_.assign(fw_.nodes.size(), Number::of(1));
    for (std::size_t i = 0; i < fw_.nodes.size(); ++i) {
      const Node& node = fw_.nodes[i];
      if (node.children.empty()) continue;
      Number total;
      for (int c : node.children) total = total + Number::of(weights_.weight[std::size_t(c)]);
      for (int c : node.children) shares_[std::size_t(c)] = shares_[i] * Number::of(weights_.weight[std::size_t(c)]) / total;
    }
  }

  Number decimal_score(const Node& node, const Decimal& raw) const { return leaf_score(fw_, node, raw); }

  // Per item: the respondents' combined value, or nothing when nobody
  // answered. `histogram` holds, for coded items, counts per (coded item,
  // group, code); `decimals` are the positions of their exact-decimal
  // answers in the item's slot.
  std::optional<Number> item_value(std::size_t item, std::span<const std::uint32_t> decimals, const std::vector<std::uint32_t>& histogram,
                                   std::size_t& answers) const {
    const ItemColumn& column = data_.items[item];
    std::size_t group_count = std::max<std::size_t>(groups_, 1);
    answers = 0;
    // A fractional scale's column is coded on its grid; answers off the grid
    // are exact decimals. Only a unit that has some of those needs the
    // general path below.
    const bool off_grid = !decimals.empty();
    if (column.coded && !off_grid) {
      const std::size_t stride = max_codes_ + 1;
      const std::uint32_t* counts = histogram.data() + std::size_t(coded_index_[item]) * group_count * stride;
      // Without respondent groups the one group's value is the item's:
      // no list of group values (this runs for every item of every unit).
      if (groups_ == 0) return coded_group_value(item, counts, answers);
      Number sum, weight;
      for (std::size_t g = 0; g < groups_; ++g) {
        auto value = coded_group_value(item, counts + g * stride, answers);
        if (!value) continue;
        Number w = Number::of(fw_.respondents->groups[g].weight);
        sum = sum + w * *value;
        weight = weight + w;
      }
      if (answers == 0) return std::nullopt;
      return sum / weight;
    }
    // Exact decimals (numeric answers, given values, off-grid answers of a
    // fractional scale), with the coded answers of a fractional column.
    const auto& slot = data_.decimals[std::size_t(column.decimal_slot)];
    const Node& node = fw_.nodes[std::size_t(column.node)];
    // Scratch of this thread, reused: a unit sheet of decimals comes here
    // for every item of every unit.
    thread_local std::vector<std::vector<RawAnswer>> raw;
    if (raw.size() < group_count) raw.resize(group_count);
    for (std::size_t g = 0; g < group_count; ++g) raw[g].clear();
    if (column.coded) {
      const std::size_t stride = max_codes_ + 1;
      const std::uint32_t* counts = histogram.data() + std::size_t(coded_index_[item]) * group_count * stride;
      for (std::size_t g = 0; g < group_count; ++g) {
        for (std::size_t code = 0; code < column.scores.size(); ++code) {
          std::uint32_t n = counts[g * stride + code + 1];
          if (n > 0) raw[g].push_back({column.scores[code], n});
          answers += n;
        }
      }
    }
    for (std::uint32_t i : decimals) {
      const Dataset::DecimalAnswer& a = slot[i];
      std::size_t g = groups_ > 0 ? std::size_t(data_.row_group[a.row]) : 0;
      raw[g].push_back({a.value(), 1});
      ++answers;
    }
    if (answers == 0) return std::nullopt;
    if (groups_ == 0) return combine_raw(node, raw[0]);
    // Weighted mean of the group values over the groups present.
    Number sum, weight;
    for (std::size_t g = 0; g < groups_; ++g) {
      if (raw[g].empty()) continue;
      Number w = Number::of(fw_.respondents->groups[g].weight);
      sum = sum + w * combine_raw(node, raw[g]);
      weight = weight + w;
    }
    return sum / weight;
  }

  // item_value() of a unit of one row and no groups, read off the row: a
  // code's score (its mean and median), else the one exact decimal (an
  // off-grid answer of a fractional column has no code), else nothing.
  std::optional<Number> cell_value(std::size_t item, const std::uint8_t* codes, std::span<const std::uint32_t> decimals, std::size_t& answers) const {
    const ItemColumn& column = data_.items[item];
    if (column.coded) {
      if (const std::uint8_t code = codes[coded_index_[item]]; code != 0) {
        answers = 1;
        return single_answer_[item][code - 1];
      }
    }
    if (decimals.empty()) return std::nullopt;
    answers = 1;
    return decimal_score(fw_.nodes[std::size_t(column.node)], data_.decimals[std::size_t(column.decimal_slot)][decimals[0]].value());
  }

  // One group's mean or median score of a coded item, from its counts per
  // code (`c[code + 1]`); nothing when nobody in it answered. Adds the
  // group's answers to `answers`.
  std::optional<Number> coded_group_value(std::size_t item, const std::uint32_t* c, std::size_t& answers) const {
    const auto& ints = int_scores_[item];
    const std::int64_t denominator = score_denominator_[item];
    std::int64_t n = 0, sum = 0;
    std::size_t answered = 0;  // the last code given, for n == 1
    for (std::size_t code = 0; code < ints.size(); ++code) {
      n += c[code + 1];
      sum += std::int64_t(c[code + 1]) * ints[code];
      if (c[code + 1] != 0) answered = code;
    }
    if (n == 0) return std::nullopt;
    answers += std::size_t(n);
    if (n == 1) return single_answer_[item][answered];  // its mean and its median
    if (combine_ == CombineMethod::mean) return Number::ratio(sum, Number::int128(n) * denominator);
    // Median: walk the codes in score order to the middle answer(s).
    auto nth = [&](std::int64_t k) {
      for (int code : code_order_[item]) {
        std::int64_t here = c[std::size_t(code) + 1];
        if (k < here) return ints[std::size_t(code)];
        k -= here;
      }
      return ints[std::size_t(code_order_[item].back())];
    };
    return n % 2 == 1 ? Number::ratio(nth(n / 2), denominator)
                      : Number::ratio(Number::int128(nth(n / 2 - 1)) + nth(n / 2), Number::int128(2) * denominator);
  }

  // An answer as read (before a numeric scale's goalposts), and how many gave it.
  struct RawAnswer {
    Decimal value;
    std::uint64_t count;
  };

  // The mean or median of a group's scores, from its raw answers.
  Number combine_raw(const Node& node, std::vector<RawAnswer>& answers) const {
    if (combine_ == CombineMethod::mean) {
      if (auto mean = linear_mean(node, answers)) return *mean;
      // Beyond 128-bit sums: each answer's score, as before.
      std::vector<std::pair<Number, std::size_t>> scored;
      for (const auto& a : answers) scored.push_back({decimal_score(node, a.value), std::size_t(a.count)});
      return combine(scored, CombineMethod::mean);
    }
    // Median: the score is monotone in the answer, so the middle answer(s)
    // give the middle score(s).
    std::sort(answers.begin(), answers.end(), [](const RawAnswer& a, const RawAnswer& b) { return a.value < b.value; });
    std::uint64_t n = 0;
    for (const auto& a : answers) n += a.count;
    auto nth = [&](std::uint64_t k) {
      for (const auto& a : answers) {
        if (k < a.count) return a.value;
        k -= a.count;
      }
      return answers.back().value;
    };
    if (n % 2 == 1) return decimal_score(node, nth(n / 2));
    return (decimal_score(node, nth(n / 2 - 1)) + decimal_score(node, nth(n / 2))) / Number::of(2);
  }

  // The mean score in a constant number of exact operations: scores are
  // linear in the answer between a numeric scale's goalposts and constant
  // outside them, so only the in-range answers' sum is needed (as a 128-bit
  // integer at one decimal scale). Nothing when that sum could overflow.
  std::optional<Number> linear_mean(const Node& node, const std::vector<RawAnswer>& answers) const {
    int places = 0;
    for (const auto& a : answers) places = std::max(places, a.value.scale());
    if (places > 9) return std::nullopt;
    auto scaled = [&](const Decimal& d) { return Number::int128(d.mantissa()) * kPow10[places - d.scale()]; };
    const Scale* scale = node.scale >= 0 ? &fw_.scales[std::size_t(node.scale)] : nullptr;
    // A treated indicator's raw value is its mean answer (normalised across units later).
    const bool numeric = scale != nullptr && scale->kind == ScaleKind::numeric && !node.treatment;
    Number::int128 sum = 0, n = 0, in_range = 0, below = 0, above = 0;
    Number::int128 lo = 0, hi = 0;
    if (numeric) {
      if (scale->low_goalpost.scale() > places || scale->high_goalpost.scale() > places) {
        places = std::max(scale->low_goalpost.scale(), scale->high_goalpost.scale());
        if (places > 9) return std::nullopt;
      }
      lo = scaled(scale->low_goalpost);
      hi = scaled(scale->high_goalpost);
    }
    for (const auto& a : answers) {
      n += a.count;
      Number::int128 v = scaled(a.value);
      if (numeric && v < lo) {
        below += a.count;
      } else if (numeric && v > hi) {
        above += a.count;
      } else {
        in_range += a.count;
        sum += v * Number::int128(a.count);
      }
    }
    if (!numeric) return Number::ratio(sum, n * kPow10[places]);
    const Number unit = Number::ratio(1, kPow10[places]);
    // score(x) = min + t (max - min), t = (x - lo) / (hi - lo) or (hi - x) / (hi - lo), clamped to [0, 1].
    const Number min = Number::of(fw_.score.min), max = Number::of(fw_.score.max);
    const Number k = (max - min) / (Number::ratio(hi - lo, 1) * unit);
    const bool higher = scale->direction == Direction::higher_is_better;
    Number linear = higher ? Number::ratio(sum - in_range * lo, 1) * unit : Number::ratio(in_range * hi - sum, 1) * unit;
    Number total = Number::ratio(in_range, 1) * min + k * linear;
    total = total + Number::ratio(higher ? below : above, 1) * min + Number::ratio(higher ? above : below, 1) * max;
    return total / Number::ratio(n, 1);
  }

  // The plan of ScoringKernel::evaluate_unit_fixed: per node, the integer
  // coefficient of each leaf's answer below it (its share of the node's
  // weight times the lcm of the shares' denominators) and that lcm times
  // 10^9. Nothing when a condition of the plan fails: every unit then
  // takes the exact path, as before.
  void plan_fixed_point() {
    if (data_.kind != InputKind::units || groups_ != 0 || facet_values_ != 0) return;
    std::vector<int> item_of(fw_.nodes.size(), -1);
    std::vector<std::uint32_t> leaf_items;
    for (std::size_t i = 0; i < data_.items.size(); ++i) {
      const ItemColumn& column = data_.items[i];
      const auto n = std::size_t(column.node);
      // A dataset made for given values (a province roll-up's) may have
      // columns without a slot of answers.
      const bool has_slot = column.decimal_slot >= 0 && std::size_t(column.decimal_slot) < data_.decimals.size();
      if (!fw_.nodes[n].is_leaf()) {
        // A given node's column: only when no unit gives one (the column
        // is absent from the input, or blank throughout).
        if (column.coded || (has_slot && !data_.decimals[std::size_t(column.decimal_slot)].empty())) return;
        continue;
      }
      if (item_of[n] >= 0 || leaf_score_scales(fw_, fw_.nodes[n]) || (column.decimal_slot >= 0 && !has_slot)) return;
      item_of[n] = int(i);
      leaf_items.push_back(std::uint32_t(i));
    }
    // Each node's share of its leaves, children first (reverse pre-order).
    std::vector<std::vector<std::pair<std::uint32_t, Number>>> shares(fw_.nodes.size());
    for (std::size_t n = fw_.nodes.size(); n-- > 0;) {
      const Node& node = fw_.nodes[n];
      if (node.children.empty()) {
        if (item_of[n] < 0) return;  // a leaf without a column is never assessed
        shares[n].push_back({std::uint32_t(item_of[n]), exact_.one});
        continue;
      }
      const Number& total = exact_.children_weight[n];
      if (node.aggregation.method != AggregationMethod::arithmetic || !total.is_exact() || total.is_zero() ||
          below_minimum(exact_.one, exact_.min_coverage[n])) {
        return;
      }
      for (int c : node.children) {
        const Number part = exact_.weight[std::size_t(c)] / total;
        for (const auto& [item, share] : shares[std::size_t(c)]) shares[n].push_back({item, share * part});
      }
    }
    std::vector<std::vector<FixedTerm>> terms(fw_.nodes.size());
    std::vector<Number::int128> denominators(fw_.nodes.size());
    for (std::size_t n = 0; n < fw_.nodes.size(); ++n) {
      std::uint64_t lcm = 1;
      for (const auto& [item, share] : shares[n]) {
        if (!share.is_exact() || share.numerator() < 0 || share.denominator() > Number::int128(kMaxFixedDenominator)) return;
        const auto d = std::uint64_t(share.denominator());
        lcm = lcm / std::gcd(lcm, d) * d;  // both at most 2^32 before: no overflow
        if (lcm > kMaxFixedDenominator) return;
      }
      std::uint64_t total = 0;
      for (const auto& [item, share] : shares[n]) {
        const auto coefficient = std::uint64_t(share.numerator()) * (lcm / std::uint64_t(share.denominator()));
        terms[n].push_back({item, std::int64_t(coefficient)});
        total += coefficient;
      }
      if (total != lcm) return;  // a node's leaves' shares add up to one
      denominators[n] = Number::int128(lcm) * kFixedScale;
    }
    // Each coded answer's score at 9 decimals, where it has no more.
    std::vector<std::vector<std::int64_t>> code_values(data_.items.size());
    for (std::size_t i = 0; i < data_.items.size(); ++i) {
      const std::int64_t denominator = score_denominator_[i];
      for (std::int64_t m : int_scores_[i]) {
        const Number::int128 v = kFixedScale % denominator == 0 ? Number::int128(m) * (kFixedScale / denominator) : kFixedMaxValue + 1;
        code_values[i].push_back(v >= -kFixedMaxValue && v <= kFixedMaxValue ? std::int64_t(v) : kNoFixedValue);
      }
    }
    fixed_terms_ = std::move(terms);
    fixed_denominator_ = std::move(denominators);
    fixed_code_value_ = std::move(code_values);
    fixed_items_ = std::move(leaf_items);
  }

  bool evaluate_unit_fixed(int unit, std::span<const std::uint32_t> rows, std::span<const std::size_t> nodes,
                           std::span<Number::int128> numerators) const {
    if (fixed_terms_.empty() || rows.size() != 1) return false;
    // Scratch of this thread, reused: one value per column, at 9 decimals.
    thread_local std::vector<std::int64_t> values;
    values.resize(data_.items.size());
    const std::uint8_t* codes = data_.codes.data() + std::size_t(rows[0]) * data_.coded_items;
    // As cell_value(): a code's score, else the one exact decimal.
    for (const std::uint32_t i : fixed_items_) {
      const ItemColumn& column = data_.items[i];
      if (column.coded) {
        if (const std::uint8_t code = codes[coded_index_[i]]; code != 0) {
          values[i] = fixed_code_value_[i][code - 1];
          if (values[i] == kNoFixedValue) return false;
          continue;
        }
      }
      const auto at = decimals_of(column.decimal_slot, unit);
      if (at.empty()) return false;
      const Dataset::DecimalAnswer& answer = data_.decimals[std::size_t(column.decimal_slot)][at[0]];
      if (answer.scale < 0 || answer.scale > 9) return false;
      const Number::int128 v = Number::int128(answer.mantissa) * kPow10[9 - answer.scale];
      if (v < -kFixedMaxValue || v > kFixedMaxValue) return false;
      values[i] = std::int64_t(v);
    }
    // |sum| <= lcm x 2^53 <= 2^85: no overflow.
    for (std::size_t k = 0; k < nodes.size(); ++k) {
      Number::int128 sum = 0;
      for (const FixedTerm& term : fixed_terms_[nodes[k]]) sum += Number::int128(term.coefficient) * values[term.item];
      numerators[k] = sum;
    }
    return true;
  }

  // Positions (into the slot) of a unit's decimal answers; none for slot -1.
  std::span<const std::uint32_t> decimals_of(int slot, int unit) const {
    if (slot < 0) return {};
    if (const UnitMarks& marks = at_most_one_[std::size_t(slot)]; !marks.bits.empty()) {
      const std::uint64_t word = marks.bits[std::size_t(unit) / 64], bit = std::uint64_t(1) << (std::size_t(unit) % 64);
      if ((word & bit) == 0) return {};
      return std::span<const std::uint32_t>(positions_.data() + marks.before[std::size_t(unit) / 64] + std::popcount(word & (bit - 1)), 1);
    }
    if (decimal_start_[std::size_t(slot)].empty()) return {};
    const auto& first = decimal_start_[std::size_t(slot)];
    return std::span<const std::uint32_t>(decimal_order_[std::size_t(slot)].data() + first[std::size_t(unit)],
                                          first[std::size_t(unit) + 1] - first[std::size_t(unit)]);
  }

  const Framework& fw_;
  const Dataset& data_;
  EffectiveWeights weights_;
  std::size_t groups_ = 0;
  CombineMethod combine_ = CombineMethod::mean;
  std::vector<std::vector<int>> code_order_;
  std::vector<int> coded_index_;
  std::size_t max_codes_ = 0;
  std::vector<std::vector<std::int64_t>> int_scores_;
  std::vector<std::vector<Number>> single_answer_;  // per item and code - 1: Number::ratio(int_scores_, score_denominator_)
  std::vector<std::int64_t> score_denominator_;
  Arithmetic<Number> exact_;
  std::vector<double> group_weight_;  // per respondent group
  double total_group_weight_ = 0, total_group_reciprocal_ = 0;
  std::vector<double> score_reciprocal_;  // per item: 1 / score_denominator_
  Arithmetic<double> fast_;
  std::vector<std::size_t> facet_offset_;  // per facet: where its values start in the facets span
  std::size_t facet_values_ = 0;
  std::vector<std::vector<std::uint32_t>> decimal_start_;  // per slot: per unit, where its answers start in decimal_order_
  std::vector<std::vector<std::uint32_t>> decimal_order_;  // per slot: positions in the slot, grouped by unit
  std::vector<UnitMarks> at_most_one_;                     // per slot: which units hold its answers, or empty (see group_decimals_by_unit)
  std::vector<std::uint32_t> positions_;                   // 0, 1, 2, ...: marked slots' positions
  // The fixed-point plan (plan_fixed_point); empty when there is none.
  static constexpr std::int64_t kFixedScale = kPow10[9];                         // answers at 9 decimals
  static constexpr std::int64_t kFixedMaxValue = std::int64_t(1) << 53;          // |answer x 10^9|
  static constexpr std::uint64_t kMaxFixedDenominator = std::uint64_t(1) << 32;  // a node's lcm
  static constexpr std::int64_t kNoFixedValue = INT64_MIN;                       // a code whose score needs more than 9 decimals
  struct FixedTerm {
    std::uint32_t item;        // index into data_.items
    std::int64_t coefficient;  // at most kMaxFixedDenominator
  };
  std::vector<std::vector<FixedTerm>> fixed_terms_;          // per node
  std::vector<std::uint32_t> fixed_items_;                   // the leaves' columns
  std::vector<Number::int128> fixed_denominator_;            // per node: the lcm times kFixedScale
  std::vector<std::vector<std::int64_t>> fixed_code_value_;  // per item and code - 1: the score x 10^9, or kNoFixedValue
};

ScoringKernel::ScoringKernel(const Framework& fw, const Dataset& data, int profile) : impl_(std::make_unique<Impl>(fw, data, profile)) {}
ScoringKernel::~ScoringKernel() = default;

std::size_t ScoringKernel::facet_values() const { return impl_->facet_values_; }

void ScoringKernel::evaluate_unit(int unit, std::span<const std::uint32_t> rows, std::span<NodeValue> nodes, std::span<NodeValue> facets) const {
  impl_->evaluate(rows, nodes, facets, [&](std::size_t item) { return impl_->decimals_of(impl_->data_.items[item].decimal_slot, unit); });
}

bool ScoringKernel::has_fixed_point() const { return !impl_->fixed_terms_.empty(); }

Number::int128 ScoringKernel::fixed_denominator(std::size_t node) const { return impl_->fixed_denominator_.at(node); }

bool ScoringKernel::evaluate_unit_fixed(int unit, std::span<const std::uint32_t> rows, std::span<const std::size_t> nodes,
                                        std::span<Number::int128> numerators) const {
  if (numerators.size() < nodes.size()) throw std::logic_error("evaluate_unit_fixed: a numerator per node");
  return impl_->evaluate_unit_fixed(unit, rows, nodes, numerators);
}

bool ScoringKernel::sums_suffice() const {
  if (impl_->combine_ != CombineMethod::mean) return false;
  for (const ItemColumn& item : impl_->data_.items) {
    // Exact decimals need the exact path: a numeric or given column's
    // answers, a fractional scale's answers off its grid. An empty slot
    // (a given node's column absent from the input) holds none.
    if (item.decimal_slot >= 0 && !impl_->data_.decimals[std::size_t(item.decimal_slot)].empty()) return false;
  }
  return true;
}

std::size_t ScoringKernel::groups() const { return std::max<std::size_t>(impl_->groups_, 1); }

std::int64_t ScoringKernel::integer_score(std::size_t item, int code) const { return impl_->int_scores_[item][std::size_t(code - 1)]; }

std::int64_t ScoringKernel::score_denominator(std::size_t item) const { return impl_->score_denominator_[item]; }

void ScoringKernel::evaluate_sums(std::span<const std::int64_t> sums, std::span<const std::uint32_t> counts, std::span<const double> reciprocal,
                                  std::span<ResampleValue> nodes, std::span<ResampleValue> facets) const {
  const Impl& k = *impl_;
  const std::size_t group_count = groups();
  for (std::size_t i = 0; i < k.data_.items.size(); ++i) {
    if (!k.data_.items[i].coded) continue;  // no answers (sums_suffice)
    // As item_value(): each group's mean, then the groups' weighted mean
    // over the groups that answered. Multiplications by reciprocals: this
    // runs for every resample and every jackknife row.
    const double per_score = k.score_reciprocal_[i];
    double sum = 0, weight = 0;
    for (std::size_t g = 0; g < group_count; ++g) {
      const std::uint32_t n = counts[i * group_count + g];
      if (n == 0) continue;
      const double mean = double(sums[i * group_count + g]) * per_score * reciprocal[n];
      const double w = k.groups_ == 0 ? 1.0 : k.group_weight_[g];
      sum += w * mean;
      weight += w;
    }
    if (weight == 0) continue;
    ResampleValue& score = nodes[std::size_t(k.data_.items[i].node)];
    score.assessed = true;
    score.exact = k.groups_ == 0 ? sum : weight == k.total_group_weight_ ? sum * k.total_group_reciprocal_ : sum / weight;
    score.coverage = 1;
  }
  k.roll_up(nodes, facets);
}

void ScoringKernel::roll_up(std::span<NodeValue> nodes, std::span<NodeValue> facets) const {
  for (std::size_t n = 0; n < nodes.size(); ++n) {
    if (!impl_->fw_.nodes[n].children.empty() && !nodes[n].given) nodes[n] = NodeValue{};
  }
  std::fill(facets.begin(), facets.end(), NodeValue{});
  impl_->roll_up(nodes, facets);
}

void ScoringKernel::evaluate(std::span<const std::uint32_t> rows, std::span<NodeValue> nodes, std::span<NodeValue> facets) const {
  // Any set of rows: each slot's answers (kept in row order) are found by
  // binary search, once per row and slot.
  std::vector<std::vector<std::uint32_t>> positions(impl_->data_.decimals.size());
  for (std::size_t s = 0; s < positions.size(); ++s) {
    const auto& slot = impl_->data_.decimals[s];
    if (slot.empty()) continue;
    for (std::uint32_t r : rows) {
      auto it = std::lower_bound(slot.begin(), slot.end(), r, [](const Dataset::DecimalAnswer& a, std::uint32_t row) { return a.row < row; });
      if (it != slot.end() && it->row == r) positions[s].push_back(std::uint32_t(it - slot.begin()));
    }
  }
  impl_->evaluate(rows, nodes, facets, [&](std::size_t item) -> std::span<const std::uint32_t> {
    int slot = impl_->data_.items[item].decimal_slot;
    return slot < 0 ? std::span<const std::uint32_t>() : std::span<const std::uint32_t>(positions[std::size_t(slot)]);
  });
}

}  // namespace siap
