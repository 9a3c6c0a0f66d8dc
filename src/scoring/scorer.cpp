// Dataset -> Assessment: every unit's node values from the scoring kernel,
// published (rounded, banded) and ranked.
#include "siap/assessment.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <optional>
#include <span>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include "siap/composite.hpp"
#include "siap/scoring_kernel.hpp"
#include "scoring/competition_ranks.hpp"
#include "scoring/rows_by_unit.hpp"
#include "siap/regions.hpp"
#include "util/huge_pages.hpp"
#include "util/parallel.hpp"

namespace siap {
namespace {

// Publishing: each unit's node values (ScoringKernel) rounded half up to
// the framework's decimals, on 0-100 when asked, read against the band
// sets, with the reason when a unit cannot be assessed and the gap to the
// next band.
class Scorer {
 public:
  // `given`: each unit's node values then facet values, computed elsewhere
  // (a roll-up of other units' scores); nullptr: the kernel on the rows.
  // `composite`: the given values are the units' own (a composite
  // indicator's, treated across units), so the respondent minimum applies.
  // `slots`: Assessment::node_slots (empty: every node kept).
  Scorer(const Framework& fw, const Dataset& data, int profile, const std::vector<std::int32_t>& slots,
         const std::vector<std::vector<NodeValue>>* given = nullptr, bool composite = false)
      : fw_(fw), data_(data), kernel_(fw, data, profile), slots_(slots), given_(given), composite_(composite) {
    for (std::size_t n = 0; n < fw.nodes.size(); ++n) {
      if (slots.empty() || slots[n] >= 0) kept_.push_back(n);
    }
    const bool respondents = data.kind == InputKind::respondents;
    min_respondents_ = respondents && fw.respondents ? std::size_t(fw.respondents->min_respondents) : 1;
    int max_depth = 0;
    for (const Node& node : fw.nodes) max_depth = std::max(max_depth, node.depth);
    for (int d = 0; d <= max_depth; ++d) band_sets_by_depth_.push_back(fw.band_sets_at(d));
    tabulate_bands();
  }

  // Every unit's node and facet scores into `block`, in unit order, on two
  // cores; the reasons of the units not assessed are kept aside. The
  // results are made afterwards (fill_results), directly in report order:
  // moving 476,000 finished results into that order followed each cycle of
  // the permutation from miss to miss: up to a tenth of an evaluation sheet's run.
  void score_all(ScoreBlock& block) {
    const std::size_t units = data_.units.size();
    // Units are independent: score them on two cores. Each unit constructs
    // its own slice of the block, so the thread that scores it first-touches it.
    per_unit_ = kept_.size() + kernel_.facet_values();
    block = ScoreBlock(units * per_unit_, slots_.empty());  // exact values under NodeScope::all only
    block_ = &block;
    rows_.emplace(data_);
    // A unit sheet's complete units are scored in integers where the kernel
    // can (ScoringKernel::evaluate_unit_fixed): the exact path's sums and
    // reductions were most of a national sheet's scoring.
    const bool fixed = !given_ && kernel_.has_fixed_point() && min_respondents_ <= 1;
    auto score_range = [&](std::size_t from, std::size_t to, Reasons& reasons) {
      std::vector<NodeValue> values(fw_.nodes.size() + kernel_.facet_values());
      std::vector<Number::int128> numerators(kept_.size());
      UnitResult out;  // what score_unit fills beside the scores, for one unit at a time
      for (std::size_t u = from; u < to; ++u) {
        point_at(out, block.slice(u * per_unit_, per_unit_));
        if (fixed && kernel_.evaluate_unit_fixed(int(u), rows_->of(u), kept_, numerators)) {
          publish_fixed(out, numerators);
          continue;
        }
        out.assessed = false;
        std::fill(values.begin(), values.end(), NodeValue{});
        score_unit(out, int(u), rows_->of(u), values);
        if (out.why_not) reasons.emplace_back(std::uint32_t(u), std::move(out.why_not));
      }
    };
    // Worth a thread: many answers to count, or many units to roll up
    // (every node is computed, whichever are kept).
    const std::size_t computed = fw_.nodes.size() + kernel_.facet_values();
    if (data_.rows * std::max<std::size_t>(data_.coded_items, 1) + units * computed * 16 < 4'000'000) {
      score_range(0, units, why_not_);
      return;
    }
    // The two cores take runs of units in turn until none is left, rather
    // than a half each: the block's first pages may be ones freed by the
    // loader and kept (huge_pages.cpp) while the rest are cleared by the
    // kernel on first touch, and with fixed halves one core sat idle for a
    // fifth of a national unit sheet's scoring.
    constexpr std::size_t kRun = 4096;
    std::atomic<std::size_t> next{0};
    auto take_runs = [&](Reasons& reasons) {
      for (std::size_t from = next.fetch_add(kRun); from < units; from = next.fetch_add(kRun)) {
        score_range(from, std::min(units, from + kRun), reasons);
      }
    };
    Reasons second;
    run_in_parallel({[&] { take_runs(why_not_); }, [&] { take_runs(second); }});
    // Each list is by unit (runs are taken in order); merged, still by unit.
    const auto first_end = std::ptrdiff_t(why_not_.size());
    why_not_.insert(why_not_.end(), std::make_move_iterator(second.begin()), std::make_move_iterator(second.end()));
    std::inplace_merge(why_not_.begin(), why_not_.begin() + first_end, why_not_.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
  }

  // Unit u's overall index score (score_all first).
  const NodeScore& root(std::size_t u) const { return block_->at(u * per_unit_); }

  // Per unit: its rank overall, within its type and within its province.
  struct UnitRanks {
    std::span<const int> overall, in_type, in_province;
  };

  // `results[k]`: the result of unit order[k]; `results` holds as many
  // default results as `order` has units.
  void fill_results(std::vector<UnitResult>& results, std::span<const std::uint32_t> order, const UnitRanks& ranks) const {
    if (results.size() != order.size()) throw std::logic_error("fill_results: one result per unit");
    auto fill = [&](std::size_t from, std::size_t to) {
      // Units are read in report order, far apart in memory: each one's
      // index score, row count and three ranks are fetched a few units ahead.
      constexpr std::size_t kAhead = 8;
      for (std::size_t k = from; k < to; ++k) {
        if (k + kAhead < to) {
          const std::size_t ahead = order[k + kAhead];
          __builtin_prefetch(&block_->at(ahead * per_unit_));
          __builtin_prefetch(ranks.overall.data() + ahead);
          __builtin_prefetch(ranks.in_type.data() + ahead);
          __builtin_prefetch(ranks.in_province.data() + ahead);
          rows_->prefetch(ahead);
        }
        const std::size_t u = order[k];
        UnitResult& out = results[k];
        point_at(out, {&block_->at(u * per_unit_), per_unit_});
        out.unit = int(u);
        out.respondents = rows_->of(u).size();
        out.assessed = out.nodes[0].assessed;
        if (out.assessed) {
          next_band(out);
        } else {
          auto at = std::lower_bound(why_not_.begin(), why_not_.end(), std::uint32_t(u), [](const auto& r, std::uint32_t v) { return r.first < v; });
          if (at != why_not_.end() && at->first == u) out.why_not = at->second;
        }
        out.rank = ranks.overall[u];
        out.rank_in_type = ranks.in_type[u];
        out.rank_in_province = ranks.in_province[u];
      }
    };
    if (order.size() < 50'000) {
      fill(0, order.size());
    } else {
      const std::size_t middle = order.size() / 2;
      run_in_parallel({[&] { fill(0, middle); }, [&] { fill(middle, order.size()); }});
    }
  }

 private:
  void copy_value(const NodeValue& value, NodeScore& score) const {
    score.assessed = value.assessed;
    score.given = value.given;
    score.answers = value.answers;
    if (block_->keeps_exact()) block_->exact(score) = value.exact;
    score.set_coverage(value.coverage);
  }

  // A published value has the score's decimals and lies in its range: a
  // few hundred values (1-5 at two decimals: 401). Each band set's band and
  // gap to the next band are worked out once per value, by the same
  // band_of and arithmetic, then looked up: comparing decimals of other
  // scales per node and unit was a twentieth of an SPBE sheet's run.
  struct BandTable {
    std::int64_t first = 0;         // the mantissa of the lowest value
    std::vector<std::int8_t> band;  // per value: its band, or -1
    std::vector<Decimal> gap;       // the first overall band set only (gap_to_next_band): per value below its top band, the gap to the next
  };
  static constexpr std::int64_t kMaxTabulatedValues = 16'384;

  void tabulate_bands() {
    const int places = fw_.score.decimals;
    band_tables_.resize(fw_.band_sets.size());
    if (fw_.score.min.scale() > places || fw_.score.max.scale() > places || places > 9) return;
    auto at_places = [&](const Decimal& d) {  // in 128 bits: no overflow for any range
      Number::int128 m = d.mantissa();
      for (int e = d.scale(); e < places; ++e) m *= 10;
      return m;
    };
    const Number::int128 wide_low = at_places(fw_.score.min), wide_high = at_places(fw_.score.max);
    if (wide_high < wide_low || wide_high - wide_low >= kMaxTabulatedValues || wide_low < INT64_MIN || wide_high > INT64_MAX) return;
    const std::int64_t low = std::int64_t(wide_low), high = std::int64_t(wide_high);
    const int overall = band_sets_by_depth_[0].empty() ? -1 : band_sets_by_depth_[0][0];
    for (std::size_t set = 0; set < fw_.band_sets.size(); ++set) {
      const BandSet& bands = fw_.band_sets[set];
      BandTable& table = band_tables_[set];
      table.first = low;
      for (std::int64_t m = low; m <= high; ++m) {
        const Decimal value = Decimal::from_scaled(m, places);
        const auto band = bands.band_of(value);
        table.band.push_back(std::int8_t(band ? *band : -1));
        if (int(set) != overall) continue;
        table.gap.push_back(band && std::size_t(*band) + 1 < bands.bands.size() ? gap_to(bands.bands[std::size_t(*band) + 1], value) : Decimal());
      }
    }
  }

  Decimal gap_to(const Band& next, const Decimal& published) const {
    return (Number::of(next.from) - Number::of(published)).round_half_up(fw_.score.decimals);
  }

  // Where `published` falls in the table of band set `set`, or -1.
  std::int64_t tabulated(int set, const Decimal& published) const {
    const BandTable& table = band_tables_[std::size_t(set)];
    if (table.band.empty() || published.scale() != fw_.score.decimals) return -1;
    const std::int64_t at = published.mantissa() - table.first;
    return at >= 0 && at < std::int64_t(table.band.size()) ? at : -1;
  }

  int band_of(int set, const Decimal& published) const {
    if (const std::int64_t at = tabulated(set, published); at >= 0) return band_tables_[std::size_t(set)].band[std::size_t(at)];
    const auto band = fw_.band_sets[std::size_t(set)].band_of(published);
    return band ? *band : -1;
  }

  void publish(NodeScore& score, const Number& exact, int depth) const { publish_value(score, exact.round_half_up(fw_.score.decimals), depth); }

  void publish_value(NodeScore& score, const Decimal& published, int depth) const {
    score.published = published;
    for (int set : band_sets_by_depth_[std::size_t(depth)]) score.bands.push_back(band_of(set, score.published));
  }

  // A unit scored in integers: what copy_value and publish make of the
  // values evaluate_unit gives such a unit (each kept node assessed, at
  // full coverage; each leaf answered once), from the kept nodes'
  // numerators over the kernel's denominators.
  void publish_fixed(UnitResult& out, std::span<const Number::int128> numerators) const {
    out.respondents = 1;
    for (std::size_t k = 0; k < kept_.size(); ++k) {
      const std::size_t n = kept_[k];
      const Node& node = fw_.nodes[n];
      NodeScore& score = out.nodes[n];
      score.assessed = true;
      score.given = false;
      score.answers = node.is_leaf() ? 1 : 0;
      score.set_coverage(one_);
      const Number::int128 denominator = kernel_.fixed_denominator(n);
      if (block_->keeps_exact()) block_->exact(score) = Number::ratio(numerators[k], denominator);
      const auto published = Number::round_half_up_fraction(numerators[k], denominator, fw_.score.decimals);
      publish_value(score, published ? *published : Number::ratio(numerators[k], denominator).round_half_up(fw_.score.decimals), node.depth);
    }
    out.assessed = true;
  }

  // `out`'s node and facet spans on one unit's scores.
  void point_at(UnitResult& out, std::span<NodeScore> scores) const {
    out.nodes = slots_.empty() ? NodeScores(scores) : NodeScores(scores.data(), slots_.data());
    out.facets.clear();
    std::size_t at = kept_.size();
    for (const Facet& facet : fw_.facets) {
      out.facets.push_back(scores.subspan(at, facet.values.size()));
      at += facet.values.size();
    }
  }

  // Fills `out`, whose node and facet spans are in place, but for its next
  // band (next_band); `values` is scratch.
  void score_unit(UnitResult& out, int unit, std::span<const std::uint32_t> rows, std::vector<NodeValue>& values) const {
    out.unit = unit;
    out.respondents = rows.size();
    if (given_ && !(composite_ && rows.size() < min_respondents_)) {
      std::copy((*given_)[std::size_t(unit)].begin(), (*given_)[std::size_t(unit)].end(), values.begin());
    } else if (rows.size() < min_respondents_) {
      out.why_not =
          std::make_shared<const NotAssessed>(NotAssessed{"too_few_respondents",
                                                          {fmt::format("hanya {} responden; minimal {}", rows.size(), min_respondents_),
                                                           fmt::format("only {} respondents; at least {} needed", rows.size(), min_respondents_)}});
      return;
    }
    std::span<NodeValue> nodes(values.data(), fw_.nodes.size());
    std::span<NodeValue> facets(values.data() + fw_.nodes.size(), kernel_.facet_values());
    if (!given_) kernel_.evaluate_unit(unit, rows, nodes, facets);
    for (std::size_t n : kept_) {
      NodeScore& score = out.nodes[n];
      copy_value(nodes[n], score);
      if (score.assessed) publish(score, nodes[n].exact, fw_.nodes[n].depth);
    }
    std::size_t at = 0;
    for (std::size_t f = 0; f < fw_.facets.size(); ++f) {
      for (NodeScore& score : out.facets[f]) {
        const NodeValue& value = facets[at++];
        copy_value(value, score);
        if (score.assessed) score.published = value.exact.round_half_up(fw_.score.decimals);
      }
    }
    out.assessed = out.nodes[0].assessed;
    if (!out.assessed) {
      Decimal have = (nodes[0].coverage * Number::of(100)).round_half_up(1);  // the exact share, not the stored one
      Decimal need = (Number::of(fw_.root().aggregation.min_coverage) * Number::of(100)).round_half_up(1);
      out.why_not = std::make_shared<const NotAssessed>(
          NotAssessed{"insufficient_coverage",
                      {fmt::format("cakupan data {}% di bawah batas minimum {}%", have.format(1, ','), need.format(1, ',')),
                       fmt::format("data coverage {}% is below the minimum {}%", have.format(1, '.'), need.format(1, '.'))}});
    }
  }

  // An assessed unit's next band of the first overall band set, and the gap to it.
  void next_band(UnitResult& out) const {
    const NodeScore& root = out.nodes[0];
    const auto& overall = band_sets_by_depth_[0];
    if (!overall.empty() && !root.bands.empty() && root.bands[0] >= 0) {
      const BandSet& set = fw_.band_sets[std::size_t(overall[0])];
      std::size_t band = std::size_t(root.bands[0]);
      if (band + 1 < set.bands.size()) {
        out.next_band = int(band + 1);
        const std::int64_t at = tabulated(overall[0], root.published);
        out.gap_to_next_band = at >= 0 ? band_tables_[std::size_t(overall[0])].gap[std::size_t(at)] : gap_to(set.bands[band + 1], root.published);
      }
    }
  }

  const Framework& fw_;
  const Dataset& data_;
  ScoringKernel kernel_;
  const std::vector<std::int32_t>& slots_;
  ScoreBlock* block_ = nullptr;  // score_all's block: where the scores and exact values go
  const Number one_ = Number::of(1);
  std::size_t per_unit_ = 0;       // scores per unit in the block
  std::vector<std::size_t> kept_;  // the nodes whose scores are kept, in framework order
  std::optional<RowsByUnit> rows_;
  // By unit: the reasons of the units not assessed.
  using Reasons = std::vector<std::pair<std::uint32_t, std::shared_ptr<const NotAssessed>>>;
  Reasons why_not_;
  const std::vector<std::vector<NodeValue>>* given_ = nullptr;
  bool composite_ = false;
  std::size_t min_respondents_ = 1;
  std::vector<std::vector<int>> band_sets_by_depth_;  // Framework::band_sets_at, per depth
  std::vector<BandTable> band_tables_;                // per band set; empty where the values are too many
};

// Standard competition ranking on the published index within each group
// (`group_of[u]` for unit u; -1: not ranked), 0 for units not ranked. The
// scores are copied into one array first: reading them through the block
// for every comparison would chase a unit's scores each time.
std::vector<int> rank(const Scorer& scorer, const std::vector<int>& group_of) {
  // No unit in any group (no unit sheet's instansi has a province): no
  // scores to copy or rank.
  if (std::all_of(group_of.begin(), group_of.end(), [](int g) { return g < 0; })) return std::vector<int>(group_of.size(), 0);
  std::vector<int> groups(group_of.size(), -1);
  std::vector<Decimal> scores(group_of.size());
  for (std::size_t u = 0; u < group_of.size(); ++u) {
    const NodeScore& root = scorer.root(u);
    if (!root.assessed || group_of[u] < 0) continue;
    groups[u] = group_of[u];
    scores[u] = root.published;
  }
  return competition_ranks(groups, scores);
}

// Report order: assessed units by tier and rank, then the rest; ties by
// name, then by input order. Ranks are small integers, so the units are
// first placed by (tier, rank) with a counting sort, in input order; only
// each run of equal rank (common: a two-decimal index over 238,000 units)
// is then sorted by name. The units' indices in that order (their results
// are then made in it: Scorer::fill_results).
constexpr std::size_t kParallelOrderUnits = 50'000;

std::vector<std::uint32_t> order_for_reports(const Scorer& scorer, const std::vector<int>& rank_of, const std::vector<Unit>& units) {
  const std::size_t n = units.size();
  if (n + 1 >= (std::size_t(1) << 30)) throw std::length_error("too many units to order");
  // Each unit's tier and rank (rank 1..n), kNotAssessed for the rest, and
  // the highest rank of each tier: buckets are (tier, rank), each tier's
  // ranks after the previous tier's, then one bucket for the rest.
  constexpr std::uint32_t kNotAssessed = UINT32_MAX;
  std::vector<std::uint32_t> tier_rank(n);
  std::array<std::size_t, 3> top{};
  for (std::size_t u = 0; u < n; ++u) {
    if (!scorer.root(u).assessed) {
      tier_rank[u] = kNotAssessed;
      continue;
    }
    const int rank = rank_of[u];
    if (rank < 1 || std::size_t(rank) > n) throw std::logic_error("an assessed unit without a rank");
    const auto tier = std::size_t(rank_tier(units[u]));
    top[tier] = std::max(top[tier], std::size_t(rank));
    tier_rank[u] = std::uint32_t(tier << 30 | std::size_t(rank));
  }
  std::array<std::size_t, 4> tier_base{};  // the bucket of rank 0 of each tier; [3]: the rest
  for (std::size_t t = 0; t < 3; ++t) tier_base[t + 1] = tier_base[t] + top[t] + 1;
  const std::size_t rest = tier_base[3];
  for (std::uint32_t& b : tier_rank) b = b == kNotAssessed ? std::uint32_t(rest) : std::uint32_t(tier_base[b >> 30] + (b & ((1u << 30) - 1)));
  const std::vector<std::uint32_t>& bucket = tier_rank;  // until the keys are placed
  // Each unit's key, built in input order (its unit and name are read in
  // memory order) straight into its bucket's place.
  struct Key {                // 24 bytes: one per unit, first touched while the other core makes the results
    std::uint64_t prefix[2];  // the name's first 16 bytes, big-endian: compared as integers, they order as bytes
    std::uint32_t index;      // the unit; its whole name, when the prefixes tie, is units[index].name
  };
  auto prefix_word = [](const std::string& name, std::size_t from) {
    std::uint64_t word = 0;
    for (std::size_t i = 0; i < 8; ++i) {
      word <<= 8;
      if (from + i < name.size()) word |= static_cast<unsigned char>(name[from + i]);
    }
    return word;
  };
  std::vector<std::uint32_t> start(rest + 2, 0);
  for (std::uint32_t b : bucket) ++start[b + 1];
  for (std::size_t b = 1; b < start.size(); ++b) start[b] += start[b - 1];
  std::vector<Key> placed(n);
  auto place = [&](std::size_t from, std::size_t to, std::vector<std::uint32_t>& next) {
    for (std::size_t i = from; i < to; ++i) {  // in input order within a bucket
      const std::string& name = units[i].name;
      placed[next[bucket[i]]++] = {{prefix_word(name, 0), prefix_word(name, 8)}, std::uint32_t(i)};
    }
  };
  // A national sheet's ordering ran on one core while the other had
  // nothing left to do (the results' memory it backs meanwhile is mostly
  // pages the loader freed): its units are placed, and its buckets sorted,
  // in two halves on two cores.
  const bool two_cores = n >= kParallelOrderUnits;
  {
    std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
    if (two_cores) {
      // The second half's units follow the first half's in each bucket.
      const std::size_t middle = n / 2;
      std::vector<std::uint32_t> next_second(next);
      for (std::size_t i = 0; i < middle; ++i) ++next_second[bucket[i]];
      run_in_parallel({[&] { place(0, middle, next); }, [&] { place(middle, n, next_second); }});
    } else {
      place(0, n, next);
    }
  }
  // Within a bucket by name, the rest of it only when the first 16 bytes
  // agree; then by input order.
  auto by_name = [&units](const Key& a, const Key& b) {
    if (a.prefix[0] != b.prefix[0]) return a.prefix[0] < b.prefix[0];
    if (a.prefix[1] != b.prefix[1]) return a.prefix[1] < b.prefix[1];
    const std::string &a_name = units[a.index].name, &b_name = units[b.index].name;
    if (a_name.size() != b_name.size() || a_name.size() > 16) {
      if (int c = a_name.compare(b_name); c != 0) return c < 0;
    }
    return a.index < b.index;
  };
  static_assert(sizeof(Key) == 24);
  auto sort_buckets = [&](std::size_t from, std::size_t to) {
    for (std::size_t b = from; b < to; ++b) {
      if (start[b + 1] - start[b] > 1) std::sort(placed.begin() + start[b], placed.begin() + start[b + 1], by_name);
    }
  };
  const std::size_t buckets = start.size() - 1;
  if (two_cores) {
    // Split where half the units have been passed.
    const auto middle = std::size_t(std::lower_bound(start.begin(), start.end() - 1, std::uint32_t(n / 2)) - start.begin());
    run_in_parallel({[&] { sort_buckets(0, middle); }, [&] { sort_buckets(middle, buckets); }});
  } else {
    sort_buckets(0, buckets);
  }
  std::vector<std::uint32_t>& order = tier_rank;  // now the units in report order
  for (std::size_t k = 0; k < n; ++k) order[k] = placed[k].index;
  return std::move(order);
}

}  // namespace

LocalizedText unit_type_label(const Unit& unit) {
  switch (unit.level) {
    case UnitLevel::provinsi:
      return region_type_label(RegionType::provinsi);
    case UnitLevel::kabupaten:
      return region_type_label(RegionType::kabupaten);
    case UnitLevel::kota:
      return region_type_label(RegionType::kota);
    case UnitLevel::other:
      break;
  }
  return {"Lainnya", "Other"};
}

RankTier rank_tier(const Unit& unit) {
  switch (unit.level) {
    case UnitLevel::provinsi:
      return RankTier::province_government;
    case UnitLevel::kabupaten:
    case UnitLevel::kota:
      return RankTier::kabupaten_kota;
    case UnitLevel::other:
      break;
  }
  return RankTier::other;
}

LocalizedText rank_tier_label(RankTier tier) {
  switch (tier) {
    case RankTier::kabupaten_kota:
      return {"Kabupaten/Kota", "Regencies and cities"};
    case RankTier::province_government:
      return {"Pemerintah Provinsi", "Provincial governments"};
    case RankTier::other:
      break;
  }
  return {"Unit lain", "Other units"};
}

namespace {

Assessment publish_and_rank(const Framework& fw, std::shared_ptr<const Dataset> data, int profile, const std::vector<std::vector<NodeValue>>* given,
                            NodeScope scope) {
  Assessment out;
  out.framework = &fw;
  out.profile = profile;
  out.data = std::move(data);
  if (scope == NodeScope::top) {
    out.node_slots.assign(fw.nodes.size(), -1);
    out.node_slots[0] = 0;
    std::int32_t slot = 1;
    for (std::size_t n = 1; n < fw.nodes.size(); ++n) {  // pre-order: kept in framework order
      if (fw.nodes[n].parent == 0) out.node_slots[n] = slot++;
    }
  }
  std::vector<std::vector<NodeValue>> composite;  // outlives the scorer, which points at it
  std::optional<Scorer> scorer;
  if (!given && fw.has_treatments()) {
    // A composite indicator: leaves normalised across units first.
    auto log = std::make_shared<TreatmentLog>();
    composite = composite_values(fw, *out.data, profile, *log);
    out.treatment = std::move(log);
    scorer.emplace(fw, *out.data, profile, out.node_slots, &composite, true);
  } else {
    scorer.emplace(fw, *out.data, profile, out.node_slots, given);
  }
  scorer->score_all(out.scores);
  const auto& units = out.data->units;
  // Provinces as small integers for grouping their kabupaten/kota; -1 for
  // the rest (a province's own government is not ranked among them).
  std::unordered_map<std::string_view, int> province_index;
  std::vector<int> province_of(units.size(), -1), tier_of(units.size()), type_of(units.size());
  for (std::size_t u = 0; u < units.size(); ++u) {
    tier_of[u] = int(rank_tier(units[u]));
    type_of[u] = int(units[u].level);
    if (units[u].province_code().empty() || rank_tier(units[u]) != RankTier::kabupaten_kota) continue;
    province_of[u] = province_index.emplace(units[u].province_code(), int(province_index.size())).first->second;
  }
  std::vector<int> overall, in_type, in_province;
  bool one_type_per_tier = true;
  std::vector<std::uint32_t> order;
  auto rank_and_order = [&] {
    overall = rank(*scorer, tier_of);
    // Where each tier holds one type only (a sheet of OPD, or of kota only),
    // the ranks within types are the ranks: no second sort.
    std::vector<int> type_in_tier(4, -1);
    for (std::size_t u = 0; u < units.size() && one_type_per_tier; ++u) {
      int& seen = type_in_tier[std::size_t(tier_of[u])];
      if (seen < 0) seen = type_of[u];
      one_type_per_tier = seen == type_of[u];
    }
    if (!one_type_per_tier) in_type = rank(*scorer, type_of);
    in_province = rank(*scorer, province_of);
    order = order_for_reports(*scorer, overall, units);
  };
  // A national sheet's results' memory (50 MB for 476,000 units) is
  // backed by the kernel on the other core while this one ranks, and on
  // both once ranking is done: first touching it was otherwise a stretch
  // with one core idle (the whole of it on one core, longer than ranking).
  out.results.reserve(units.size());
  if (units.size() < 50'000) {
    rank_and_order();
  } else {
    PagePopulator pages(out.results.data(), units.size() * sizeof(UnitResult));
    run_in_parallel({[&] {
                       rank_and_order();
                       pages.work();
                     },
                     [&] { pages.work(); }});
  }
  out.results.resize(units.size());
  scorer->fill_results(out.results, order, {overall, one_type_per_tier ? overall : in_type, in_province});
  return out;
}

}  // namespace

Assessment assess(const Framework& fw, std::shared_ptr<const Dataset> data, int profile, NodeScope scope) {
  return publish_and_rank(fw, std::move(data), profile, nullptr, scope);
}

Assessment assess_values(const Framework& fw, std::shared_ptr<const Dataset> data, const std::vector<std::vector<NodeValue>>& values, int profile) {
  return publish_and_rank(fw, std::move(data), profile, &values, NodeScope::all);
}

}  // namespace siap
