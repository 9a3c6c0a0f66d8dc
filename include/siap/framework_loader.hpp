// Loading and validating framework files (schema v1).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "siap/expected.hpp"
#include "siap/framework.hpp"

namespace siap {

inline constexpr std::string_view kFrameworkSchema = "siap/framework/v1";

// Parses and validates `text`; `file` names it in diagnostics. Either a
// complete, valid Framework or every error found, in document order.
Expected<Framework> load_framework(std::string_view text, const std::string& file);

// Reads and loads a file. A file that cannot be read is one diagnostic.
Expected<Framework> load_framework_file(const std::filesystem::path& path);

}  // namespace siap
