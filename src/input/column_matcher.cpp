#include "input/column_matcher.hpp"

#include <tuple>

#include "siap/folding.hpp"
#include "siap/questionnaire.hpp"

namespace siap {

ColumnMatcher::ColumnMatcher(const Framework& fw, const std::vector<int>& item_nodes) {
  add(fw.input.unit_column, {ColumnTarget::Role::unit, -1});
  add(fw.input.respondent_id_column, {ColumnTarget::Role::respondent_id, -1});
  add(fw.input.group_column, {ColumnTarget::Role::group, -1});
  // As `siap questionnaire` labels them, for a Kobo export with label headers.
  for (const auto& [spec, label, role] : {std::tuple{&fw.input.unit_column, &kFormUnitLabel, ColumnTarget::Role::unit},
                                          std::tuple{&fw.input.group_column, &kFormGroupLabel, ColumnTarget::Role::group}}) {
    if (spec->empty()) continue;
    add_loose(question_texts_, label->id, {role, -1});
    add_loose(question_texts_, label->en, {role, -1});
  }
  for (std::size_t i = 0; i < item_nodes.size(); ++i) {
    const Node& node = fw.nodes[std::size_t(item_nodes[i])];
    const ColumnTarget target{ColumnTarget::Role::item, int(i)};
    add(node.column, target);
    add_loose(question_texts_, node.name.id, target);
    if (node.name.en != node.name.id) add_loose(question_texts_, node.name.en, target);
  }
}

void ColumnMatcher::add(const ColumnSpec& spec, ColumnTarget target) {
  if (spec.empty()) return;
  entries_.push_back({fold_header(spec.name), target, spec.name});
  add_loose(loose_names_, spec.name, target);
  for (const auto& alias : spec.aliases) {
    entries_.push_back({fold_header(alias), target, spec.name});
    add_loose(loose_names_, alias, target);
  }
}

void ColumnMatcher::add_loose(std::map<std::string, std::optional<ColumnTarget>>& table, std::string_view name, ColumnTarget target) {
  std::string key = fold_answer(name);
  if (key.empty()) return;
  auto [it, inserted] = table.try_emplace(std::move(key), target);
  if (!inserted && it->second && (it->second->role != target.role || it->second->item != target.item)) it->second.reset();
}

std::optional<ColumnTarget> ColumnMatcher::loose(std::string_view form) const {
  const std::string key = fold_answer(form);
  for (const auto* table : {&loose_names_, &question_texts_}) {
    if (auto it = table->find(key); it != table->end()) return it->second;  // nothing when shared
  }
  return std::nullopt;
}

std::vector<std::string_view> ColumnMatcher::candidates(std::string_view header) {
  std::string_view h = trim(header);
  std::vector<std::string_view> out{h};
  // A header longer than any question is taken whole: the cuts below cost
  // its length for each, and hostile input has megabyte headers.
  constexpr std::size_t kMaxDecoratedHeader = 1024, kMaxCuts = 32;
  if (h.size() > kMaxDecoratedHeader) return out;
  // LimeSurvey "q1. Question text" and "Q1[SQ001]. Text [Row]": the code before ". ".
  if (auto dot = h.find(". "); dot != std::string_view::npos && dot > 0 && h.substr(0, dot).find(' ') == std::string_view::npos) {
    out.push_back(h.substr(0, dot));
  }
  // Google Forms grids "Question [Row]": the row.
  if (h.ends_with(']')) {
    if (auto open = h.rfind(" ["); open != std::string_view::npos) out.push_back(trim(h.substr(open + 2, h.size() - open - 3)));
  }
  // Group paths, the longest tail first: a '/' inside a Kobo label ("dan/atau")
  // leaves the first cut as the one that matches.
  for (std::size_t i = 0, cuts = 0; i + 1 < h.size() && cuts < kMaxCuts; ++i) {
    if (h[i] == '/' || h[i] == '.' || h[i] == '-') {
      ++cuts;
      std::string_view tail = trim(h.substr(i + 1));
      if (!tail.empty()) out.push_back(tail);
    }
  }
  return out;
}

std::optional<ColumnTarget> ColumnMatcher::exact(const std::string& folded) const {
  for (const auto& e : entries_) {
    if (e.folded == folded) return e.target;
  }
  return std::nullopt;
}

std::optional<ColumnTarget> ColumnMatcher::match(std::string_view header) const {
  for (std::string_view form : candidates(header)) {
    if (auto t = exact(fold_header(form))) return t;
    if (auto t = loose(form)) return t;
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

bool ColumnMatcher::names_canonically(std::string_view header, const ColumnTarget& target) const {
  const std::string name = fold_header(canonical(target));
  for (std::string_view form : candidates(header)) {
    if (fold_header(form) == name) return true;
  }
  return false;
}

std::optional<SubmissionStatus> submission_status_column(std::string_view header) {
  const std::string folded = fold_header(header);
  // LimeSurvey writes "submitdate" with code headings and its English
  // column title "Date submitted" with full or abbreviated headings.
  if (folded == "submitdate" || folded == "datesubmitted") return SubmissionStatus::limesurvey_submitdate;
  if (folded == "validationstatus") return SubmissionStatus::kobo_validation;
  if (folded == "reviewstate") return SubmissionStatus::odk_review;
  return std::nullopt;
}

}  // namespace siap
