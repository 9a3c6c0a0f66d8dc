// The result of scoring: per unit, every node's exact and published score,
// its bands, the facet scores, ranks, and the data it came from. Reporters
// only read an Assessment.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "siap/dataset.hpp"
#include "siap/decimal.hpp"
#include "siap/expected.hpp"
#include "siap/framework.hpp"
#include "siap/limits.hpp"
#include "siap/number.hpp"

namespace siap {

// A node score's band in each band set at its depth (Framework::band_sets_at),
// kept inline: results hold one per node and unit. The framework validator
// caps band sets per depth and bands per set (include/siap/limits.hpp).
class BandIndices {
 public:
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }
  int operator[](std::size_t i) const { return band_[i]; }  // band index, or -1 when no band holds the value
  void push_back(int band) { band_[size_++] = std::int8_t(band); }

 private:
  std::array<std::int8_t, limits::kMaxBandSetsPerDepth> band_{};
  std::uint8_t size_ = 0;
};

// 24 bytes: a national unit sheet keeps millions of these, every one of
// them freshly touched memory (docs/performance.md). The exact value it was
// published from is kept beside it in the ScoreBlock (Assessment::exact),
// and only when a reader needs it.
struct NodeScore {
  Decimal published;          // the exact value rounded half up to score.decimals; meaningful when assessed
  std::uint32_t answers = 0;  // leaves: respondents who answered
  bool assessed : 1 = false;  // false: "Tidak Dapat Dinilai"
  bool given : 1 = false;     // taken from an input column, not computed
  BandIndices bands;

  // The share of the children's weight present (leaves: 1), to 4 decimals
  // rounded half up: what reports show and the JSON keeps. Whether a node is
  // assessable was decided on the exact share before it was stored.
  Decimal coverage() const { return Decimal::from_scaled(coverage_e4_, 4); }
  bool full_coverage() const { return coverage_e4_ == 10'000; }
  void set_coverage(const Number& share);  // 0 <= share <= 1, else std::logic_error
  // On 0-100 when score.percent: where the published value lies in the
  // score range, to score.decimals (derived, so not stored).
  std::optional<Decimal> percent(const ScoreSpec& score) const;

 private:
  std::uint16_t coverage_e4_ = 0;  // ten-thousandths
};
static_assert(sizeof(NodeScore) == 24, "NodeScore grew: every unit of a national sheet pays for each byte, per node");

// Which node scores an assessment keeps for each unit. Scoring computes
// every node either way; a report that reads only the index, its top-level
// nodes and the facets (the CSV) lets a national unit sheet keep a twelfth
// of the scores (SPBE 2020: 5 nodes of 60, 50 MB instead of 605 MB for
// 90,000 instansi).
enum class NodeScope {
  all,  // every node of the framework, with its exact value
  top,  // the root and its children, published only (no exact values)
};

// A unit's node scores, indexed like Framework::nodes. Under NodeScope::top
// asking for a node that was not kept is an internal error
// (std::logic_error), never another node's score.
class NodeScores {
 public:
  NodeScores() = default;
  // Implicit: a span of every node's score, in framework order, is such a view.
  NodeScores(std::span<NodeScore> every_node) : scores_(every_node.data()) {}
  // `slot_of[n]`: where node n is in `kept`, or -1.
  NodeScores(NodeScore* kept, const std::int32_t* slot_of) : scores_(kept), slot_of_(slot_of) {}

  NodeScore& operator[](std::size_t node) const {
    if (slot_of_ == nullptr) return scores_[node];
    const std::int32_t slot = slot_of_[node];
    if (slot < 0) not_kept(node);
    return scores_[slot];
  }
  bool keeps(std::size_t node) const { return slot_of_ == nullptr || slot_of_[node] >= 0; }
  bool empty() const { return scores_ == nullptr; }
  const NodeScore* data() const { return scores_; }  // the first kept score

 private:
  [[noreturn]] static void not_kept(std::size_t node);
  NodeScore* scores_ = nullptr;
  const std::int32_t* slot_of_ = nullptr;  // nullptr: every node, in framework order
};

struct NotAssessed {
  std::string code;  // "too_few_respondents", "insufficient_coverage", "too_few_kabupaten_kota"
  LocalizedText reason;
};

// Members ordered by size: a national unit sheet keeps one per unit
// (476,000 on the 20 MB benchmark), and padding between them was 16 of
// the 120 bytes each paid.
struct UnitResult {
  // Why the unit is not assessed; null when it is. Out of line: most units
  // of a national sheet are assessed, and the three strings were 96 of the
  // 208 bytes every unit paid.
  std::shared_ptr<const NotAssessed> why_not;
  NodeScores nodes;                          // indexed like Framework::nodes (Assessment::node_slots), in Assessment::scores
  std::vector<std::span<NodeScore>> facets;  // per facet, per facet value, in Assessment::scores
  std::optional<Decimal> gap_to_next_band;   // to the next band of the first overall band set
  std::optional<int> next_band;
  int unit = -1;                  // index into Dataset::units
  std::uint32_t respondents = 0;  // accepted rows of this unit (rows are counted in 32 bits throughout)
  int rank = 0;                   // competition ranking on the published index within the unit's RankTier; 0 = not ranked
  int rank_in_type = 0;           // among units of the same type (Provinsi / Kabupaten / Kota / other)
  int rank_in_province = 0;       // among the kabupaten/kota of the same province; 0 for the rest
  bool assessed = false;          // the overall index could be computed

  // why_not's code and reason, empty for an assessed unit.
  const std::string& not_assessed_code() const {
    static const std::string none;
    return why_not ? why_not->code : none;
  }
  const LocalizedText& not_assessed_reason() const {
    static const LocalizedText none;
    return why_not ? why_not->reason : none;
  }
};
static_assert(sizeof(UnitResult) <= 104, "UnitResult grew: a national unit sheet keeps one per unit");

// Every unit's node and facet scores in one block, so that scoring a
// national unit sheet neither allocates per unit nor pays a page fault per
// 4 KiB (large blocks are mapped on huge pages), with each score's exact
// value in a parallel array when the block keeps them. Move-only:
// UnitResult spans point into it.
namespace detail {
struct BlockRelease {  // munmap or free, by size
  std::size_t bytes = 0;
  void operator()(void* p) const;
};
}  // namespace detail

class ScoreBlock {
 public:
  ScoreBlock() = default;
  // Uninitialised; slice() constructs. `exact`: keep each score's exact value.
  explicit ScoreBlock(std::size_t count, bool exact = true);
  ScoreBlock(ScoreBlock&&) noexcept = default;
  ScoreBlock& operator=(ScoreBlock&&) noexcept = default;

  // Default-constructed scores [from, from + n) (and their exact values,
  // exact 0); each slice once.
  std::span<NodeScore> slice(std::size_t from, std::size_t n);
  std::size_t size() const { return size_; }
  bool keeps_exact() const { return exact_ != nullptr; }
  // Score i, of a slice made before.
  NodeScore& at(std::size_t i) { return data_.get()[i]; }
  const NodeScore& at(std::size_t i) const { return data_.get()[i]; }

  // The exact value behind `score`, a score of this block. Asking a block
  // that keeps none (NodeScope::top), or for a score elsewhere, is an
  // internal error (std::logic_error), never another score's value.
  const Number& exact(const NodeScore& score) const { return exact_.get()[index_of(score)]; }
  Number& exact(const NodeScore& score) { return exact_.get()[index_of(score)]; }

 private:
  std::size_t index_of(const NodeScore& score) const {
    const auto at = reinterpret_cast<std::uintptr_t>(&score), first = reinterpret_cast<std::uintptr_t>(data_.get());
    if (exact_ == nullptr || at < first || (at - first) / sizeof(NodeScore) >= size_) not_kept();
    return (at - first) / sizeof(NodeScore);
  }
  [[noreturn]] static void not_kept();
  std::unique_ptr<NodeScore, detail::BlockRelease> data_;
  std::unique_ptr<Number, detail::BlockRelease> exact_;  // null: not kept
  std::size_t size_ = 0;
};

struct TreatmentLog;  // siap/composite.hpp

struct Assessment {
  const Framework* framework = nullptr;
  int profile = -1;  // index into Framework::profiles, -1 default
  // The input it was computed from: files, units, counts, the quality log
  // and the respondents' answers. Shared, not owned: the stages that need
  // the answers (statistics, a bootstrap) hold them beside the results; an
  // assessment read back from JSON has no answers (no rows behind `rows`).
  std::shared_ptr<const Dataset> data;
  ScoreBlock scores;  // what UnitResult::nodes and ::facets point into
  // Under NodeScope::top, per framework node its place among a unit's kept
  // scores or -1 (what UnitResult::nodes reads through); empty when every
  // node is kept (NodeScope::all).
  std::vector<std::int32_t> node_slots;
  // A composite indicator's treatments across units (imputed, winsorised,
  // log-transformed), or nullptr when no leaf is treated.
  std::shared_ptr<const TreatmentLog> treatment;
  std::vector<UnitResult> results;  // ranked units first (by RankTier, rank, then name), then the rest by name

  const Unit& unit_of(const UnitResult& r) const { return data->units[std::size_t(r.unit)]; }
  // The exact value a node or facet score of this assessment was published
  // from (kept under NodeScope::all; std::logic_error under NodeScope::top).
  const Number& exact(const NodeScore& score) const { return scores.exact(score); }
  // The result of the unit with this Kemendagri code ("32.73"), or nullptr.
  const UnitResult* find(std::string_view code) const;
};

// Every unit's values (ScoringKernel), published and ranked. `data` is
// shared with the result; `scope` says which node scores it keeps.
Assessment assess(const Framework& fw, std::shared_ptr<const Dataset> data, int profile = -1, NodeScope scope = NodeScope::all);
inline Assessment assess(const Framework& fw, Dataset data, int profile = -1, NodeScope scope = NodeScope::all) {
  return assess(fw, std::make_shared<const Dataset>(std::move(data)), profile, scope);
}

// The same from node values computed elsewhere (a roll-up of other units'
// scores): `values[u]` holds unit u's node values in framework order, then
// its facet values (ScoringKernel::facet_values() of them); published,
// banded and ranked exactly as assess() does. `data` names the units; its
// rows are not read.
struct NodeValue;
Assessment assess_values(const Framework& fw, std::shared_ptr<const Dataset> data, const std::vector<std::vector<NodeValue>>& values,
                         int profile = -1);

// Units named by code ("32.73") or name (ignoring case), as indices into
// Dataset::units; an unknown one is an error naming the closest units.
Expected<std::vector<int>> find_units(const Assessment& a, const std::vector<std::string>& queries);

// "Kabupaten", "Kota", "Provinsi", or "Lainnya"/"Other" for non-regions.
LocalizedText unit_type_label(const Unit& unit);

// Which units are ranked together. A province's own government is not one
// of its kabupaten/kota, and an OPD or ministry is neither (KemenPANRB
// publishes SPBE results per kind of instansi), so each kind is ranked on
// its own; reports list the tiers in this order.
enum class RankTier { kabupaten_kota, province_government, other };
RankTier rank_tier(const Unit& unit);
// "Kabupaten/Kota", "Pemerintah Provinsi", "Unit lain" (and in English).
LocalizedText rank_tier_label(RankTier tier);

}  // namespace siap
