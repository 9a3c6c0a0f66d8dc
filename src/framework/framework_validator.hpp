// Whole-framework rules that need the complete, resolved Framework: scale
// values inside the score range, bands that tile it, geometric means only on
// positive scores, one column per input header.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "framework/yaml_reader.hpp"
#include "siap/framework.hpp"

namespace siap {

using YamlSite = std::pair<YAML::Node, std::string>;  // a document node and its path

// Where the loader found the parts the validator reports on.
struct FrameworkLayout {
  std::vector<YamlSite> band_sets;                                      // parallel to Framework::band_sets
  std::vector<std::vector<YamlSite>> bands;                             // parallel to each BandSet::bands
  std::vector<bool> band_sets_complete;                                 // false: some range failed to load (already reported)
  std::unordered_map<std::string, std::vector<YamlSite>> scale_points;  // by scale id, parallel to Scale::points
  std::unordered_map<std::string, std::vector<YamlSite>> categories;    // by scale id, parallel to Scale::categories
};

void validate_framework(Framework& fw, const FrameworkLayout& layout, YamlReader& reader);

}  // namespace siap
