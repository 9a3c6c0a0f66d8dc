#include "input/column_matcher.hpp"

#include "siap/folding.hpp"

namespace siap {

ColumnMatcher::ColumnMatcher(const Framework& fw, const std::vector<int>& item_nodes) {
  add(fw.input.unit_column, {ColumnTarget::Role::unit, -1});
  add(fw.input.respondent_id_column, {ColumnTarget::Role::respondent_id, -1});
  add(fw.input.group_column, {ColumnTarget::Role::group, -1});
  for (std::size_t i = 0; i < item_nodes.size(); ++i) {
    add(fw.nodes[std::size_t(item_nodes[i])].column, {ColumnTarget::Role::item, int(i)});
  }
}

void ColumnMatcher::add(const ColumnSpec& spec, ColumnTarget target) {
  if (spec.empty()) return;
  entries_.push_back({fold_header(spec.name), target, spec.name});
  for (const auto& alias : spec.aliases) entries_.push_back({fold_header(alias), target, spec.name});
}

std::optional<ColumnTarget> ColumnMatcher::exact(const std::string& folded) const {
  for (const auto& e : entries_) {
    if (e.folded == folded) return e.target;
  }
  return std::nullopt;
}

std::optional<ColumnTarget> ColumnMatcher::match(std::string_view header) const {
  std::string_view h = trim(header);
  if (auto t = exact(fold_header(h))) return t;
  // Group paths: the part after the last '/' (Kobo), then after the last '-' (ODK).
  for (char separator : {'/', '-'}) {
    auto cut = h.rfind(separator);
    if (cut != std::string_view::npos && cut + 1 < h.size()) {
      if (auto t = exact(fold_header(h.substr(cut + 1)))) return t;
    }
  }
  return std::nullopt;
}

const std::string& ColumnMatcher::canonical(const ColumnTarget& target) const {
  static const std::string none;
  for (const auto& e : entries_) {
    if (e.target.role == target.role && e.target.item == target.item) return e.canonical;
  }
  return none;
}

std::optional<SubmissionStatus> submission_status_column(std::string_view header) {
  const std::string folded = fold_header(header);
  if (folded == "submitdate") return SubmissionStatus::limesurvey_submitdate;
  if (folded == "validationstatus") return SubmissionStatus::kobo_validation;
  if (folded == "reviewstate") return SubmissionStatus::odk_review;
  return std::nullopt;
}

}  // namespace siap
