// Matching input headers to the framework's columns as survey tools write
// them (docs/inputs.md, "Headers"): case, spaces, '_' and '-' are ignored and
// aliases count; then, when that finds nothing, punctuation is ignored too
// ("Kabupaten/Kota"), the question's text in either language counts, and the
// tools' decorations are taken off: LimeSurvey's "q1. question text",
// Google Forms' grid "Question [row]", KoboToolbox's and ODK's group paths
// ("grup/q1", "grup.q1", "grup-q1"). A looser key that two columns share
// matches neither.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "siap/framework.hpp"

namespace siap {

// What a header is for.
struct ColumnTarget {
  // submission_status: a survey tool's column saying whether a submission
  // is complete or approved (`item` is a SubmissionStatus).
  enum class Role { unit, respondent_id, group, item, submission_status } role = Role::item;
  int item = -1;  // index into the dataset's items for Role::item
};

// The survey tools' status columns siap reads (docs/inputs.md).
enum class SubmissionStatus {
  limesurvey_submitdate,  // empty: the response was not completed
  kobo_validation,        // _validation_status "not approved"
  odk_review              // ReviewState "rejected"
};

// The status column a header names, when no framework column claims it.
std::optional<SubmissionStatus> submission_status_column(std::string_view header);

class ColumnMatcher {
 public:
  // `item_nodes[i]` is the node read by item i.
  ColumnMatcher(const Framework& fw, const std::vector<int>& item_nodes);

  std::optional<ColumnTarget> match(std::string_view header) const;
  // The forms of a header that are tried, most specific first (for hints too).
  static std::vector<std::string_view> candidates(std::string_view header);
  // Every name a target accepts, canonical first (for "closest header" hints).
  const std::string& canonical(const ColumnTarget& target) const;
  // Whether `header` (or a tail of its group path) is the target's own
  // name, not an alias or a question text: when a form's `id_responden` and
  // a server's `_id` (an alias) are both present, the framework's name wins.
  bool names_canonically(std::string_view header, const ColumnTarget& target) const;

 private:
  struct Entry {
    std::string folded;
    ColumnTarget target;
    std::string canonical;
  };
  void add(const ColumnSpec& spec, ColumnTarget target);
  void add_loose(std::map<std::string, std::optional<ColumnTarget>>& table, std::string_view name, ColumnTarget target);
  std::optional<ColumnTarget> exact(const std::string& folded) const;
  std::optional<ColumnTarget> loose(std::string_view form) const;
  std::vector<Entry> entries_;
  // Keys with punctuation ignored: names and aliases, then question texts.
  // A key two targets share holds nothing.
  std::map<std::string, std::optional<ColumnTarget>> loose_names_, question_texts_;
};

}  // namespace siap
