// The in-memory form of a maturity framework (schema v1, see
// docs/framework-schema.md). A Framework is produced only by the loader, which
// validates it completely: every reference is resolved to an index, every
// weight is positive, every leaf has a scale, bands tile the score range.
// Later stages may therefore rely on these invariants without re-checking.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "siap/decimal.hpp"
#include "siap/diagnostic.hpp"
#include "siap/indicator_treatment.hpp"
#include "siap/text.hpp"

namespace siap {

// Where a value comes from. Shown next to every element so that nobody takes
// a project choice for a government one.
enum class Status { official, derived, third_party, project_defined };
const char* status_key(Status status);             // "official", "third-party", ...
const LocalizedText& status_label(Status status);  // "resmi" / "official", ...

struct Source {
  std::string id;
  std::string citation;
  std::string url;  // may be empty
  Status status = Status::official;
};

// Provenance shared by every element that can carry it.
struct Provenance {
  Status status = Status::official;
  std::vector<int> sources;  // indices into Framework::sources
};

// An input column: its canonical header and the other headers accepted for it.
struct ColumnSpec {
  std::string name;
  std::vector<std::string> aliases;
  bool empty() const { return name.empty(); }
};

enum class ScaleKind { ordinal, likert, yes_no, numeric, categorical };
const char* scale_kind_key(ScaleKind kind);

enum class Direction { higher_is_better, lower_is_better };

struct ScalePoint {
  Decimal value;
  LocalizedText label;
  std::vector<std::string> aliases;  // other answers meaning this level ("SS", "STS"), as survey tools or people write them
};

struct CategoryScore {
  std::string answer;  // answer text as it appears in the input
  Decimal score;       // on the framework's score range
};

// How a leaf's raw answer becomes a score on the framework's score range.
struct Scale {
  std::string id;
  LocalizedText name;
  ScaleKind kind = ScaleKind::ordinal;
  Provenance provenance;
  SourceLocation where;

  // ordinal, likert: answers are numbers in [min, max]; the answer is the score.
  Decimal min;
  Decimal max;
  bool integer_only = true;
  std::vector<ScalePoint> points;  // labelled levels, ascending

  // yes_no: answer words and the scores they give.
  std::vector<std::string> yes_words;
  std::vector<std::string> no_words;
  Decimal yes_score;
  Decimal no_score;

  // numeric: raw value mapped linearly from [worst, best] goalposts onto the
  // score range and clamped.
  Direction direction = Direction::higher_is_better;
  Decimal low_goalpost;
  Decimal high_goalpost;
  // false: an indicator without goalposts, normalised across units by its
  // leaves' treatment (the loader requires one).
  bool has_goalposts = true;

  // categorical: answer text (matched ignoring case and surrounding spaces).
  std::vector<CategoryScore> categories;

  // Answers that mean "no answer" ("n/a", "-", "99"): counted, not errors,
  // and never a score. None may be a valid answer on the scale.
  std::vector<std::string> no_answer;
};

// Weighted means of a node's children (COINr's a_amean, a_gmean, a_hmean,
// a_genmean): a geometric or harmonic mean, or a power mean of exponent
// p <= 0, needs positive children, which the validator checks.
enum class AggregationMethod { arithmetic, geometric, harmonic, power };
const char* aggregation_key(AggregationMethod method);
std::optional<AggregationMethod> aggregation_from_key(std::string_view key);
const LocalizedText& aggregation_label(AggregationMethod method);  // "rata-rata aritmetika berbobot" ...
// Whether the method needs every child value > 0.
bool needs_positive_values(AggregationMethod method, const Decimal& power);

struct Aggregation {
  AggregationMethod method = AggregationMethod::arithmetic;
  Decimal power = Decimal::from_int(1);  // the exponent p of a power mean (not 0)
  // Share (0, 1] of a node's child weight that must be present for the node
  // to be scored; below it the node is "Tidak Dapat Dinilai".
  Decimal min_coverage = Decimal::from_int(1);
};

struct Band {
  std::string id;
  LocalizedText label;
  Decimal from;       // inclusive
  Decimal to;         // exclusive, except for the highest band
  std::string color;  // "#RRGGBB", may be empty
};

// Labelled score ranges (predikat, maturity stages). Bands are stored in
// ascending order, tile [score.min, score.max] without gaps or overlaps, and
// the highest band includes its upper edge.
struct BandSet {
  std::string id;
  LocalizedText name;
  Provenance provenance;
  std::vector<Band> bands;
  std::vector<int> depths;  // tree depths it applies to: 0 = overall index
  SourceLocation where;

  // Index of the band holding `score` (within the score range).
  std::optional<int> band_of(const Decimal& score) const;
};

struct FacetValue {
  std::string id;
  LocalizedText name;
  int parent = -1;  // index into Facet::values, -1 for top-level values
  std::vector<int> children;
};

// A second classification of the leaves (e.g. readiness pillars across the
// six dimensions). A facet value's score is the mean of the leaves tagged
// with it (or with its descendants), weighted by their effective shares.
struct Facet {
  std::string id;
  LocalizedText name;
  Provenance provenance;
  std::vector<FacetValue> values;  // pre-order
  SourceLocation where;
};

struct Node {
  std::string id;  // unique in the framework; "" for the root
  LocalizedText name;
  LocalizedText description;
  Decimal weight;  // relative to its siblings, > 0
  Provenance provenance;
  SourceLocation where;
  std::string path;  // document path, e.g. "tree[3].children[1]"

  int parent = -1;  // index into Framework::nodes; -1 for the root
  std::vector<int> children;
  int depth = 0;  // 0 = root (the overall index), 1 = top level

  Aggregation aggregation;
  // Leaves always have a column. An internal node may have one: its value is
  // then taken as given (e.g. a published domain index) instead of computed.
  ColumnSpec column;
  int scale = -1;                   // index into Framework::scales; leaves only
  bool reverse = false;             // reverse-keyed item (ordinal, likert, categorical)
  std::map<int, int> facet_values;  // facet index -> value index (leaves only)
  // Leaves of a numeric scale: how the raw indicator becomes a score across
  // all units (denominator, imputation, outliers, normalisation). Set on a
  // node or at the top level and inherited; resolved onto each leaf by the
  // loader, so only leaves carry one.
  std::optional<Treatment> treatment;

  bool is_leaf() const { return children.empty() && parent >= 0; }
};

enum class InputKind { units, respondents, both };
const char* input_kind_key(InputKind kind);

enum class CombineMethod { mean, median };

struct RespondentGroup {
  std::string id;
  LocalizedText name;
  Decimal weight = Decimal::from_int(1);
  std::vector<std::string> aliases;  // answer texts that name this group
};

struct InputSpec {
  InputKind kind = InputKind::units;
  ColumnSpec unit_column;           // region or instansi
  ColumnSpec respondent_id_column;  // respondent input, optional
  ColumnSpec group_column;          // respondent input, optional
  // The study's scope, when the framework is written for some provinces:
  // their codes ("32"), checked at load. Empty: all of Indonesia.
  std::vector<std::string> provinces;
};

struct RespondentSpec {
  CombineMethod combine = CombineMethod::mean;
  int min_respondents = 1;
  std::vector<RespondentGroup> groups;  // empty: respondents weigh equally
  Provenance provenance;
};

struct ScoreSpec {
  Decimal min = Decimal::from_int(1);
  Decimal max = Decimal::from_int(5);
  int decimals = 2;      // published values are rounded half up
  bool percent = false;  // also report 0-100
};

// Alternative sibling weights selectable at run time.
struct WeightProfile {
  std::string id;
  LocalizedText name;
  Provenance provenance;
  std::map<int, Decimal> weights;  // node index -> weight
  SourceLocation where;
};

struct Framework {
  std::string id;
  std::string version;
  LocalizedText title;
  LocalizedText description;
  Provenance provenance;
  std::vector<Source> sources;
  SourceLocation where;  // the file

  InputSpec input;
  std::optional<RespondentSpec> respondents;
  ScoreSpec score;
  std::vector<Scale> scales;
  std::vector<BandSet> band_sets;
  std::vector<Facet> facets;
  std::vector<WeightProfile> profiles;

  // Pre-order: nodes[0] is the root (the overall index); leaves appear in
  // framework order.
  std::vector<Node> nodes;
  std::vector<int> leaves;  // indices of leaf nodes, in framework order

  const Node& root() const { return nodes.front(); }
  std::optional<int> find_node(std::string_view node_id) const;
  std::optional<int> find_profile(std::string_view profile_id) const;
  // Whether any leaf is treated across units (a composite indicator).
  bool has_treatments() const;
  // Band sets that apply at a depth (0 = overall).
  std::vector<int> band_sets_at(int depth) const;
};

}  // namespace siap
