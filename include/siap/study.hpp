// A study manifest (siap study STUDY.yaml): many assessments and the
// comparisons between them, kept in one file a team can keep in git.
// Checked as strictly as a framework: unknown keys, wrong types, repeated
// run names and missing files are errors with file:line:col. Schema:
// docs/study.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "siap/expected.hpp"

namespace siap {

struct StudyRun {
  std::string name;                  // the run's folder under the output; a file name
  std::string framework;             // built-in id or a path (made absolute)
  std::vector<std::string> inputs;   // paths (made absolute)
  std::vector<std::string> formats;  // as assess --format takes them; json is always added
  std::vector<std::string> options;  // further assess arguments, in a fixed order ("--rollup", "province", ...)
  std::optional<int> year;
  int line = 0;  // in the manifest, for messages
};

struct StudyComparison {
  std::string name;               // its folder under the output
  std::vector<std::string> runs;  // names of runs, oldest first
  std::vector<std::string> formats;
};

struct Study {
  std::string file;    // the manifest
  std::string title;   // may be ""
  std::string output;  // the output folder (absolute)
  std::string lang;    // "id" or "en"; "" for the command's own
  std::vector<StudyRun> runs;
  std::vector<StudyComparison> comparisons;
};

// Paths in the manifest are relative to its folder (`base`).
Expected<Study> load_study(std::string_view text, const std::string& file, const std::string& base);
// The same from a file, read no further than the YAML size limit.
Expected<Study> load_study_file(const std::string& path, const std::string& base);

}  // namespace siap
