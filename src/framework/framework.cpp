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

const char* aggregation_key(AggregationMethod method) { return method == AggregationMethod::geometric ? "geometric" : "arithmetic"; }

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
