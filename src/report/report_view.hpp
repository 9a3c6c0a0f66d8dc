// What the rich reports (XLSX, HTML, Markdown) show beyond the ranking, read
// off an Assessment: which nodes make a region's profile, its strongest and
// weakest elements, band labels and colours, node paths. Nothing here scores.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "siap/assessment.hpp"
#include "siap/bootstrap.hpp"
#include "siap/report.hpp"

namespace siap::report {

inline std::string tr(Lang lang, std::string_view id, std::string_view en) { return std::string(lang == Lang::en ? en : id); }

// The axes of a region's radar profile: the top-level nodes, or the second
// level when there are fewer than three top-level nodes.
std::vector<int> profile_axes(const Framework& fw);

// The nodes named as strongest and weakest elements: the second level of the
// tree (Kominfo's elements, SPBE's aspects), or the top level when the tree is flat.
std::vector<int> element_nodes(const Framework& fw);

struct Extremes {
  std::vector<int> strongest;  // node indices, best first
  std::vector<int> weakest;    // node indices, worst first
};
// Up to `count` assessed elements from each end, by exact score; ties keep
// framework order. An element is never both strongest and weakest.
Extremes extremes(const Assessment& assessment, const UnitResult& result, std::size_t count = 3);

// The overall band set (first band set at depth 0), or nullptr.
const BandSet* overall_band_set(const Framework& fw);
// The band of a score in the first band set at the node's depth, or nullptr.
const Band* band_of(const Framework& fw, int node, const NodeScore& score);
// The colour of the band a score falls in (first band set at the node's
// depth), or nothing when it has no band.
std::optional<std::string> band_color_of(const Framework& fw, int node, const NodeScore& score);
// "#RRGGBB": the band's colour, or a red-to-green ramp by position when the
// framework gives none.
std::string band_color(const BandSet& set, std::size_t band);
// Black or white, whichever reads better on `background` ("#RRGGBB").
std::string text_color_on(std::string_view background);

// "Tata Kelola › Kebijakan › Item 1" (root excluded).
std::string node_path(const Framework& fw, int node, Lang lang);

// The units whose profiles are drawn: options.profile_units when given, else
// the assessed units in ranking order up to options.profile_limit.
std::vector<const UnitResult*> profile_units(const Assessment& a, const ReportOptions& options);

// The study title (ReportOptions::title), or the framework's title.
std::string study_title(const Assessment& a, const ReportOptions& options);

// Units that could be assessed (and so are ranked).
std::size_t assessed_count(const Assessment& a);

// The province a kabupaten/kota lies in; "" for provinces and non-regions.
std::string province_name(const Unit& unit);

// The weight profile in words: "bawaan (bobot pohon kerangka)" or "Sleman 2024 (sleman)".
std::string weight_profile_label(const Assessment& a, Lang lang);

// Published score as text in the report language, or "–" when not assessed.
std::string published_text(const Framework& fw, const NodeScore& score, Lang lang);

// A share of the overall index as a percentage in the report language: "16,67 %" / "16.67 %".
std::string percent_text(double share, Lang lang);

// A count with thousands separators: "1.028.000" (id) / "1,028,000" (en).
std::string count_text(std::size_t value, Lang lang);

// One node of the method section's tree, as every report shows it.
struct MethodRow {
  int node = 0;   // index into Framework::nodes
  int depth = 1;  // 1 = top level
  bool leaf = false;
  bool listed = true;  // in the HTML and Markdown summary (false: an item of a long questionnaire)
  std::string id;
  std::string name;         // in the report language
  Decimal weight;           // under the weight profile
  double share = 0;         // of the overall index
  std::string aggregation;  // "rata-rata aritmetika" / "arithmetic mean"; empty for leaves
  std::string status;       // provenance label
  std::string sources;      // source ids, comma-separated
};

// The method section, built once and laid out by each reporter.
struct MethodView {
  std::vector<MethodRow> tree;   // every node below the root, in pre-order
  bool items_elsewhere = false;  // over 24 items: the HTML and Markdown list only the levels above them
};
MethodView method_view(const Assessment& a, Lang lang);

// The summary section's counts.
struct SummaryView {
  std::size_t rows_read = 0, rows_accepted = 0, rows_rejected = 0;
  std::size_t cells_ignored = 0;
  std::size_t units = 0, units_assessed = 0, units_not_assessable = 0;
};
SummaryView summary_view(const Assessment& a);

// One unit's line in the ranking or in the list of units not assessable.
struct RankingRow {
  const UnitResult* result = nullptr;
  const Unit* unit = nullptr;
  std::string province;        // "" for a province and a non-region
  const Band* band = nullptr;  // the overall band, or nullptr
  RankTier tier = RankTier::kabupaten_kota;
  bool first_of_tier = false;  // ranked: the tier's first row (a heading goes before it when there are several tiers)
};

// The ranking section: assessed units in ranking order with the top-level
// node scores, then the units that could not be assessed, with reasons.
struct RankingView {
  std::vector<int> columns;        // the top-level nodes, in framework order
  bool several_provinces = false;  // a province column tells something
  bool several_tiers = false;      // ranks restart per RankTier: each tier needs a heading
  std::vector<RankingRow> ranked;  // assessed, in ranking order
  std::vector<RankingRow> not_assessed;
};
RankingView ranking_view(const Assessment& a);

// A node named in a profile, with its score.
struct NodeEntry {
  int node = 0;
  std::string name;  // in the report language
  const NodeScore* score = nullptr;
};

// One region's profile: overall score and band, the axes, the gap to the
// next band, the strongest and weakest elements.
struct ProfileView {
  const UnitResult* result = nullptr;
  const Unit* unit = nullptr;
  const Band* band = nullptr;
  std::vector<NodeEntry> axes;
  const Band* next_band = nullptr;  // set when result->gap_to_next_band is
  std::vector<NodeEntry> strongest, weakest;
};
struct ProfilesView {
  std::vector<int> axes;
  std::vector<ProfileView> units;
  bool top_only = false;  // the first units of the ranking only; the reports say how to choose others
};
ProfilesView profiles_view(const Assessment& a, const ReportOptions& options);

// The data-quality section: rows per file, problems per reason code.
struct QualityView {
  const std::vector<InputFileInfo>* files = nullptr;
  std::vector<QualityLog::CodeSummary> by_code;
  std::size_t problems = 0;
  std::size_t elided = 0;  // problems beyond the examples a report lists
};
QualityView quality_view(const Assessment& a);

// A bootstrap value as published values are: rounded half up (away from
// zero) to `decimals`, in the report language; "–" when not computed.
std::string estimate_text(double value, int decimals, Lang lang);
// "2,38–2,61" / "2.38–2.61"; "–" when not computed.
std::string interval_text(const Interval& interval, int decimals, Lang lang);

// "3 (2–5)": the median rank (with a decimal when between two ranks) and
// the 5th–95th percentile ranks; "–" when never ranked.
std::string rank_interval_text(const UnitBootstrap& b, Lang lang);

// The uncertainty section (--bootstrap): how the intervals were made, each
// ranked unit's interval and rank distribution, and the neighbours the
// resamples cannot tell apart, in words.
struct UncertaintyRow {
  const UnitResult* result = nullptr;
  const Unit* unit = nullptr;
  const UnitBootstrap* boot = nullptr;
  RankTier tier = RankTier::kabupaten_kota;
};
struct UncertaintyView {
  const BootstrapResult* result = nullptr;  // nullptr: no bootstrap, no section
  std::string method;                       // one paragraph
  std::string confidence;                   // "95 %"
  std::string top_label;                    // "P(peringkat ≤ 10)"
  std::vector<UncertaintyRow> rows;         // ranked units, in ranking order
  std::vector<std::string> unresolved;      // one sentence per pair of neighbours
  std::string resolved_all;                 // said instead when every neighbour is told apart
};
UncertaintyView uncertainty_view(const Assessment& a, const ReportOptions& options);

}  // namespace siap::report
