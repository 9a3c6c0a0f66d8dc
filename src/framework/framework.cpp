#include "siap/framework.hpp"

namespace siap {

const char* status_key(Status status) {
  switch (status) {
    case Status::official:
      return "official";
    case Status::derived:
      return "derived";
    case Status::third_party:
      return "third-party";
    case Status::project_defined:
      return "project-defined";
  }
  return "official";
}

const LocalizedText& status_label(Status status) {
  static const LocalizedText official{"resmi", "official"};
  static const LocalizedText derived{"turunan", "derived"};
  static const LocalizedText third_party{"pihak ketiga", "third-party"};
  static const LocalizedText project_defined{"ditetapkan proyek", "project-defined"};
  switch (status) {
    case Status::official:
      return official;
    case Status::derived:
      return derived;
    case Status::third_party:
      return third_party;
    case Status::project_defined:
      return project_defined;
  }
  return official;
}

const char* scale_kind_key(ScaleKind kind) {
  switch (kind) {
    case ScaleKind::ordinal:
      return "ordinal";
    case ScaleKind::likert:
      return "likert";
    case ScaleKind::yes_no:
      return "yes_no";
    case ScaleKind::numeric:
      return "numeric";
    case ScaleKind::categorical:
      return "categorical";
  }
  return "ordinal";
}

namespace {
struct AggregationName {
  AggregationMethod method;
  const char* key;
  LocalizedText label;
};
const AggregationName kAggregations[] = {
    {AggregationMethod::arithmetic, "arithmetic", {"rata-rata aritmetika berbobot", "weighted arithmetic mean"}},
    {AggregationMethod::geometric, "geometric", {"rata-rata geometrik berbobot", "weighted geometric mean"}},
    {AggregationMethod::harmonic, "harmonic", {"rata-rata harmonik berbobot", "weighted harmonic mean"}},
    {AggregationMethod::power, "power", {"rata-rata pangkat (umum) berbobot", "weighted power (generalised) mean"}},
};
const AggregationName& aggregation_name(AggregationMethod method) {
  for (const auto& a : kAggregations) {
    if (a.method == method) return a;
  }
  return kAggregations[0];
}
}  // namespace

const char* aggregation_key(AggregationMethod method) { return aggregation_name(method).key; }
const LocalizedText& aggregation_label(AggregationMethod method) { return aggregation_name(method).label; }
std::optional<AggregationMethod> aggregation_from_key(std::string_view key) {
  for (const auto& a : kAggregations) {
    if (key == a.key) return a.method;
  }
  return std::nullopt;
}
bool needs_positive_values(AggregationMethod method, const Decimal& power) {
  return method == AggregationMethod::geometric || method == AggregationMethod::harmonic ||
         (method == AggregationMethod::power && power <= Decimal::from_int(0));
}

bool Framework::has_treatments() const {
  for (int leaf : leaves) {
    if (nodes[std::size_t(leaf)].treatment) return true;
  }
  return false;
}

const char* input_kind_key(InputKind kind) {
  switch (kind) {
    case InputKind::units:
      return "units";
    case InputKind::respondents:
      return "respondents";
    case InputKind::both:
      return "both";
  }
  return "units";
}

std::optional<int> BandSet::band_of(const Decimal& score) const {
  // Ascending and contiguous: the last band whose lower edge is reached.
  for (int i = int(bands.size()) - 1; i >= 0; --i) {
    const Band& band = bands[std::size_t(i)];
    bool top = i == int(bands.size()) - 1;
    if (score >= band.from && (score < band.to || (top && score == band.to))) return i;
  }
  return std::nullopt;
}

std::optional<int> Framework::find_node(std::string_view node_id) const {
  for (std::size_t i = 1; i < nodes.size(); ++i) {
    if (nodes[i].id == node_id) return int(i);
  }
  return std::nullopt;
}

std::optional<int> Framework::find_profile(std::string_view profile_id) const {
  for (std::size_t i = 0; i < profiles.size(); ++i) {
    if (profiles[i].id == profile_id) return int(i);
  }
  return std::nullopt;
}

std::vector<int> Framework::band_sets_at(int depth) const {
  std::vector<int> out;
  for (std::size_t i = 0; i < band_sets.size(); ++i) {
    for (int d : band_sets[i].depths) {
      if (d == depth) out.push_back(int(i));
    }
  }
  return out;
}

}  // namespace siap
