// Reading back the assessment JSON that `siap assess --format json` writes
// (schema siap/assessment/v1, docs/assessment-json.md), so that a later stage
// (a comparison with last year) can take last year's results without last
// year's raw data.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "siap/assessment.hpp"
#include "siap/expected.hpp"

namespace siap {

struct SavedAssessment {
  // Scores, ranks, units, input files, counts and the quality log's groups
  // and examples, as the JSON has them. No respondent answers: data.rows is
  // the accepted-row count, with no rows behind it. An exact value that does
  // not terminate is the 17-digit text the JSON holds.
  Assessment assessment;
  std::string tool_version;           // of the siap that wrote it
  std::vector<std::string> settings;  // as written
};

// `fw` must be the framework the JSON names (same id and version); it must
// outlive the result. Errors name the source and the place in the JSON.
Expected<SavedAssessment> read_assessment_json(std::string_view text, const std::string& source, const Framework& fw);

// The framework (id, version) an assessment JSON names, read without the
// rest of the document; nullopt when the text is not one.
std::optional<std::pair<std::string, std::string>> assessment_json_framework(std::string_view text);

}  // namespace siap
