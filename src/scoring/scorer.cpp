// Dataset -> Assessment: every unit's node values from the scoring kernel,
// published (rounded, banded) and ranked.
#include "siap/assessment.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <span>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include "siap/composite.hpp"
#include "siap/scoring_kernel.hpp"
#include "scoring/competition_ranks.hpp"
#include "scoring/rows_by_unit.hpp"
#include "siap/regions.hpp"
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

  // Every unit's result, in unit order; their scores live in `block`.
  std::vector<UnitResult> run(ScoreBlock& block) {
    const std::size_t units = data_.units.size();
    const RowsByUnit rows(data_);

    // Units are independent: score them on two cores. Each unit constructs
    // its own slice of the block, so the two threads first-touch their halves.
    const std::size_t per_unit = kept_.size() + kernel_.facet_values();
    block = ScoreBlock(units * per_unit, slots_.empty());  // exact values under NodeScope::all only
    block_ = &block;
    std::vector<UnitResult> results(units);
    auto score_range = [&](std::size_t from, std::size_t to) {
      std::vector<NodeValue> values(fw_.nodes.size() + kernel_.facet_values());
      for (std::size_t u = from; u < to; ++u) {
        UnitResult& out = results[u];
        std::span<NodeScore> scores = block.slice(u * per_unit, per_unit);
        out.nodes = slots_.empty() ? NodeScores(scores) : NodeScores(scores.data(), slots_.data());
        std::size_t at = kept_.size();
        for (const Facet& facet : fw_.facets) {
          out.facets.push_back(scores.subspan(at, facet.values.size()));
          at += facet.values.size();
        }
        std::fill(values.begin(), values.end(), NodeValue{});
        score_unit(out, int(u), rows.of(u), values);
      }
    };
    std::size_t middle = units / 2;
    // Worth a thread: many answers to count, or many units to roll up
    // (every node is computed, whichever are kept).
    const std::size_t computed = fw_.nodes.size() + kernel_.facet_values();
    if (data_.rows * std::max<std::size_t>(data_.coded_items, 1) + units * computed * 16 < 4'000'000) {
      score_range(0, units);
    } else {
      run_in_parallel({[&] { score_range(0, middle); }, [&] { score_range(middle, units); }});
    }
    return results;
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

  void publish(NodeScore& score, const Number& exact, int depth) const {
    score.published = exact.round_half_up(fw_.score.decimals);
    for (int set : band_sets_by_depth_[std::size_t(depth)]) score.bands.push_back(band_of(set, score.published));
  }

  // Fills `out`, whose node and facet spans are in place; `values` is scratch.
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
    const NodeScore& root = out.nodes[0];
    out.assessed = root.assessed;
    if (!out.assessed) {
      Decimal have = (nodes[0].coverage * Number::of(100)).round_half_up(1);  // the exact share, not the stored one
      Decimal need = (Number::of(fw_.root().aggregation.min_coverage) * Number::of(100)).round_half_up(1);
      out.why_not = std::make_shared<const NotAssessed>(
          NotAssessed{"insufficient_coverage",
                      {fmt::format("cakupan data {}% di bawah batas minimum {}%", have.format(1, ','), need.format(1, ',')),
                       fmt::format("data coverage {}% is below the minimum {}%", have.format(1, '.'), need.format(1, '.'))}});
      return;
    }
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
  ScoreBlock* block_ = nullptr;    // run()'s block: where the exact values go
  std::vector<std::size_t> kept_;  // the nodes whose scores are kept, in framework order
  const std::vector<std::vector<NodeValue>>* given_ = nullptr;
  bool composite_ = false;
  std::size_t min_respondents_ = 1;
  std::vector<std::vector<int>> band_sets_by_depth_;  // Framework::band_sets_at, per depth
  std::vector<BandTable> band_tables_;                // per band set; empty where the values are too many
};

// Standard competition ranking on the published index within each group
// (`group_of[i]` for results[i]; -1: not ranked). The scores are copied into
// one array first: reading them through the results chases two pointers
// each, which dominated a 238,000-unit sheet.
void rank(std::vector<UnitResult>& results, const std::vector<int>& group_of, int UnitResult::*field) {
  // No unit in any group (no unit sheet's instansi has a province): no
  // arrays of a national sheet's size to fill.
  if (std::all_of(group_of.begin(), group_of.end(), [](int g) { return g < 0; })) {
    for (UnitResult& r : results) r.*field = 0;
    return;
  }
  std::vector<int> groups(results.size(), -1);
  std::vector<Decimal> scores(results.size());
  for (std::size_t i = 0; i < results.size(); ++i) {
    if (!results[i].assessed || group_of[i] < 0) continue;
    groups[i] = group_of[i];
    scores[i] = results[i].nodes[0].published;
  }
  const std::vector<int> ranks = competition_ranks(groups, scores);
  for (std::size_t i = 0; i < results.size(); ++i) results[i].*field = ranks[i];
}

// results[i] = old results[source[i]] for every i, by following each cycle
// of the permutation once; `source` is consumed.
void apply_permutation(std::vector<UnitResult>& results, std::vector<std::uint32_t>& source) {
  constexpr std::uint32_t kDone = UINT32_MAX;
  for (std::size_t start = 0; start < source.size(); ++start) {
    if (source[start] == kDone || source[start] == start) continue;
    UnitResult held = std::move(results[start]);
    std::size_t at = start;
    while (source[at] != start) {
      const std::size_t from = source[at];
      results[at] = std::move(results[from]);
      source[at] = kDone;
      at = from;
    }
    results[at] = std::move(held);
    source[at] = kDone;
  }
}

// Report order: assessed units by tier and rank, then the rest; ties by
// name, then by input order. Ranks are small integers, so the units are
// first placed by (tier, rank) with a counting sort, in input order; only
// each run of equal rank (common: a two-decimal index over 238,000 units)
// is then sorted by name. The order is applied as one permutation, for the
// reason given at rank().
void order_for_reports(std::vector<UnitResult>& results, const std::vector<Unit>& units) {
  const std::size_t n = results.size();
  if (n + 1 >= (std::size_t(1) << 30)) throw std::length_error("too many units to order");
  // Each unit's tier and rank (rank 1..n), kNotAssessed for the rest, and
  // the highest rank of each tier: buckets are (tier, rank), each tier's
  // ranks after the previous tier's, then one bucket for the rest.
  constexpr std::uint32_t kNotAssessed = UINT32_MAX;
  std::vector<std::uint32_t> tier_rank(n);
  std::array<std::size_t, 3> top{};
  for (std::size_t i = 0; i < n; ++i) {
    const UnitResult& r = results[i];
    if (!r.assessed) {
      tier_rank[i] = kNotAssessed;
      continue;
    }
    if (r.rank < 1 || std::size_t(r.rank) > n) throw std::logic_error("an assessed unit without a rank");
    const auto tier = std::size_t(rank_tier(units[std::size_t(r.unit)]));
    top[tier] = std::max(top[tier], std::size_t(r.rank));
    tier_rank[i] = std::uint32_t(tier << 30 | std::size_t(r.rank));
  }
  std::array<std::size_t, 4> tier_base{};  // the bucket of rank 0 of each tier; [3]: the rest
  for (std::size_t t = 0; t < 3; ++t) tier_base[t + 1] = tier_base[t] + top[t] + 1;
  const std::size_t rest = tier_base[3];
  for (std::uint32_t& b : tier_rank) b = b == kNotAssessed ? std::uint32_t(rest) : std::uint32_t(tier_base[b >> 30] + (b & ((1u << 30) - 1)));
  const std::vector<std::uint32_t>& bucket = tier_rank;  // until the keys are placed
  // Each unit's key, built in input order (its unit and name are read in
  // memory order) straight into its bucket's place.
  struct Key {
    std::uint64_t prefix[2];  // the name's first 16 bytes, big-endian: compared as integers, they order as bytes
    const std::string* name;
    std::uint32_t index;
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
  {
    std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
    for (std::size_t i = 0; i < n; ++i) {  // in input order within a bucket
      const std::string& name = units[std::size_t(results[i].unit)].name;
      placed[next[bucket[i]]++] = {{prefix_word(name, 0), prefix_word(name, 8)}, &name, std::uint32_t(i)};
    }
  }
  // Within a bucket by name, the rest of it only when the first 16 bytes
  // agree; then by input order.
  auto by_name = [](const Key& a, const Key& b) {
    if (a.prefix[0] != b.prefix[0]) return a.prefix[0] < b.prefix[0];
    if (a.prefix[1] != b.prefix[1]) return a.prefix[1] < b.prefix[1];
    if (a.name->size() != b.name->size() || a.name->size() > 16) {
      if (int c = a.name->compare(*b.name); c != 0) return c < 0;
    }
    return a.index < b.index;
  };
  for (std::size_t b = 0; b + 1 < start.size(); ++b) {
    if (start[b + 1] - start[b] > 1) std::sort(placed.begin() + start[b], placed.begin() + start[b + 1], by_name);
  }
  std::vector<std::uint32_t>& source = tier_rank;  // now results in report order
  for (std::size_t k = 0; k < n; ++k) source[k] = placed[k].index;
  apply_permutation(results, source);
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
  if (!given && fw.has_treatments()) {
    // A composite indicator: leaves normalised across units first.
    auto log = std::make_shared<TreatmentLog>();
    const auto values = composite_values(fw, *out.data, profile, *log);
    out.treatment = std::move(log);
    out.results = Scorer(fw, *out.data, profile, out.node_slots, &values, true).run(out.scores);
  } else {
    out.results = Scorer(fw, *out.data, profile, out.node_slots, given).run(out.scores);
  }
  const auto& units = out.data->units;
  // Provinces as small integers for grouping their kabupaten/kota; -1 for
  // the rest (a province's own government is not ranked among them).
  std::unordered_map<std::string_view, int> province_index;
  std::vector<int> province_of(units.size(), -1);
  for (std::size_t u = 0; u < units.size(); ++u) {
    if (units[u].province_code().empty() || rank_tier(units[u]) != RankTier::kabupaten_kota) continue;
    province_of[u] = province_index.emplace(units[u].province_code(), int(province_index.size())).first->second;
  }
  std::vector<int> tier_of(out.results.size()), type_of(out.results.size()), province_of_result(out.results.size());
  for (std::size_t i = 0; i < out.results.size(); ++i) {
    std::size_t u = std::size_t(out.results[i].unit);
    tier_of[i] = int(rank_tier(units[u]));
    type_of[i] = int(units[u].level);
    province_of_result[i] = province_of[u];
  }
  rank(out.results, tier_of, &UnitResult::rank);
  // Where each tier holds one type only (a sheet of OPD, or of kota only),
  // the ranks within types are the ranks: no second sort.
  std::vector<int> type_in_tier(4, -1);
  bool one_type_per_tier = true;
  for (std::size_t i = 0; i < out.results.size() && one_type_per_tier; ++i) {
    int& seen = type_in_tier[std::size_t(tier_of[i])];
    if (seen < 0) seen = type_of[i];
    one_type_per_tier = seen == type_of[i];
  }
  if (one_type_per_tier) {
    for (UnitResult& r : out.results) r.rank_in_type = r.rank;
  } else {
    rank(out.results, type_of, &UnitResult::rank_in_type);
  }
  rank(out.results, province_of_result, &UnitResult::rank_in_province);
  order_for_reports(out.results, units);
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
