#include "siap/framework_catalog.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "util/builtin_file.hpp"
#include "siap/edit_distance.hpp"
#include "siap/framework_loader.hpp"

namespace siap {
namespace {

std::string id_of(std::string_view file_name) {
  std::string_view id = file_name;
  if (id.ends_with(".yaml")) id.remove_suffix(5);
  return std::string(id);
}

bool looks_like_path(std::string_view s) { return s.find('/') != std::string_view::npos || s.ends_with(".yaml") || s.ends_with(".yml"); }

}  // namespace

std::vector<std::string> builtin_framework_ids() {
  std::vector<std::string> ids;
  for (const auto& file : builtin_framework_files()) ids.push_back(id_of(file.name));
  std::sort(ids.begin(), ids.end());
  return ids;
}

Expected<Framework> load_builtin_framework(std::string_view id) {
  for (const auto& file : builtin_framework_files()) {
    if (id_of(file.name) == id) return load_framework(file.text, "<builtin>/" + std::string(file.name));
  }
  std::vector<std::string> ids = builtin_framework_ids();
  std::string known = fmt::format("{}", fmt::join(ids, ", "));
  if (auto suggestion = closest_match(id, ids)) {
    return Diagnostics{Diagnostic{{std::string(id), 0, 0},
                                  "",
                                  {fmt::format("kerangka bawaan tidak dikenal; maksud Anda '{}'?", *suggestion),
                                   fmt::format("unknown built-in framework; did you mean '{}'?", *suggestion)}}};
  }
  return Diagnostics{Diagnostic{
      {std::string(id), 0, 0},
      "",
      {fmt::format("kerangka bawaan tidak dikenal; yang tersedia: {}", known), fmt::format("unknown built-in framework; available: {}", known)}}};
}

Expected<Framework> resolve_framework(std::string_view id_or_path) {
  std::error_code ec;
  if (looks_like_path(id_or_path) || std::filesystem::is_regular_file(std::filesystem::path(id_or_path), ec)) {
    return load_framework_file(std::filesystem::path(id_or_path));
  }
  return load_builtin_framework(id_or_path);
}

}  // namespace siap
