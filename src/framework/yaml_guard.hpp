// Refuses hostile YAML before it is turned into a document tree: files that
// are too large, nested too deeply, too many nodes, or anchors and aliases
// (whose expansion is how "billion laughs" bombs work; frameworks name and
// reuse scales by id instead).
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>

#include "siap/diagnostic.hpp"
#include "siap/expected.hpp"

namespace siap {

struct YamlLimits {
  std::size_t max_bytes = 4u << 20;  // 4 MiB: the largest real framework is ~60 KB
  int max_depth = 64;
  std::size_t max_nodes = 200'000;
};

// The text of a YAML file (a framework, a study manifest, an uncertainty
// spec), read to at most one byte past `limits.max_bytes`: a file too large,
// or a device that never ends (/dev/zero), is refused without being held
// in memory. Errors name the file.
Expected<std::string> read_yaml_file(const std::string& path, const YamlLimits& limits = {});

// Empty optional when the text is safe to load; otherwise the reason.
std::optional<Diagnostic> check_yaml_safety(std::string_view text, std::string_view file, const YamlLimits& limits = {});

// The document tree of a framework or study manifest: refused by the guard
// above, invalid YAML or an empty file are one diagnostic each.
Expected<YAML::Node> load_yaml_document(std::string_view text, const std::string& file);

}  // namespace siap
