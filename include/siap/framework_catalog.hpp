// Finding a framework by built-in id or by path.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "siap/expected.hpp"
#include "siap/framework.hpp"

namespace siap {

// Ids of the built-in frameworks (file names without ".yaml"), sorted.
std::vector<std::string> builtin_framework_ids();

// Diagnostics name built-in files "<builtin>/ID.yaml".
Expected<Framework> load_builtin_framework(std::string_view id);

// A path (anything containing '/' or ending in .yaml/.yml, or an existing
// file) loads that file; otherwise a built-in id. An unknown id gets a
// "did you mean" suggestion.
Expected<Framework> resolve_framework(std::string_view id_or_path);

}  // namespace siap
