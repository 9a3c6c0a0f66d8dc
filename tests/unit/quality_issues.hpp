// Test helper: every issue of a dataset's quality log, in file and line order.
#pragma once

#include <vector>

#include "siap/dataset.hpp"

inline std::vector<siap::QualityIssue> issues_of(const siap::Dataset& data) {
  std::vector<siap::QualityIssue> out;
  data.quality.for_each([&](const siap::QualityIssue& issue) { out.push_back(issue); });
  return out;
}
