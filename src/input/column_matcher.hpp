// Matching input headers to the framework's columns: case, spaces, '_' and
// '-' are ignored, aliases count, and KoboToolbox ("group/q1") and ODK
// ("group-q1") group paths are stripped when the full header does not match.
#pragma once

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
  // Every name a target accepts, canonical first (for "closest header" hints).
  const std::string& canonical(const ColumnTarget& target) const;

 private:
  struct Entry {
    std::string folded;
    ColumnTarget target;
    std::string canonical;
  };
  void add(const ColumnSpec& spec, ColumnTarget target);
  std::optional<ColumnTarget> exact(const std::string& folded) const;
  std::vector<Entry> entries_;
};

}  // namespace siap
