// Dataset -> Assessment. Respondents combine per item (mean or median, by
// respondent group when the framework has groups), then the tree rolls up
// bottom-up by each node's rule, facets are scored alongside, bands are read
// off the published values, and units are ranked.
#include "siap/assessment.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <span>
#include <string_view>
#include <unordered_map>

#include "siap/effective_weights.hpp"
#include "siap/huge_page_allocator.hpp"
#include "siap/regions.hpp"
#include "util/parallel.hpp"

namespace siap {
namespace {

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

class Scorer {
 public:
  Scorer(const Framework& fw, const Dataset& data, int profile)
      : fw_(fw), data_(data), weights_(effective_weights(fw, profile)), respondents_(data.kind == InputKind::respondents) {
    groups_ = respondents_ && fw.respondents ? fw.respondents->groups.size() : 0;
    combine_ = fw.respondents ? fw.respondents->combine : CombineMethod::mean;
    min_respondents_ = respondents_ && fw.respondents ? std::size_t(fw.respondents->min_respondents) : 1;
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
      int_scores_.push_back(std::move(ints));
      score_denominator_.push_back(denominator);
    }
    exact_shares();
    int max_depth = 0;
    for (const Node& node : fw.nodes) max_depth = std::max(max_depth, node.depth);
    for (int d = 0; d <= max_depth; ++d) band_sets_by_depth_.push_back(fw.band_sets_at(d));
    for (const Facet& facet : fw.facets) facet_values_ += facet.values.size();
    for (const Decimal& w : weights_.weight) weight_.push_back(Number::of(w));
    children_weight_.assign(fw.nodes.size(), Number());
    for (std::size_t n = 0; n < fw.nodes.size(); ++n) {
      for (int c : fw.nodes[n].children) children_weight_[n] = children_weight_[n] + weight_[std::size_t(c)];
      min_coverage_.push_back(Number::of(fw.nodes[n].aggregation.min_coverage));
    }
  }

  // Every unit's result, in unit order; their scores live in `block`.
  std::vector<UnitResult> run(ScoreBlock& block) {
    // Rows grouped by unit (counting sort).
    std::size_t units = data_.units.size();
    std::vector<std::size_t> start(units + 1, 0);
    for (std::size_t r = 0; r < data_.rows; ++r) ++start[std::size_t(data_.row_unit[r]) + 1];
    for (std::size_t u = 0; u < units; ++u) start[u + 1] += start[u];
    std::vector<std::uint32_t, HugePageAllocator<std::uint32_t>> rows(data_.rows);
    std::vector<std::size_t> fill(start.begin(), start.end() - 1);
    for (std::size_t r = 0; r < data_.rows; ++r) rows[fill[std::size_t(data_.row_unit[r])]++] = std::uint32_t(r);
    // Each decimal slot's answers grouped by unit the same way (positions
    // into the slot, in row order), so a unit reads only its own.
    decimal_start_.assign(data_.decimals.size(), {});
    decimal_order_.assign(data_.decimals.size(), {});
    for (std::size_t s = 0; s < data_.decimals.size(); ++s) {
      const auto& slot = data_.decimals[s];
      if (slot.empty()) continue;
      auto& first = decimal_start_[s];
      first.assign(units + 1, 0);
      for (const auto& a : slot) ++first[std::size_t(data_.row_unit[a.row]) + 1];
      for (std::size_t u = 0; u < units; ++u) first[u + 1] += first[u];
      std::vector<std::uint32_t> next(first.begin(), first.end() - 1);
      auto& order = decimal_order_[s];
      order.resize(slot.size());
      for (std::size_t i = 0; i < slot.size(); ++i) order[next[std::size_t(data_.row_unit[slot[i].row])]++] = std::uint32_t(i);
    }

    // Units are independent: score them on two cores. Each unit constructs
    // its own slice of the block, so the two threads first-touch their halves.
    const std::size_t per_unit = fw_.nodes.size() + facet_values_;
    block = ScoreBlock(units * per_unit);
    std::vector<UnitResult> results(units);
    auto score_range = [&](std::size_t from, std::size_t to) {
      for (std::size_t u = from; u < to; ++u) {
        UnitResult& out = results[u];
        std::span<NodeScore> scores = block.slice(u * per_unit, per_unit);
        out.nodes = scores.first(fw_.nodes.size());
        std::size_t at = fw_.nodes.size();
        for (const Facet& facet : fw_.facets) {
          out.facets.push_back(scores.subspan(at, facet.values.size()));
          at += facet.values.size();
        }
        score_unit(out, int(u), std::span<const std::uint32_t>(rows.data() + start[u], start[u + 1] - start[u]));
      }
    };
    std::size_t middle = units / 2;
    // Worth a thread: many answers to count, or many units to roll up.
    if (data_.rows * std::max<std::size_t>(data_.coded_items, 1) + units * per_unit * 16 < 4'000'000) {
      score_range(0, units);
    } else {
run_in_parallel({[&] { score_range(0, middle); }, [&] { score_range(middle, units); }});
    }
    return results;
  }

 private:
  // The weight of a node's assessed children, added in the tree's order.
  Number present_weight(const Node& node, std::span<const NodeScore> scores) const {
    Number present;
    for (int c : node.children) {
      if (scores[std::size_t(c)].assessed) present = present + weight_[std::size_t(c)];
    }
    return present;
  }

  void exact_shares() {
    shares_.assign(fw_.nodes.size(), Number::of(1));
    for (std::size_t i = 0; i < fw_.nodes.size(); ++i) {
      const Node& node = fw_.nodes[i];
      if (node.children.empty()) continue;
      Number total;
      for (int c : node.children) total = total + Number::of(weights_.weight[std::size_t(c)]);
      for (int c : node.children) shares_[std::size_t(c)] = shares_[i] * Number::of(weights_.weight[std::size_t(c)]) / total;
    }
  }

  // A leaf's score from a raw decimal answer (numeric scales map goalposts).
  Number decimal_score(const Node& node, const Decimal& raw) const {
    if (node.scale < 0) return Number::of(raw);
    const Scale& s = fw_.scales[std::size_t(node.scale)];
    if (s.kind != ScaleKind::numeric) return Number::of(raw);
    Number lo = Number::of(s.low_goalpost), hi = Number::of(s.high_goalpost), x = Number::of(raw);
    Number t = s.direction == Direction::higher_is_better ? (x - lo) / (hi - lo) : (hi - x) / (hi - lo);
    if (t < Number::of(0)) t = Number::of(0);
    if (t > Number::of(1)) t = Number::of(1);
    return Number::of(fw_.score.min) + t * (Number::of(fw_.score.max) - Number::of(fw_.score.min));
  }

  // Per item: the unit's combined value, or nothing when nobody answered.
  // `histogram` holds, for coded items, counts per (coded item, group, code).
  std::optional<Number> item_value(std::size_t item, int unit, const std::vector<std::uint32_t>& histogram,
                                   std::size_t& answers) const {
    const ItemColumn& column = data_.items[item];
    std::size_t group_count = std::max<std::size_t>(groups_, 1);
    answers = 0;
    // A fractional scale's column is coded on its grid; answers off the grid
    // are exact decimals. Only a unit that has some of those needs the
    // general path below.
    std::span<const std::uint32_t> decimals = decimals_of(column.decimal_slot, unit);
    const bool off_grid = !decimals.empty();
    if (column.coded && !off_grid) {
      const std::size_t stride = max_codes_ + 1;
      const std::uint32_t* counts = histogram.data() + std::size_t(coded_index_[item]) * group_count * stride;
      const auto& ints = int_scores_[item];
      const std::int64_t denominator = score_denominator_[item];
      std::vector<std::optional<Number>> group_values(group_count);
      for (std::size_t g = 0; g < group_count; ++g) {
        const std::uint32_t* c = counts + g * stride;
        std::int64_t n = 0, sum = 0;
        for (std::size_t code = 0; code < ints.size(); ++code) {
          n += c[code + 1];
          sum += std::int64_t(c[code + 1]) * ints[code];
        }
        if (n == 0) continue;
        answers += std::size_t(n);
        if (combine_ == CombineMethod::mean) {
          group_values[g] = Number::ratio(sum, Number::int128(n) * denominator);
          continue;
        }
        // Median: walk the codes in score order to the middle answer(s).
        auto nth = [&](std::int64_t k) {
          for (int code : code_order_[item]) {
            std::int64_t here = c[std::size_t(code) + 1];
            if (k < here) return ints[std::size_t(code)];
            k -= here;
          }
          return ints[std::size_t(code_order_[item].back())];
        };
        group_values[g] = n % 2 == 1 ? Number::ratio(nth(n / 2), denominator)
                                     : Number::ratio(Number::int128(nth(n / 2 - 1)) + nth(n / 2), Number::int128(2) * denominator);
      }
      if (answers == 0) return std::nullopt;
      if (groups_ == 0) return group_values[0];
      Number sum, weight;
      for (std::size_t g = 0; g < groups_; ++g) {
        if (!group_values[g]) continue;
        Number w = Number::of(fw_.respondents->groups[g].weight);
        sum = sum + w * *group_values[g];
        weight = weight + w;
      }
      return sum / weight;
    }
    // Exact decimals (numeric answers, given values, off-grid answers of a
    // fractional scale), with the coded answers of a fractional column.
    const auto& slot = data_.decimals[std::size_t(column.decimal_slot)];
    const Node& node = fw_.nodes[std::size_t(column.node)];
    std::vector<std::vector<RawAnswer>> raw(group_count);
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
    static constexpr std::int64_t kPow10[10] = {1, 10, 100, 1'000, 10'000, 100'000, 1'000'000, 10'000'000, 100'000'000, 1'000'000'000};
    auto scaled = [&](const Decimal& d) { return Number::int128(d.mantissa()) * kPow10[places - d.scale()]; };
    const Scale* scale = node.scale >= 0 ? &fw_.scales[std::size_t(node.scale)] : nullptr;
    const bool numeric = scale != nullptr && scale->kind == ScaleKind::numeric;
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

  void publish(NodeScore& score, int depth) const {
    score.published = score.exact.round_half_up(fw_.score.decimals);
    if (fw_.score.percent) {
      Number pct = (Number::of(score.published) - Number::of(fw_.score.min)) * Number::of(100) /
                   (Number::of(fw_.score.max) - Number::of(fw_.score.min));
      score.percent_value = pct.round_half_up(fw_.score.decimals);
      score.has_percent = true;
    }
    for (int set : band_sets_by_depth_[std::size_t(depth)]) {
      auto band = fw_.band_sets[std::size_t(set)].band_of(score.published);
      score.bands.push_back(band ? *band : -1);
    }
  }

  // Fills `out`, whose node and facet spans are in place.
  void score_unit(UnitResult& out, int unit, std::span<const std::uint32_t> rows) const {
    out.unit = unit;
    out.respondents = rows.size();
    if (rows.size() < min_respondents_) {
      out.not_assessed_code = "too_few_respondents";
      out.not_assessed_reason = {fmt::format("hanya {} responden; minimal {}", rows.size(), min_respondents_),
                                 fmt::format("only {} respondents; at least {} needed", rows.size(), min_respondents_)};
      return;
    }
    // One pass over the unit's rows counts every coded answer by group.
    const std::size_t group_count = std::max<std::size_t>(groups_, 1);
    const std::size_t stride = max_codes_ + 1;
    const std::size_t width = data_.coded_items;
    std::vector<std::uint32_t> histogram(width * group_count * stride, 0);
    for (std::uint32_t r : rows) {
      const std::uint8_t* codes = data_.codes.data() + std::size_t(r) * width;
      std::size_t g = groups_ > 0 ? std::size_t(data_.row_group[r]) : 0;
      std::uint32_t* base = histogram.data() + g * stride;
      for (std::size_t k = 0; k < width; ++k) ++base[k * group_count * stride + codes[k]];
    }
    // Leaves and given nodes.
    for (std::size_t i = 0; i < data_.items.size(); ++i) {
      std::size_t answers = 0;
      auto value = item_value(i, unit, histogram, answers);
      NodeScore& score = out.nodes[std::size_t(data_.items[i].node)];
      score.answers = std::uint32_t(answers);
      if (value) {
        score.assessed = true;
        score.exact = *value;
        score.coverage = Number::of(1);
        score.given = !fw_.nodes[std::size_t(data_.items[i].node)].is_leaf();
      }
    }
    // Internal nodes, bottom-up (reverse pre-order visits children first).
    for (std::size_t n = fw_.nodes.size(); n-- > 0;) {
      const Node& node = fw_.nodes[n];
      NodeScore& score = out.nodes[n];
      if (node.children.empty() || score.given) continue;
      bool geometric = node.aggregation.method == AggregationMethod::geometric;
      long double logs = 0;
      WeightedSum sum;
      bool all_present = true;
      for (int c : node.children) {
        const NodeScore& child = out.nodes[std::size_t(c)];
        if (!child.assessed) {
          all_present = false;
          continue;
        }
        const Number& w = weight_[std::size_t(c)];
        if (geometric) {
          logs += w.value() * std::log(child.exact.value());
        } else {
          sum.add(w, child.exact);
        }
      }
      Number present = all_present ? children_weight_[n] : present_weight(node, out.nodes);
      score.coverage = all_present ? Number::of(1) : present / children_weight_[n];
      if (present.is_zero() || score.coverage < min_coverage_[n]) continue;
      score.assessed = true;
      score.exact = geometric ? Number::approximate(std::exp(logs / present.value())) : sum.value() / present;
    }
    for (std::size_t n = 0; n < fw_.nodes.size(); ++n) {
      if (out.nodes[n].assessed) publish(out.nodes[n], fw_.nodes[n].depth);
    }
    // Facets: effective-share-weighted means of the tagged leaves below each value.
    for (std::size_t f = 0; f < fw_.facets.size(); ++f) {
      const Facet& facet = fw_.facets[f];
      std::vector<Number> sums(facet.values.size()), shares(facet.values.size());
      for (int leaf : fw_.leaves) {
        auto tag = fw_.nodes[std::size_t(leaf)].facet_values.find(int(f));
        if (tag == fw_.nodes[std::size_t(leaf)].facet_values.end() || !out.nodes[std::size_t(leaf)].assessed) continue;
        for (int v = tag->second; v >= 0; v = facet.values[std::size_t(v)].parent) {
          sums[std::size_t(v)] = sums[std::size_t(v)] + shares_[std::size_t(leaf)] * out.nodes[std::size_t(leaf)].exact;
          shares[std::size_t(v)] = shares[std::size_t(v)] + shares_[std::size_t(leaf)];
        }
      }
      for (std::size_t v = 0; v < facet.values.size(); ++v) {
        if (shares[v].is_zero()) continue;
        NodeScore& score = out.facets[f][v];
        score.assessed = true;
        score.exact = sums[v] / shares[v];
        score.coverage = Number::of(1);
        score.published = score.exact.round_half_up(fw_.score.decimals);
      }
    }
    const NodeScore& root = out.nodes[0];
    out.assessed = root.assessed;
    if (!out.assessed) {
      out.not_assessed_code = "insufficient_coverage";
      Decimal have = (root.coverage * Number::of(100)).round_half_up(1);
      Decimal need = (Number::of(fw_.root().aggregation.min_coverage) * Number::of(100)).round_half_up(1);
      out.not_assessed_reason = {fmt::format("cakupan data {}% di bawah batas minimum {}%", have.format(1, ','), need.format(1, ',')),
                                 fmt::format("data coverage {}% is below the minimum {}%", have.format(1, '.'), need.format(1, '.'))};
      return;
    }
    const auto& overall = band_sets_by_depth_[0];
    if (!overall.empty() && !root.bands.empty() && root.bands[0] >= 0) {
      const BandSet& set = fw_.band_sets[std::size_t(overall[0])];
      std::size_t band = std::size_t(root.bands[0]);
      if (band + 1 < set.bands.size()) {
        out.next_band = int(band + 1);
        out.gap_to_next_band = (Number::of(set.bands[band + 1].from) - Number::of(root.published)).round_half_up(fw_.score.decimals);
      }
    }
  }

  const Framework& fw_;
  const Dataset& data_;
  EffectiveWeights weights_;
  std::vector<Number> shares_;
  bool respondents_;
  std::size_t groups_ = 0;
  CombineMethod combine_ = CombineMethod::mean;
  std::size_t min_respondents_ = 1;
  std::vector<std::vector<int>> code_order_;
  std::vector<int> coded_index_;
  std::size_t max_codes_ = 0;
  std::vector<std::vector<std::int64_t>> int_scores_;
  std::vector<std::int64_t> score_denominator_;
  std::vector<std::vector<int>> band_sets_by_depth_;  // Framework::band_sets_at, per depth
  std::size_t facet_values_ = 0;                      // over all facets
  std::vector<Number> weight_;                        // per node: its effective weight
  std::vector<Number> children_weight_;               // per node: its children's weights added
  std::vector<Number> min_coverage_;                  // per node
  std::vector<std::vector<std::uint32_t>> decimal_start_;  // per slot: per unit, where its answers start in decimal_order_
  std::vector<std::vector<std::uint32_t>> decimal_order_;  // per slot: positions in the slot, grouped by unit

  // Positions (into the slot) of a unit's decimal answers; none for slot -1.
  std::span<const std::uint32_t> decimals_of(int slot, int unit) const {
    if (slot < 0 || decimal_start_[std::size_t(slot)].empty()) return {};
    const auto& first = decimal_start_[std::size_t(slot)];
    return std::span<const std::uint32_t>(decimal_order_[std::size_t(slot)].data() + first[std::size_t(unit)],
                                          first[std::size_t(unit) + 1] - first[std::size_t(unit)]);
  }
};

// Standard competition ranking (1, 2, 2, 4) on the published index within
// each group given by `key`.
template <typename Key>
void rank(std::vector<UnitResult>& results, Key key, int UnitResult::*field) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < results.size(); ++i) {
    if (results[i].assessed && key(results[i]) >= 0) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    auto ka = key(results[a]), kb = key(results[b]);
    if (ka != kb) return ka < kb;
    return results[a].nodes[0].published > results[b].nodes[0].published;
  });
  std::size_t group_start = 0;  // where the current group begins in `order`
  for (std::size_t k = 0; k < order.size(); ++k) {
    UnitResult& r = results[order[k]];
    bool same_group_as_previous = k > 0 && key(results[order[k - 1]]) == key(r);
    if (!same_group_as_previous) {
      group_start = k;
      r.*field = 1;
    } else if (results[order[k - 1]].nodes[0].published == r.nodes[0].published) {
      r.*field = results[order[k - 1]].*field;
    } else {
      r.*field = int(k - group_start + 1);  // position within the group, 1-based
    }
  }
}

}  // namespace

LocalizedText unit_type_label(const Unit& unit) {
  switch (unit.level) {
    case UnitLevel::provinsi: return region_type_label(RegionType::provinsi);
    case UnitLevel::kabupaten: return region_type_label(RegionType::kabupaten);
    case UnitLevel::kota: return region_type_label(RegionType::kota);
    case UnitLevel::other: break;
  }
  return {"Lainnya", "Other"};
}

Assessment assess(const Framework& fw, Dataset data, int profile) {
  Assessment out;
  out.framework = &fw;
  out.profile = profile;
  out.data = std::move(data);
  out.results = Scorer(fw, out.data, profile).run(out.scores);
  const auto& units = out.data.units;
  // Provinces as small integers for grouping; -1 for non-regions.
  std::unordered_map<std::string_view, int> province_index;
  std::vector<int> province_of(units.size(), -1);
  for (std::size_t u = 0; u < units.size(); ++u) {
    if (units[u].province_code.empty()) continue;
    province_of[u] = province_index.emplace(units[u].province_code, int(province_index.size())).first->second;
  }
  rank(out.results, [](const UnitResult&) { return 0; }, &UnitResult::rank);
  rank(out.results, [&](const UnitResult& r) { return int(units[std::size_t(r.unit)].level); }, &UnitResult::rank_in_type);
  rank(out.results, [&](const UnitResult& r) { return province_of[std::size_t(r.unit)]; }, &UnitResult::rank_in_province);
  std::stable_sort(out.results.begin(), out.results.end(), [&](const UnitResult& a, const UnitResult& b) {
    if (a.assessed != b.assessed) return a.assessed;
    if (a.assessed && a.rank != b.rank) return a.rank < b.rank;
    return units[std::size_t(a.unit)].name < units[std::size_t(b.unit)].name;
  });
  return out;
}

}  // namespace siap
