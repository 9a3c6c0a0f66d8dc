// Typed, strict reading of a YAML document tree. Every problem becomes a
// Diagnostic with its file:line:col and document path; reading continues so
// that one pass reports every error.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <vector>

#include "siap/decimal.hpp"
#include "siap/diagnostic.hpp"
#include "siap/limits.hpp"

namespace siap {

class YamlReader {
 public:
  YamlReader(std::string file, Diagnostics& errors) : file_(std::move(file)), errors_(errors) {}

  const std::string& file() const { return file_; }
  SourceLocation location(const YAML::Node& node) const;
  void error(const YAML::Node& at, const std::string& path, LocalizedText message);
  void error(const SourceLocation& at, const std::string& path, LocalizedText message);
  std::size_t error_count() const { return errors_.size() + suppressed_; }
  // After limits::kMaxFrameworkErrors errors the rest are only counted: a
  // broken file cannot make the error list, or the work of wording it, grow
  // without bound. Callers may skip costly wording (suggestions) when full.
  bool full() const { return errors_.size() >= limits::kMaxFrameworkErrors; }
  // "and N more errors", when some were only counted.
  std::optional<Diagnostic> suppressed_errors() const;

  // Typed scalars; on a wrong type or value they report and return nullopt.
  std::optional<std::string> string(const YAML::Node& node, const std::string& path);
  std::optional<Decimal> decimal(const YAML::Node& node, const std::string& path);
  std::optional<long long> integer(const YAML::Node& node, const std::string& path, long long min, long long max);
  std::optional<bool> boolean(const YAML::Node& node, const std::string& path);
  // One of `choices`; otherwise a "did you mean" error naming `what`.
  std::optional<std::string> choice(const YAML::Node& node, const std::string& path, const LocalizedText& what,
                                    const std::vector<std::string>& choices);
  // An identifier: letters, digits, '_', '-', '.', starting with a letter or digit.
  std::optional<std::string> identifier(const YAML::Node& node, const std::string& path);
  // Either a plain string (same in both languages) or {id: ..., en: ...}.
  std::optional<LocalizedText> text(const YAML::Node& node, const std::string& path);
  // A string or a sequence of strings.
  std::vector<std::string> string_list(const YAML::Node& node, const std::string& path);

  bool expect_map(const YAML::Node& node, const std::string& path);
  bool expect_sequence(const YAML::Node& node, const std::string& path);

 private:
  std::string file_;
  Diagnostics& errors_;
  std::size_t suppressed_ = 0;
};

// One YAML mapping read against a fixed set of allowed keys. Unknown and
// repeated keys are reported on construction, with "did you mean".
class MapReader {
 public:
  MapReader(YamlReader& reader, const YAML::Node& node, std::string path, std::vector<std::string> allowed_keys);

  bool valid() const { return valid_; }
  const YAML::Node& node() const { return node_; }
  const std::string& path() const { return path_; }
  std::string path_of(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }

  bool has(const std::string& key) const;
  // The value of `key`, or an undefined node when absent.
  YAML::Node get(const std::string& key) const;
  // As get(), but reports a missing key.
  YAML::Node required(const std::string& key) const;

 private:
  YamlReader& reader_;
  YAML::Node node_;
  std::string path_;
  bool valid_ = false;
};

std::string index_path(const std::string& path, std::size_t index);

}  // namespace siap
